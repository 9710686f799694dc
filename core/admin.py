"""What every entry's admin page shares. Who may do what comes from accounts.policy."""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from reversion.admin import VersionAdmin

from accounts.policy import Action, can, is_curator


class LabelledAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete box, with a label on the empty choice of an optional link: HTML does not
    allow an empty option without one."""

    def create_option(self, name, value, label, *args, **kwargs):
        return super().create_option(name, value, label if value != "" else "(none)", *args, **kwargs)


class LabelledAutocomplete:
    """For every admin and inline with autocomplete_fields: their links use LabelledAutocompleteSelect."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = LabelledAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CuratorsEdit:
    """For a ModelAdmin of reference data that curators look after (the Curators group has no Django model
    permissions): curators may see, add, change and delete it."""

    def has_module_permission(self, request) -> bool:
        return is_curator(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_curator(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request) -> bool:
        return is_curator(request.user) or super().has_add_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return is_curator(request.user) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return is_curator(request.user) or super().has_delete_permission(request, obj)


class EntryAdmin(LabelledAutocomplete, VersionAdmin):
    """Every change made here is recorded as a version, as on the site (see editing/history.py)."""

    list_filter = ["status", "is_sample"]
    readonly_fields = ["created", "updated"]
    list_per_page = 50
    actions = ["publish", "archive"]

    def has_module_permission(self, request) -> bool:
        return is_curator(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        allowed = obj is not None and can(request.user, Action.VIEW, obj)
        return allowed or is_curator(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request) -> bool:
        return is_curator(request.user) or super().has_add_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None:
            return can(request.user, Action.EDIT, obj)
        return is_curator(request.user) or super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return is_curator(request.user)

    def has_publish_permission(self, request) -> bool:
        return is_curator(request.user)

    @admin.action(description="Publish the selected entries", permissions=["publish"])
    def publish(self, request, queryset):
        self.move_each(request, queryset, "publish")

    @admin.action(description="Archive the selected entries", permissions=["publish"])
    def archive(self, request, queryset):
        self.move_each(request, queryset, "archive")

    def move_each(self, request, queryset, name: str) -> None:
        """Through the review workflow, one by one, so each is recorded and its author told."""
        from editing.workflow import MOVES, make_move

        moved, skipped = 0, []
        for entry in queryset:
            if entry.status == MOVES[name].target:
                continue
            try:
                make_move(request.user, entry, name, request=request)
                moved += 1
            except (PermissionDenied, ValidationError):
                skipped.append(str(entry))
        self.message_user(request, f"{MOVES[name].label}: {moved} done.")
        if skipped:
            self.message_user(request, f"Not allowed for: {', '.join(skipped)}.", messages.WARNING)
