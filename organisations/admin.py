from django.contrib import admin

from core.admin import EntryAdmin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(EntryAdmin):
    list_display = ["name", "kind", "is_n8_member", "area", "status"]
    list_filter = ["kind", "is_n8_member", *EntryAdmin.list_filter]
    list_select_related = ["area"]
    search_fields = ["name", "short_name", "ror_id"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["area", "editors"]
