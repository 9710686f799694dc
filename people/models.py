from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.urls import reverse

from core.identifiers import OrcidField
from core.keywords import split_keywords
from core.lines import LinesField, items
from core.models import Entry
from themes.models import ThemedQuerySet


class Link(NamedTuple):
    name: str
    url: str


class OtherIdentifier(NamedTuple):
    system: str
    identifier: str
    url: str


class ResearcherQuerySet(ThemedQuerySet):
    def at(self, organisation):
        """People whose primary organisation or one of whose affiliations is `organisation`.

        The ids of both, joined by UNION, each read from its own index: an OR of the two conditions made
        PostgreSQL test every researcher (0.2 s to count the 3 people of one organisation among 200,000)."""
        primary = Researcher.objects.filter(organisation=organisation).order_by().values("pk")
        affiliated = (
            Researcher.affiliations.through.objects.filter(organisation=organisation)
            .order_by()
            .values("researcher_id")
        )
        return self.filter(pk__in=primary.union(affiliated))

    def with_card_details(self):
        """What a researcher's card shows: organisation and published themes (one extra query)."""
        from themes.models import Theme

        return self.select_related("organisation").prefetch_related(
            models.Prefetch("themes", queryset=Theme.objects.published())
        )

    def open_to(self, offer: str):
        return self.filter(**{Researcher.OPEN_TO_FIELDS[offer]: True})

    def used(self, dataset):
        """People on a published project that used `dataset` (one EXISTS subquery)."""
        from projects.models import DatasetUsage

        usages = DatasetUsage.objects.filter(
            dataset=dataset,
            project__status="published",
            project__memberships__researcher=models.OuterRef("pk"),
        )
        return self.filter(models.Exists(usages))


class Researcher(Entry):
    """Anyone with expertise to share: academics, students, analysts in local authorities and the NHS."""

    class CareerStage(models.TextChoices):
        STUDENT = "student", "Student"
        EARLY = "early", "Early career"
        MID = "mid", "Mid career"
        SENIOR = "senior", "Senior"

    # What someone is open to: the query-string value, the field that records it.
    OPEN_TO_FIELDS = {
        "collaboration": "open_to_collaboration",
        "supervision": "open_to_supervision",
        "advising": "open_to_advising",
        "media": "open_to_media",
        "speaking": "open_to_speaking",
    }

    name = models.CharField(max_length=200)
    title = models.CharField(max_length=30, blank=True, help_text="E.g. Dr, Professor. Optional.")
    job_title = models.CharField(max_length=200, blank=True)
    career_stage = models.CharField(max_length=20, choices=CareerStage.choices, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text="Where this person mainly works or studies.",
    )
    affiliations = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="affiliated_people",
        help_text="Other organisations this person is affiliated with.",
    )
    biography = models.TextField(blank=True, help_text="A short biography, a paragraph or two.")
    expertise = models.CharField(
        "expertise keywords",
        max_length=500,
        blank=True,
        help_text="Comma-separated, e.g. school readiness, SEND.",
    )
    methods = models.CharField(
        "methods and skills",
        max_length=500,
        blank=True,
        help_text="Comma-separated, e.g. data linkage, multilevel models, qualitative interviews.",
    )
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="researchers")
    # As ORCID records them (other names, researcher URLs, external identifiers).
    other_names = models.TextField(
        blank=True, help_text="Other names they have published under, one a line, e.g. “J. Carberry”."
    )
    links = LinesField(
        "links elsewhere",
        help_text="Their pages on other sites, one a line: the page’s name | its address, e.g. "
        "“University page | https://…”.",
    )
    other_identifiers = LinesField(
        "identifiers elsewhere",
        parts=3,
        address_required=False,
        help_text="Their identifiers in other systems, one a line: the system | the identifier | its "
        "address if any, e.g. “Scopus Author ID | 7007156898 | https://www.scopus.com/…”.",
    )
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="researcher_profile",
        help_text="The sign-in account of the person this profile describes; they may edit it.",
    )
    orcid = OrcidField("ORCID iD", max_length=19, help_text="E.g. 0000-0002-1825-0097.")
    email = models.EmailField(blank=True)
    show_email = models.BooleanField(
        "show email publicly", default=False, help_text="Only when the person has agreed to it."
    )
    open_to_collaboration = models.BooleanField("open to collaboration", default=False)
    open_to_supervision = models.BooleanField("open to PhD supervision", default=False)
    open_to_advising = models.BooleanField(
        "open to advising local authorities and public bodies", default=False
    )
    open_to_media = models.BooleanField("open to media requests", default=False)
    open_to_speaking = models.BooleanField("open to speaking", default=False)
    has_lived_experience = models.BooleanField(
        "involved through lived experience",
        default=False,
        help_text="Only if the person has opted in to say so.",
    )
    lived_experience = models.TextField(
        "lived experience, in their words", blank=True, help_text="As the person describes it themselves."
    )
    show_lived_experience = models.BooleanField(
        "show lived experience publicly",
        default=False,
        help_text="Only when the person has chosen to show it.",
    )
    welcomes_lived_experience = models.BooleanField(
        "welcomes involving people with lived experience in projects",
        default=False,
        help_text="For example as advisers, co-researchers or co-authors.",
    )
    accepts_introductions = models.BooleanField(
        "accepts introduction requests",
        default=True,
        help_text="Visitors may ask, through the portal, to be introduced; your address is never shown to them.",
    )

    objects = ResearcherQuerySet.as_manager()
    keyword_fields = ["name", "job_title", "expertise", "methods", "biography"]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["orcid"], condition=~models.Q(orcid=""), name="unique_researcher_orcid"
            ),
        ]
        indexes = [
            # Serves the researcher list's career-stage filter.
            models.Index(fields=["career_stage"], name="researcher_career_stage_idx"),
            # Serves the researcher list in name order: a page is read off the index, not sorted.
            models.Index(fields=["status", "name"], name="researcher_listing_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("people:detail", args=[self.slug])

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.name}" if self.title else self.name

    @property
    def public_email(self) -> str:
        return self.email if self.show_email else ""

    @property
    def public_lived_experience(self) -> str:
        """The person's own words on their lived experience, only if they chose to show them."""
        if self.has_lived_experience and self.show_lived_experience:
            return self.lived_experience or "Involved through lived experience."
        return ""

    @property
    def open_to(self) -> list[str]:
        return [
            self._meta.get_field(field).verbose_name.removeprefix("open to ")
            for field in self.OPEN_TO_FIELDS.values()
            if getattr(self, field)
        ]

    @property
    def expertise_list(self) -> list[str]:
        return split_keywords(self.expertise)

    @property
    def methods_list(self) -> list[str]:
        return split_keywords(self.methods)

    @property
    def other_name_list(self) -> list[str]:
        return [name.strip() for name in self.other_names.splitlines() if name.strip()]

    @property
    def link_list(self) -> list[Link]:
        return [Link(*row) for row in items(self.links, 2)]

    @property
    def other_identifier_list(self) -> list[OtherIdentifier]:
        """Each identifier elsewhere; its url is "" when it has none."""
        return [OtherIdentifier(*row) for row in items(self.other_identifiers, 3)]

    @property
    def orcid_url(self) -> str:
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""
