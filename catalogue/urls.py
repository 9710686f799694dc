from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("dcat", views.catalogue_dcat, name="dcat"),
    path("dcat.jsonld", views.catalogue_dcat, {"suffix": "jsonld"}, name="dcat-jsonld"),
    path("dcat.ttl", views.catalogue_dcat, {"suffix": "ttl"}, name="dcat-turtle"),
]

# Each dataset's description sits beside its page; datasets/urls.py adds these.
dataset_patterns = [
    path("<slug:slug>/dcat", views.dataset_dcat, name="dcat"),
    path("<slug:slug>/dcat.jsonld", views.dataset_dcat, {"suffix": "jsonld"}, name="dcat-jsonld"),
    path("<slug:slug>/dcat.ttl", views.dataset_dcat, {"suffix": "ttl"}, name="dcat-turtle"),
]
