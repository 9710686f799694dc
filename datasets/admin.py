from django.contrib import admin

from core.admin import EntryAdmin, LabelledAutocomplete
from projects.models import DatasetUsage

from .models import Dataset, LinkageIdentifier


class UsageInline(LabelledAutocomplete, admin.TabularInline):
    model = DatasetUsage
    extra = 0
    autocomplete_fields = ["project"]


@admin.register(Dataset)
class DatasetAdmin(EntryAdmin):
    list_display = ["title", "custodian", "access_level", "source_kind", "status"]
    list_filter = ["access_level", "source_kind", "coverage_scope", *EntryAdmin.list_filter]
    list_select_related = ["custodian"]
    search_fields = ["title", "summary", "keywords", "doi"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["custodian", "themes", "areas", "identifiers", "linked_datasets"]
    inlines = [UsageInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "is_sample", "summary", "description"]}),
        ("Who holds it", {"fields": ["custodian", "contact_name", "contact_email"]}),
        ("Subject", {"fields": ["themes", "keywords", "source_kind", "population", "unit_of_observation"]}),
        ("Ages", {"fields": ["min_age", "max_age", "includes_antenatal"]}),
        ("Where and when", {"fields": ["coverage_scope", "areas", "start_year", "end_year", "is_ongoing"]}),
        ("Size", {"fields": ["individuals_count", "records_count"]}),
        ("Linkage", {"fields": ["identifiers", "linked_datasets"]}),
        (
            "Access",
            {
                "fields": [
                    "access_level",
                    "access_instructions",
                    "access_url",
                    "trusted_research_environment",
                    "time_to_access",
                    "licence",
                    "formats",
                    "update_frequency",
                    "landing_page",
                    "doi",
                ]
            },
        ),
        ("Record", {"fields": ["created", "updated"]}),
    ]


@admin.register(LinkageIdentifier)
class LinkageIdentifierAdmin(LabelledAutocomplete, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
