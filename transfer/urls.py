from django.urls import path

from . import views

app_name = "transfer"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("template/<slug:kind>.csv", views.template, name="template"),
    path("<int:pk>/", views.preview, name="preview"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
]
