from django.urls import path

from . import views

app_name = "coverage"
urlpatterns = [
    path("", views.coverage_map, name="map"),
    path("gaps/", views.gaps, name="gaps"),
]
