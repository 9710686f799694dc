"""What every entry's admin page shares."""

from django.contrib import admin
from django.utils import timezone

from .models import Entry


class EntryAdmin(admin.ModelAdmin):
    list_filter = ["status", "is_sample"]
    readonly_fields = ["created", "updated"]
    list_per_page = 50
    actions = ["publish", "archive"]

    @admin.action(description="Publish the selected entries")
    def publish(self, request, queryset):
        queryset.update(status=Entry.Status.PUBLISHED, updated=timezone.now())

    @admin.action(description="Archive the selected entries")
    def archive(self, request, queryset):
        queryset.update(status=Entry.Status.ARCHIVED, updated=timezone.now())
