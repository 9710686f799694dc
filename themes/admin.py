from django.contrib import admin

from core.admin import EntryAdmin

from .models import Theme


@admin.register(Theme)
class ThemeAdmin(EntryAdmin):
    list_display = ["name", "parent", "family", "status"]
    list_filter = ["family", *EntryAdmin.list_filter]
    list_select_related = ["parent"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
