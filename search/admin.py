from django.contrib import admin

from .models import SearchLog, SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]


@admin.register(SearchLog)
class SearchLogAdmin(admin.ModelAdmin):
    list_display = ["query", "result_count", "created"]
    list_filter = ["created"]
    search_fields = ["query"]
    readonly_fields = ["query", "filters", "result_count", "created"]

    def has_add_permission(self, request) -> bool:
        return False
