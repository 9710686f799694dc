from django.contrib import admin

from core.admin import EntryAdmin, LabelledAutocomplete
from projects.models import Membership

from .models import Researcher


class MembershipInline(LabelledAutocomplete, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["project"]


@admin.register(Researcher)
class ResearcherAdmin(EntryAdmin):
    list_display = ["name", "organisation", "career_stage", "status"]
    list_filter = ["career_stage", "open_to_collaboration", "has_lived_experience", *EntryAdmin.list_filter]
    list_select_related = ["organisation"]
    search_fields = ["name", "email", "orcid", "expertise"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation", "affiliations", "themes", "account"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "title", "slug", "status", "is_sample", "account"]}),
        ("Work", {"fields": ["job_title", "career_stage", "organisation", "affiliations"]}),
        ("Expertise", {"fields": ["biography", "expertise", "methods", "themes", "orcid"]}),
        ("Elsewhere", {"fields": ["other_names", "links", "other_identifiers"]}),
        (
            "Open to",
            {
                "fields": [
                    "open_to_collaboration",
                    "open_to_supervision",
                    "open_to_advising",
                    "open_to_media",
                    "open_to_speaking",
                ]
            },
        ),
        (
            "Personal details, shown only as the person chose",
            {
                "fields": [
                    "email",
                    "show_email",
                    "has_lived_experience",
                    "lived_experience",
                    "show_lived_experience",
                ]
            },
        ),
        ("Record", {"fields": ["created", "updated"]}),
    ]
