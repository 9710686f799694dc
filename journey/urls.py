from django.urls import path

from . import views

app_name = "journey"
urlpatterns = [
    path("", views.journey, name="journey"),
    path("summary.csv", views.summary_csv, name="summary-csv"),
    path("add/<slug:slug>/", views.add, name="add"),
    path("remove/<slug:slug>/", views.remove, name="remove"),
    path("clear/", views.clear, name="clear"),
]
