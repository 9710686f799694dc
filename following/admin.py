from django.contrib import admin

from accounts.policy import is_curator

from .models import Follow


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    """Read-only, for curators: what people follow (people manage their own at /following/)."""

    list_display = ["user", "kind", "label", "created", "last_sent"]
    list_filter = ["kind"]
    list_select_related = ["user"]
    search_fields = ["label", "user__email"]
    readonly_fields = ["user", "kind", "label", "query", "facets", "theme", "area", "created", "last_sent"]
    fields = readonly_fields

    def has_module_permission(self, request) -> bool:
        return is_curator(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_curator(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
