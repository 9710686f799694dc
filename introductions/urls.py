from django.urls import path

from . import enquiries, views

app_name = "introductions"
urlpatterns = [
    path("researchers/<slug:slug>/", views.to_researcher, name="researcher"),
    path("datasets/<slug:slug>/", views.to_dataset, name="dataset"),
    path("enquiries/", enquiries.enquiry_list, name="enquiries"),
    path("enquiries/<int:pk>/answered/", enquiries.mark_answered, name="answered"),
    path("opportunities/<slug:slug>/", views.to_opportunity, name="opportunity"),
]
