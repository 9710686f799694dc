from django.contrib import admin

from core.admin import CuratorsRead

from .models import Follow


@admin.register(Follow)
class FollowAdmin(CuratorsRead, admin.ModelAdmin):
    """Read-only, for curators: what people follow (people manage their own at /following/)."""

    list_display = ["user", "kind", "label", "created", "last_sent"]
    list_filter = ["kind"]
    list_select_related = ["user"]
    search_fields = ["label", "user__email"]
    readonly_fields = ["user", "kind", "label", "query", "facets", "theme", "area", "created", "last_sent"]
    fields = readonly_fields
