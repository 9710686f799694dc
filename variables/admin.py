from django.contrib import admin

from .models import DictionaryTable, Variable


class VariableInline(admin.TabularInline):
    model = Variable
    extra = 0
    fields = ["name", "label", "value_type", "topic", "ages"]
    show_change_link = True


@admin.register(DictionaryTable)
class DictionaryTableAdmin(admin.ModelAdmin):
    list_display = ["name", "dataset", "position"]
    list_select_related = ["dataset"]
    search_fields = ["name", "dataset__title"]
    autocomplete_fields = ["dataset"]


@admin.register(Variable)
class VariableAdmin(admin.ModelAdmin):
    list_display = ["name", "label", "dataset", "table", "value_type", "ages"]
    list_select_related = ["dataset", "table"]
    list_filter = ["value_type"]
    search_fields = ["name", "label", "topic", "dataset__title"]
    autocomplete_fields = ["dataset", "table", "theme"]
