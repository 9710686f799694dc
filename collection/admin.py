from django.contrib import admin

from accounts.policy import is_curator
from core.admin import EntryAdmin, LabelledAutocomplete

from .models import Collection, CollectionItem


class CollectionItemInline(LabelledAutocomplete, admin.TabularInline):
    """Items belong to their collection: whoever looks after collections (curators) edits them."""

    model = CollectionItem
    extra = 3
    ordering = ["position", "pk"]
    fields = ["position", "researcher", "dataset", "project", "output", "note"]
    autocomplete_fields = ["researcher", "dataset", "project", "output"]

    def has_view_permission(self, request, obj=None) -> bool:
        return is_curator(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return is_curator(request.user) or super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return is_curator(request.user) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return is_curator(request.user) or super().has_delete_permission(request, obj)


@admin.register(Collection)
class CollectionAdmin(EntryAdmin):
    list_display = ["title", "theme", "status", "updated"]
    list_select_related = ["theme"]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["theme"]
    inlines = [CollectionItemInline]
