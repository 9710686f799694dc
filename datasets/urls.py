from django.urls import path

from catalogue.urls import dataset_patterns as dcat_patterns

from . import views

app_name = "datasets"
urlpatterns = [
    path("", views.dataset_list, name="list"),
    path("<slug:slug>/", views.dataset_detail, name="detail"),
    path("<slug:slug>/hdruk.json", views.dataset_hdruk, name="hdruk"),
]
urlpatterns += dcat_patterns
