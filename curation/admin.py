from django.contrib import admin

from .models import Link, LinkUse, ReviewReminder


class LinkUseInline(admin.TabularInline):
    model = LinkUse
    extra = 0
    fields = ["content_type", "object_id", "field"]
    readonly_fields = fields


@admin.register(Link)
class LinkAdmin(admin.ModelAdmin):
    list_display = ["url", "is_broken", "status_code", "error", "last_checked", "broken_since"]
    list_filter = ["is_broken"]
    search_fields = ["url"]
    readonly_fields = ["last_checked", "status_code", "error", "is_broken", "broken_since"]
    inlines = [LinkUseInline]


@admin.register(ReviewReminder)
class ReviewReminderAdmin(admin.ModelAdmin):
    list_display = ["recipient", "content_type", "object_id", "sent_at"]
    list_select_related = ["recipient", "content_type"]
    date_hierarchy = "sent_at"
