"""What the portal keeps about an account beyond Django's user: whether its address is verified, whether its
owner closed it, the ORCID iD its owner proved is theirs, and its requests to be linked to a researcher
profile."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.identifiers import OrcidField

# How long a closed account is kept, so that a curator can reopen it, before it is deleted.
REOPENABLE_FOR = timedelta(days=30)
# How long a sign-up whose address was never verified is kept (its link works for three days).
UNVERIFIED_KEPT_FOR = timedelta(days=7)


class AccountQuerySet(models.QuerySet):
    def closed_before(self, moment):
        return self.filter(closed__lt=moment)


class Account(models.Model):
    """An account that signed itself up, or that its owner closed. Accounts a curator created (and the
    ones from before sign-up existed) have none: they count as verified."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account")
    verified = models.DateTimeField(
        null=True, blank=True, help_text="When its owner followed the link emailed to its address."
    )
    closed = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When its owner closed it. Reopen it within 30 days with the action on the list; "
        "after that it is deleted (manage.py delete_closed_accounts).",
    )

    objects = AccountQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        indexes = [
            # Serves delete_closed_accounts: the accounts closed more than 30 days ago.
            models.Index(fields=["closed"], name="account_closed_idx"),
        ]

    def __str__(self) -> str:
        return self.user.email or self.user.get_username()

    def get_absolute_url(self) -> str:
        return reverse("admin:accounts_account_change", args=[self.pk])

    @property
    def reopenable_until(self):
        return self.closed + REOPENABLE_FOR if self.closed else None

    def close(self) -> None:
        """Signs the account out of the portal for good (it cannot sign in), reversibly for 30 days."""
        self.closed = timezone.now()
        self.save(update_fields=["closed"])
        get_user_model()._default_manager.filter(pk=self.user_id).update(is_active=False)

    def reopen(self) -> None:
        self.closed = None
        self.save(update_fields=["closed"])
        get_user_model()._default_manager.filter(pk=self.user_id).update(is_active=True)


class ProfileClaim(models.Model):
    """A verified account's request to be linked to a researcher profile, for the profile's organisation
    editors or a curator to approve (when the account's address is not the profile's own)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved"
        REFUSED = "refused", "Refused"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile_claims"
    )
    researcher = models.ForeignKey("people.Researcher", on_delete=models.CASCADE, related_name="claims")
    message = models.TextField(
        blank=True, max_length=2000, help_text="What the person said to show the profile is theirs."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created = models.DateTimeField(auto_now_add=True)
    decided = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "researcher"],
                condition=models.Q(status="pending"),
                name="one_pending_claim_per_account_and_profile",
            )
        ]
        indexes = [
            # Serves the claims list: pending claims, oldest first.
            models.Index(fields=["status", "created"], name="claim_status_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} as {self.researcher}"

    def get_absolute_url(self) -> str:
        return reverse("accounts:claims")


class OrcidConnection(models.Model):
    """The ORCID iD an account's owner proved is theirs by signing in to ORCID (accounts/orcid.py). Only
    this iD, never one typed on a profile, links an account to the profile with that iD."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="orcid_connection"
    )
    orcid = OrcidField("ORCID iD", max_length=19, help_text="As ORCID gave it, e.g. 0000-0002-1825-0097.")
    verified = models.DateTimeField(
        default=timezone.now, help_text="When its owner signed in to ORCID and ORCID gave us this iD."
    )

    class Meta:
        ordering = ["-verified", "pk"]
        verbose_name = "connected ORCID iD"
        constraints = [
            # One iD belongs to one account; also serves finding the account of an iD.
            models.UniqueConstraint(fields=["orcid"], name="unique_connected_orcid"),
        ]

    def __str__(self) -> str:
        return f"{self.orcid} ({self.user})"

    def get_absolute_url(self) -> str:
        """The iD's record at ORCID (at the sandbox, when the portal is set to use it)."""
        return f"{settings.ORCID_BASE_URL}/{self.orcid}"
