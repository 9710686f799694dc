from django.contrib import admin

from accounts.policy import is_curator

from .models import ContactMessage


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Read-only, for curators: what people wrote, and what became of it."""

    list_display = ["created", "topic", "name", "email", "outcome"]
    list_filter = ["topic", "outcome"]
    search_fields = ["name", "email", "message"]
    date_hierarchy = "created"
    readonly_fields = ["created", "topic", "name", "email", "page", "message", "ip", "outcome"]
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
        return is_curator(request.user)
