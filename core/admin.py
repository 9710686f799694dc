"""What every entry's admin page shares. Who may do what comes from accounts.policy."""

from django import forms
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


class CuratorsRead:
    """For a ModelAdmin of what people leave behind (messages, requests, follows): curators read it, nobody
    adds or changes it in the admin, and only where `curators_may_delete` do curators delete it."""

    curators_may_delete = False

    def has_module_permission(self, request) -> bool:
        return is_curator(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_curator(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.curators_may_delete and is_curator(request.user)


LOST_UPDATE = (
    "Someone else saved this entry after you opened it, so your save would undo their changes. "
    "Open the entry again to see what they changed, then make your change."
)


class VersionCheckedForm(forms.ModelForm):
    """Refuses to save over a change made since the form was opened (on the site or in the admin), as the
    site's editing forms do (editing/views.py): `version` is the entry's `updated` when it was opened."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.updated.isoformat()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # The admin saves inside a transaction: the lock holds the row until this save is done.
            model = type(self.instance)
            current = model._default_manager.select_for_update().filter(pk=self.instance.pk)
            saved = current.values_list("updated", flat=True).first()
            if saved is not None and saved.isoformat() != self.data.get(self.add_prefix("version")):
                raise ValidationError(LOST_UPDATE, code="lost-update")
        return cleaned


class EntryAdmin(LabelledAutocomplete, VersionAdmin):
    """Every change made here is recorded as a version, as on the site (see editing/history.py)."""

    form = VersionCheckedForm
    list_filter = ["status", "is_sample"]
    readonly_fields = ["created", "updated"]
    list_per_page = 50
    actions = ["publish", "archive"]

    def get_fieldsets(self, request, obj=None):
        """The entry's fieldsets without the hidden version, which templates/admin/change_form.html puts
        at the top of the form (in a fieldset it would come with a label, for no visible box)."""
        return [
            (name, {**options, "fields": [field for field in options["fields"] if field != "version"]})
            for name, options in super().get_fieldsets(request, obj)
        ]

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
