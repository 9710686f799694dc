from django.contrib import admin, messages
from django.utils import timezone

from core.admin import CuratorsEdit, CuratorsRead

from .models import REOPENABLE_FOR, Account, OrcidConnection, ProfileClaim


@admin.register(Account)
class AccountAdmin(CuratorsEdit, admin.ModelAdmin):
    """Accounts that signed themselves up or were closed by their owners; closed ones can be reopened."""

    list_display = ["__str__", "verified", "closed"]
    list_filter = [("closed", admin.EmptyFieldListFilter), ("verified", admin.EmptyFieldListFilter)]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    readonly_fields = ["user", "verified", "closed"]
    list_select_related = ["user"]
    actions = ["reopen"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description="Reopen the selected closed accounts (within 30 days of closing)")
    def reopen(self, request, queryset):
        cutoff = timezone.now() - REOPENABLE_FOR
        reopened = 0
        for account in queryset.filter(closed__gte=cutoff).select_related("user"):
            account.reopen()
            reopened += 1
        self.message_user(request, f"Reopened {reopened} account{'s' if reopened != 1 else ''}.")
        if reopened < queryset.count():
            self.message_user(
                request, "Accounts not closed in the last 30 days were left as they are.", messages.WARNING
            )


@admin.register(ProfileClaim)
class ProfileClaimAdmin(CuratorsEdit, admin.ModelAdmin):
    list_display = ["__str__", "status", "created", "decided"]
    list_filter = ["status"]
    search_fields = ["user__email", "researcher__name"]
    readonly_fields = ["user", "researcher", "message", "created", "decided", "decided_by"]
    list_select_related = ["user", "researcher"]


@admin.register(OrcidConnection)
class OrcidConnectionAdmin(CuratorsRead, admin.ModelAdmin):
    """Read-only, for curators: the ORCID iDs people proved are theirs. Only ORCID can vouch for an iD, so
    nobody adds or changes one here; a curator may delete one (the person can then connect it again)."""

    curators_may_delete = True
    list_display = ["orcid", "user", "verified"]
    list_select_related = ["user"]
    search_fields = ["orcid", "user__email"]
    readonly_fields = ["user", "orcid", "verified"]
    fields = readonly_fields
