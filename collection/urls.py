from django.urls import path

from . import views

app_name = "collection"
urlpatterns = [
    path("", views.collection_list, name="list"),
    path("<slug:slug>/", views.collection_detail, name="detail"),
]
