from django.contrib import admin

from .changes import dictionaries_changed
from .models import DictionaryTable, Variable


class DictionaryAdmin(admin.ModelAdmin):
    """A change in the admin reaches the dataset's search entry and the kept charts, as one on the site does."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        dictionaries_changed([obj.dataset_id])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        dictionaries_changed([obj.dataset_id])

    def delete_queryset(self, request, queryset):
        dataset_ids = list(queryset.values_list("dataset_id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        dictionaries_changed(dataset_ids)


@admin.register(DictionaryTable)
class DictionaryTableAdmin(DictionaryAdmin):
    list_display = ["name", "dataset", "position"]
    list_select_related = ["dataset"]
    search_fields = ["name", "dataset__title"]
    autocomplete_fields = ["dataset"]


@admin.register(Variable)
class VariableAdmin(DictionaryAdmin):
    list_display = ["name", "label", "dataset", "table", "value_type", "ages"]
    list_select_related = ["dataset", "table"]
    list_filter = ["value_type"]
    search_fields = ["name", "label", "topic", "dataset__title"]
    autocomplete_fields = ["dataset", "table", "theme"]
