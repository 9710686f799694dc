from django.contrib import admin

from accounts.policy import is_curator

from .models import IntroductionRequest


@admin.register(IntroductionRequest)
class IntroductionRequestAdmin(admin.ModelAdmin):
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
