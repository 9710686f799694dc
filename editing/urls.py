from django.urls import path

from . import views

app_name = "editing"
urlpatterns = [
    path("review/", views.review_queue, name="review-queue"),
    path("edit/choices/<slug:kind>/", views.choices, name="choices"),
    path("edit/<slug:kind>/new/", views.new_entry, name="new"),
    path("edit/<slug:kind>/<slug:slug>/", views.edit_entry, name="edit"),
    path("edit/<slug:kind>/<slug:slug>/history/", views.entry_history, name="history"),
    path(
        "edit/<slug:kind>/<slug:slug>/history/<int:version_id>/restore/",
        views.restore_version,
        name="restore",
    ),
    path("edit/<slug:kind>/<slug:slug>/archive/", views.confirm_archive, name="confirm-archive"),
    path("edit/<slug:kind>/<slug:slug>/delete/", views.delete_entry, name="delete"),
    path("edit/<slug:kind>/<slug:slug>/move/<slug:name>/", views.move, name="move"),
]
