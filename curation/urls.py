from django.urls import path

from . import views

app_name = "curation"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("reviewed/<str:kind>/<slug:slug>/", views.confirm_reviewed, name="reviewed"),
]
