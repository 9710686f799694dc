from django.contrib import admin

from core.admin import EntryAdmin, LabelledAutocomplete

from .models import DatasetUsage, Membership, Output, Project


class MembershipInline(LabelledAutocomplete, admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["researcher"]


class UsageInline(LabelledAutocomplete, admin.TabularInline):
    model = DatasetUsage
    extra = 1
    autocomplete_fields = ["dataset"]


class OutputInline(LabelledAutocomplete, admin.StackedInline):
    model = Output
    extra = 0


@admin.register(Project)
class ProjectAdmin(EntryAdmin):
    list_display = ["title", "stage", "start_date", "end_date", "status"]
    list_filter = ["stage", *EntryAdmin.list_filter]
    search_fields = ["title", "summary", "funder"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["partner_organisations", "themes"]
    inlines = [MembershipInline, UsageInline, OutputInline]
    date_hierarchy = "start_date"


@admin.register(Membership)
class MembershipAdmin(LabelledAutocomplete, admin.ModelAdmin):
    list_display = ["researcher", "project", "role"]
    list_filter = ["role"]
    list_select_related = ["researcher", "project"]
    search_fields = ["researcher__name", "project__title"]
    autocomplete_fields = ["researcher", "project"]


@admin.register(DatasetUsage)
class DatasetUsageAdmin(LabelledAutocomplete, admin.ModelAdmin):
    list_display = ["dataset", "project", "note"]
    list_select_related = ["dataset", "project"]
    search_fields = ["dataset__title", "project__title", "note"]
    autocomplete_fields = ["dataset", "project"]


@admin.register(Output)
class OutputAdmin(LabelledAutocomplete, admin.ModelAdmin):
    list_display = ["title", "kind", "year", "project"]
    list_filter = ["kind", "year"]
    list_select_related = ["project"]
    search_fields = ["title", "key_finding", "doi"]
    autocomplete_fields = ["project"]
