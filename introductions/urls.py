from django.urls import path

from . import views

app_name = "introductions"
urlpatterns = [
    path("researchers/<slug:slug>/", views.to_researcher, name="researcher"),
    path("datasets/<slug:slug>/", views.to_dataset, name="dataset"),
    path("opportunities/<slug:slug>/", views.to_opportunity, name="opportunity"),
]
