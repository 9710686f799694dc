from django.contrib import admin

from core.admin import EntryAdmin, LabelledAutocomplete
from projects.models import DatasetUsage

from .access_facts import ACCESS_FACTS
from .dictionary.changes import dictionaries_changed
from .models import AccessStep, Dataset, DictionaryTable, LinkageIdentifier, Observation, Variable


class AccessStepInline(admin.TabularInline):
    model = AccessStep
    extra = 1
    fields = ["position", "title", "url", "description"]


class ObservationInline(admin.TabularInline):
    model = Observation
    extra = 1
    fields = ["measure", "count", "observed_on", "description"]


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
    inlines = [AccessStepInline, ObservationInline, UsageInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "is_sample", "summary", "description"]}),
        ("Who holds it", {"fields": ["custodian", "contact_name", "contact_email"]}),
        ("Subject", {"fields": ["themes", "keywords", "source_kind", "population", "unit_of_observation"]}),
        ("Ages", {"fields": ["min_age", "max_age", "includes_antenatal"]}),
        ("Where and when", {"fields": ["coverage_scope", "areas", "start_year", "end_year", "is_ongoing"]}),
        ("Linkage", {"fields": ["identifiers", "linked_datasets"]}),
        (
            "Access",
            {
                "fields": [
                    "access_level",
                    *ACCESS_FACTS,
                    "licence",
                    *Dataset.FORMATS_AND_LINKS,
                ]
            },
        ),
        ("From its source catalogue", {"fields": Dataset.SOURCE_DATES}),
        ("Record", {"fields": ["created", "updated"]}),
    ]


@admin.register(LinkageIdentifier)
class LinkageIdentifierAdmin(LabelledAutocomplete, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


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
