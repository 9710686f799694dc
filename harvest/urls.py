from django.urls import path

from . import views

app_name = "harvest"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.preview, name="preview"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
    path("orcid/", views.orcid, name="orcid"),
    path("orcid/<int:pk>/", views.orcid_preview, name="orcid-preview"),
    path("orcid/<int:pk>/confirm/", views.orcid_confirm, name="orcid-confirm"),
]
