from django.urls import path

from . import views

app_name = "curated"
urlpatterns = [
    path("", views.collection_list, name="list"),
    path("<slug:slug>/", views.collection_detail, name="detail"),
]
