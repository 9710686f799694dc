"""Requests, made through the portal, to be introduced to a researcher or a dataset's contact point, or to
take part in an involvement opportunity."""

from django.conf import settings
from django.db import models


class IntroductionRequest(models.Model):
    """One request, whatever became of it: curators read these to spot misuse."""

    class Outcome(models.TextChoices):
        SENT = "sent", "Sent"
        HONEYPOT = "honeypot", "Not sent: filled in by a robot"
        RATE_LIMITED = "rate-limited", "Not sent: too many requests in an hour"
        NOT_AVAILABLE = "not-available", "Not sent: the entry does not accept introductions"
        FAILED = "failed", "Not sent: the mail server refused it"

    researcher = models.ForeignKey(
        "people.Researcher",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="introduction_requests",
    )
    dataset = models.ForeignKey(
        "datasets.Dataset",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="introduction_requests",
    )
    opportunity = models.ForeignKey(
        "involvement.Opportunity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="introduction_requests",
    )
    requester_name = models.CharField(max_length=200)
    requester_organisation = models.CharField(max_length=200, blank=True)
    requester_email = models.EmailField(help_text="Where the answer goes: the email's Reply-To.")
    message = models.TextField()
    ip = models.GenericIPAddressField("IP address", null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    created = models.DateTimeField(auto_now_add=True)
    # An enquiry about a dataset stays open in its custodian's list until one of its editors answers it.
    answered = models.DateTimeField(null=True, blank=True, help_text="When it was marked answered.")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(researcher__isnull=True, dataset__isnull=True)
                    | models.Q(researcher__isnull=True, opportunity__isnull=True)
                    | models.Q(dataset__isnull=True, opportunity__isnull=True)
                ),
                name="introduction_one_target",
            ),
        ]
        indexes = [
            # Serve the rate limit: sent requests from one address, or one IP, in the last hour.
            models.Index(fields=["requester_email", "created"], name="introduction_email_idx"),
            models.Index(fields=["ip", "created"], name="introduction_ip_idx"),
            # Serves the open enquiries list: a custodian's datasets' sent requests, not yet answered.
            models.Index(fields=["dataset", "answered"], name="introduction_enquiry_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.requester_name} to {self.target or 'a deleted entry'} ({self.get_outcome_display()})"

    def get_absolute_url(self) -> str:
        return self.target.get_absolute_url() if self.target else ""

    @property
    def target(self):
        """The researcher, dataset or opportunity asked about (queries the database unless selected with it)."""
        return self.researcher or self.dataset or self.opportunity
