from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.identifiers import RorField
from core.models import Entry, EntryQuerySet, WebAddressField


class OrganisationQuerySet(EntryQuerySet):
    def with_card_details(self):
        return self.select_related("area")


class Organisation(Entry):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", "University"
        LOCAL_AUTHORITY = "local-authority", "Local authority"
        NHS_TRUST = "nhs-trust", "NHS trust"
        RESEARCH_INSTITUTE = "research-institute", "Research institute"
        PUBLIC_BODY = "public-body", "Government or public body"
        CHARITY = "charity", "Charity / voluntary sector"
        COMPANY = "company", "Company"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, blank=True, help_text="A common short form, e.g. ‘Leeds’.")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    is_n8_member = models.BooleanField(
        "N8 member", default=False, help_text="One of the eight N8 Research Partnership universities."
    )
    website = WebAddressField(blank=True)
    ror_id = RorField(
        "ROR ID", max_length=20, help_text="The Research Organization Registry ID, e.g. 01v29qb04."
    )
    area = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text="For a local authority: the area it serves.",
    )
    description = models.TextField(blank=True)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_organisations",
        help_text="People who look after this organisation’s entries: its datasets, projects and people.",
    )

    objects = OrganisationQuerySet.as_manager()
    keyword_fields = ["name", "short_name", "description"]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ror_id"], condition=~models.Q(ror_id=""), name="unique_organisation_ror_id"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", args=[self.slug])

    @property
    def ror_url(self) -> str:
        return f"https://ror.org/{self.ror_id}" if self.ror_id else ""

    def clean(self) -> None:
        if self.area_id and self.kind != self.Kind.LOCAL_AUTHORITY:
            raise ValidationError({"area": "Only a local authority is linked to an area."})
