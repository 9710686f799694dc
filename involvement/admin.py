from django.contrib import admin

from core.admin import EntryAdmin

from .models import Opportunity


@admin.register(Opportunity)
class OpportunityAdmin(EntryAdmin):
    list_display = ["title", "project", "organisation", "closes_on", "status"]
    list_filter = ["payment", "setting", *EntryAdmin.list_filter]
    list_select_related = ["project", "organisation"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["project", "organisation"]
    date_hierarchy = "closes_on"
