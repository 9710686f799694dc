"""Involvement opportunities: a project or an organisation asking students, people with lived
experience, parents and carers, practitioners or partners to take part in its work."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.models import Entry, EntryQuerySet


class OpportunityQuerySet(EntryQuerySet):
    def open(self):
        """Published opportunities that have not closed, offered by a published project or organisation.

        Worked out from today's date whenever it is read, so a closed opportunity drops out of every list,
        search, feed and digest by itself.
        """
        published = Entry.Status.PUBLISHED
        return self.filter(
            models.Q(project__isnull=True) | models.Q(project__status=published),
            models.Q(organisation__isnull=True) | models.Q(organisation__status=published),
            status=published,
            closes_on__gte=timezone.localdate(),
        )

    def wanting(self, audiences: list[str]):
        """Opportunities that want any of `audiences` (keys of Opportunity.AUDIENCES)."""
        condition = models.Q(pk__in=[])
        for audience in audiences:
            condition |= models.Q(**{Opportunity.AUDIENCES[audience]: True})
        return self.filter(condition)

    def with_card_details(self):
        return self.select_related("project", "organisation")


class Opportunity(Entry):
    """One way to take part, open until its closing date."""

    class Payment(models.TextChoices):
        PAID = "paid", "Paid for your time"
        VOUCHER = "voucher", "Vouchers or a thank-you payment"
        EXPENSES = "expenses", "Expenses covered"
        VOLUNTARY = "voluntary", "Voluntary, with recognition"

    class Setting(models.TextChoices):
        ONLINE = "online", "Online"
        IN_PERSON = "in-person", "In person"
        EITHER = "either", "Online or in person"

    # Who is wanted: the query-string value, the field that records it.
    AUDIENCES = {
        "students": "wants_students",
        "lived-experience": "wants_lived_experience",
        "parents-carers": "wants_parents_and_carers",
        "practitioners": "wants_practitioners",
        "partners": "wants_partners",
    }

    title = models.CharField(
        max_length=200, help_text="What people would do, e.g. ‘Join our young advisers’."
    )
    summary = models.TextField(
        "what it involves", help_text="What taking part means, what people will do, and what it leads to."
    )
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="opportunities",
        help_text="The project offering it. Leave empty for an organisation’s own opportunity.",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="opportunities",
        help_text="The organisation offering it, when it is not one project’s.",
    )
    wants_students = models.BooleanField("students", default=False)
    wants_lived_experience = models.BooleanField("people with lived experience", default=False)
    wants_parents_and_carers = models.BooleanField("parents and carers", default=False)
    wants_practitioners = models.BooleanField("practitioners", default=False)
    wants_partners = models.BooleanField("partner organisations", default=False)
    commitment = models.CharField(
        "time it takes",
        max_length=200,
        blank=True,
        help_text="E.g. ‘Four two-hour meetings between March and June’.",
    )
    setting = models.CharField("where", max_length=20, choices=Setting.choices, default=Setting.ONLINE)
    location = models.CharField(
        max_length=200, blank=True, help_text="For meetings in person: the town or venue."
    )
    payment = models.CharField(
        "payment or recognition", max_length=20, choices=Payment.choices, default=Payment.VOLUNTARY
    )
    payment_details = models.CharField(
        max_length=300, blank=True, help_text="E.g. ‘£25 an hour, paid by bank transfer’."
    )
    accessibility = models.TextField(
        blank=True,
        help_text="Support offered: step-free venues, interpreters, travel paid in advance, papers in easy read…",
    )
    closes_on = models.DateField(
        "closing date", help_text="The last day to say you would like to take part. It is hidden after that."
    )
    contact_email = models.EmailField(
        help_text="Where ‘Take part’ messages go. Never shown: people write through the portal."
    )

    # What taking part involves, in the order the editing form and the API give it (one list for both).
    DETAILS = [
        "commitment",
        "setting",
        "location",
        "payment",
        "payment_details",
        "accessibility",
        "closes_on",
    ]

    objects = OpportunityQuerySet.as_manager()
    keyword_fields = ["title", "summary", "commitment", "accessibility"]

    class Meta:
        verbose_name_plural = "opportunities"
        ordering = ["closes_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(project__isnull=False) | models.Q(organisation__isnull=False),
                name="opportunity_has_an_offerer",
                violation_error_message="Say which project or organisation offers it.",
            ),
        ]
        indexes = [
            # Serves the Get involved page: published opportunities still open, soonest closing first.
            models.Index(fields=["status", "closes_on"], name="opportunity_open_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("involvement:detail", args=[self.slug])

    def clean(self) -> None:
        errors = {}
        if self.project_id is None and self.organisation_id is None:
            errors["project"] = "Say which project or organisation offers it."
        if not any(getattr(self, field) for field in self.AUDIENCES.values()):
            errors["wants_students"] = "Tick at least one group of people you would like to hear from."
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.closes_on is not None and self.closes_on >= timezone.localdate()

    @property
    def offered_by(self):
        """The project, else the organisation, offering it (reads the database unless selected with it)."""
        return self.project or self.organisation

    @property
    def wanted(self) -> list[str]:
        """Who is wanted, in words."""
        return [
            str(self._meta.get_field(field).verbose_name)
            for field in self.AUDIENCES.values()
            if getattr(self, field)
        ]
