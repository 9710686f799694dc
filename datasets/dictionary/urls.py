from django.urls import path

from . import compare, views

app_name = "dictionary"
DICTIONARY = "datasets/<slug:slug>/variables/"
VARIABLE = DICTIONARY + "<slug:table>/<str:name>/"
urlpatterns = [
    path(DICTIONARY, views.dictionary, name="list"),
    path(DICTIONARY + "variables.csv", views.dictionary_csv, name="csv"),
    path(DICTIONARY + "new/", views.variable_edit, name="new"),
    path(DICTIONARY + "import/", views.import_upload, name="import"),
    path(VARIABLE, views.variable_detail, name="detail"),
    path(VARIABLE + "edit/", views.variable_edit, name="edit"),
    path(VARIABLE + "delete/", views.variable_delete, name="delete"),
    path(VARIABLE + "history/", views.variable_history, name="history"),
    path(VARIABLE + "history/<int:version_id>/restore/", views.variable_restore, name="restore"),
    # Beside the variables' addresses, not under them, so no table or variable name can shadow it.
    path("datasets/<slug:slug>/tables/<slug:table>/edit/", views.table_edit, name="table-edit"),
    path("variables/imports/<int:pk>/", views.import_preview, name="import-preview"),
    path("variables/imports/<int:pk>/confirm/", views.import_confirm, name="import-confirm"),
    path("compare/", compare.compare, name="compare"),
]
