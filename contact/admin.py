from django.contrib import admin

from core.admin import CuratorsRead

from .models import ContactMessage


@admin.register(ContactMessage)
class ContactMessageAdmin(CuratorsRead, admin.ModelAdmin):
    """Read-only, for curators: what people wrote, and what became of it."""

    list_display = ["created", "topic", "name", "email", "outcome"]
    list_filter = ["topic", "outcome"]
    search_fields = ["name", "email", "message"]
    date_hierarchy = "created"
    readonly_fields = ["created", "topic", "name", "email", "page", "message", "ip", "outcome"]
    fields = readonly_fields

    curators_may_delete = True
