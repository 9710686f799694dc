from django.urls import path

from catalogue.urls import dataset_patterns as dcat_patterns

from . import views

app_name = "datasets"
urlpatterns = [
    path("", views.dataset_list, name="list"),
    path("<slug:slug>/", views.dataset_detail, name="detail"),
]
urlpatterns += dcat_patterns
