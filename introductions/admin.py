from django.contrib import admin

from core.admin import CuratorsRead

from .models import IntroductionRequest


@admin.register(IntroductionRequest)
class IntroductionRequestAdmin(CuratorsRead, admin.ModelAdmin):
    """A read-only log, for curators only: who asked to be introduced to whom, and what became of it."""

    list_display = ["created", "requester_name", "requester_email", "researcher", "dataset", "outcome", "ip"]
    list_filter = ["outcome"]
    list_select_related = ["researcher", "dataset"]
    search_fields = ["requester_name", "requester_email", "requester_organisation", "ip"]
    date_hierarchy = "created"
    readonly_fields = [
        "created",
        "outcome",
        "researcher",
        "dataset",
        "requester_name",
        "requester_organisation",
        "requester_email",
        "ip",
        "message",
        "answered",
        "answered_by",
    ]
    fields = readonly_fields
