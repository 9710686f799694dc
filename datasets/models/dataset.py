from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse

from core.identifiers import DoiField
from core.keywords import split_keywords
from core.lines import LinesField, items
from core.models import Entry, WebAddressField
from themes.models import ThemedQuerySet

from ..languages import codes, name_of, validate_languages
from ..life_stages import ANTENATAL, BY_SLUG, LifeStage, age_span, stages_for
from .access import AccessService, Applicant, ChoiceListField, Condition, Cost, Jurisdiction, Standard

# How "None of these" reads on its own, on the page and in the descriptions.
NO_CONDITIONS = "No accreditation, ethics approval, agreement or training"
# Five years: a longer wait is a typing mistake.
MOST_WEEKS = 260


class Distribution(NamedTuple):
    """One file, service or page the data is published as (a DCAT distribution, a CKAN resource)."""

    title: str
    format: str
    url: str


class LinkageIdentifier(models.Model):
    """An identifier a dataset holds that lets it be linked with others (NHS number, UPN, UPRN…)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DatasetQuerySet(ThemedQuerySet):
    def covering(self, areas):
        """Datasets that cover any of `areas`: those listing one, and every England-wide or UK-wide one.

        The rule is areas.places.covering_values, which search shares: a dataset covers the areas when one of
        its areas' codes, or its coverage scope, is among those values.
        """
        from areas.places import covering_values

        values = covering_values(area.code for area in areas)
        lists_area = Dataset.areas.through.objects.filter(
            dataset=models.OuterRef("pk"), area__code__in=values
        )
        return self.filter(models.Exists(lists_area) | models.Q(coverage_scope__in=values))

    def for_ages(self, age_from: int, age_to: int | None):
        """Datasets whose age range shares more than a boundary age with age_from–age_to.

        The rule of `datasets.life_stages.overlaps`, in SQL: 4–11 finds a dataset of 10–14, not one
        of 11–14. `age_to` of None asks for no upper age.
        """
        start, end = age_span(age_from, age_to)
        # A dataset's span ends at max_age, at min_age + 1 for a single age, or never; it must end
        # after `start`. Both columns are in dataset_age_range_idx.
        ends_after_start = (
            models.Q(max_age__isnull=True) | models.Q(max_age__gt=start) | models.Q(min_age__gte=start)
        )
        starts_before_end = models.Q(min_age__isnull=False) if end is None else models.Q(min_age__lt=end)
        return self.filter(starts_before_end, ends_after_start)

    def for_life_stage(self, slug: str):
        stage = BY_SLUG[slug]
        if stage == ANTENATAL:
            return self.filter(includes_antenatal=True)
        return self.for_ages(stage.min_age, stage.max_age)

    def within_weeks(self, weeks: int):
        """Datasets whose longest typical wait for access is at most `weeks`; unknown waits are left out.

        A single figure may be in either box, so the wait is the larger of the two given.
        """
        longest = Coalesce("weeks_to_access_to", "weeks_to_access_from")
        return self.alias(longest_wait=longest).filter(longest_wait__lte=weeks)

    def with_card_details(self):
        """What a dataset's card shows: custodian, published themes and areas (two extra queries)."""
        from areas.models import Area
        from themes.models import Theme

        return self.select_related("custodian").prefetch_related(
            models.Prefetch("themes", queryset=Theme.objects.published()),
            models.Prefetch("areas", queryset=Area.objects.only("code", "name")),
        )


class Dataset(Entry):
    """A data asset about children and young people, and how to get at it."""

    class SourceKind(models.TextChoices):
        ADMINISTRATIVE = "administrative", "Administrative data"
        COHORT = "cohort", "Cohort study"
        SURVEY = "survey", "Survey"
        CLINICAL = "clinical", "Clinical records"
        EDUCATION = "education", "Education records"
        SOCIAL_CARE = "social-care", "Social care records"
        LINKED = "linked", "Linked data resource"
        OTHER = "other", "Other"

    class CoverageScope(models.TextChoices):
        LOCAL = "local", "The areas listed"
        ENGLAND = "england", "England-wide"
        UK = "uk", "UK-wide"

    class AccessLevel(models.TextChoices):
        OPEN = "open", "Open"
        SAFEGUARDED = "safeguarded", "Safeguarded"
        CONTROLLED = "controlled", "Controlled (trusted research environment)"

    NATIONAL_SCOPES = [CoverageScope.ENGLAND, CoverageScope.UK]
    # How the data comes and where to find it, in the order the editing form and the admin show them.
    FORMATS_AND_LINKS = [
        "formats",
        "conforms_to",
        "update_frequency",
        "landing_page",
        "doi",
        "distributions",
        "language",
    ]
    # Dates the dataset's source catalogue gives (a harvest reads them), apart from our own created/updated.
    SOURCE_DATES = ["issued", "modified"]

    title = models.CharField(max_length=250)
    summary = models.CharField(max_length=400, help_text="One or two sentences shown in lists.")
    description = models.TextField(blank=True)
    custodian = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="datasets",
        help_text="The organisation that holds the data and decides on access.",
    )
    contact_name = models.CharField("contact point", max_length=200, blank=True, help_text="A team or role.")
    contact_email = models.EmailField(blank=True, help_text="A team mailbox, shown publicly.")
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="datasets")
    keywords = models.CharField(max_length=500, blank=True, help_text="Comma-separated.")
    source_kind = models.CharField("kind of source", max_length=30, choices=SourceKind.choices)
    population = models.TextField("population", blank=True, help_text="Who the data describes.")
    min_age = models.PositiveSmallIntegerField("minimum age (years)", null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(
        "maximum age (years)", null=True, blank=True, help_text="Leave blank if there is no upper age."
    )
    includes_antenatal = models.BooleanField("includes the antenatal period", default=False)
    areas = models.ManyToManyField(
        "areas.Area", blank=True, related_name="datasets", help_text="The northern local authorities covered."
    )
    coverage_scope = models.CharField(
        "geographic scope", max_length=20, choices=CoverageScope.choices, default=CoverageScope.LOCAL
    )
    start_year = models.PositiveSmallIntegerField(null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(null=True, blank=True)
    is_ongoing = models.BooleanField("ongoing", default=False)
    unit_of_observation = models.CharField(
        max_length=200, blank=True, help_text="E.g. child, pupil, episode."
    )
    identifiers = models.ManyToManyField(
        LinkageIdentifier, blank=True, related_name="datasets", verbose_name="linkable identifiers"
    )
    linked_datasets = models.ManyToManyField(
        "self", blank=True, help_text="Other datasets this one is already linked with."
    )
    access_level = models.CharField(max_length=20, choices=AccessLevel.choices)
    # The route to access, as facts (datasets.models.access; HDR UK's accessibility.access).
    access_service = models.CharField(
        "how the data is reached",
        max_length=30,
        choices=AccessService.choices,
        blank=True,
        help_text="How an approved applicant works with the data.",
    )
    trusted_research_environment = models.CharField(
        "environment or service",
        max_length=200,
        blank=True,
        help_text="The secure environment or data service’s name, e.g. ONS Secure Research Service.",
    )
    access_decided_by = models.CharField(
        "who decides",
        max_length=300,
        blank=True,
        help_text="E.g. the data access committee, the data controller.",
    )
    data_controller = models.CharField(max_length=300, blank=True)
    data_processor = models.CharField(max_length=300, blank=True)
    jurisdiction = models.CharField(max_length=10, choices=Jurisdiction.choices, blank=True)
    who_may_apply = ChoiceListField("who may apply", options=Applicant)
    access_conditions = ChoiceListField(
        "what applicants need",
        options=Condition,
        help_text="Tick “None of these” when nothing is needed; leave all empty when not known.",
    )
    cost = models.CharField("cost of access", max_length=20, choices=Cost.choices, blank=True)
    cost_note = models.CharField(max_length=300, blank=True, help_text="E.g. the charge, or who pays it.")
    access_instructions = models.TextField("how to get access", blank=True)
    access_url = WebAddressField("where to apply", blank=True, help_text="The application page or form.")
    weeks_to_access_from = models.PositiveSmallIntegerField(
        "weeks to access, at least", null=True, blank=True, validators=[MaxValueValidator(MOST_WEEKS)]
    )
    weeks_to_access_to = models.PositiveSmallIntegerField(
        "weeks to access, at most",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MOST_WEEKS)],
        help_text="From applying to working with the data. The same in both boxes for one figure.",
    )
    access_confirmed_on = models.DateField("access facts last confirmed", null=True, blank=True)
    access_confirmed_by = models.CharField(
        "confirmed by",
        max_length=200,
        blank=True,
        help_text="A team or role, e.g. the custodian’s data team.",
    )
    licence = models.CharField(max_length=200, blank=True)
    formats = models.CharField(max_length=200, blank=True, help_text="E.g. CSV, SPSS, Stata.")
    conforms_to = ChoiceListField(
        "standards it follows",
        options=Standard,
        help_text="The data models or dictionaries the data is kept in or transformed to, where known.",
    )
    update_frequency = models.CharField(max_length=100, blank=True, help_text="E.g. annually, monthly.")
    landing_page = WebAddressField(blank=True)
    doi = DoiField("DOI", max_length=200)
    distributions = LinesField(
        parts=3,
        help_text="Each file, service or page the data is published as, one a line: its title | its format | "
        "its address, e.g. “Annual tables 2023 | CSV | https://…” (title and format may be left out).",
    )
    language = models.CharField(
        "languages",
        max_length=100,
        blank=True,
        validators=[validate_languages],
        help_text="ISO 639-3 codes of the languages the data is in, separated by commas, e.g. eng, cym.",
    )
    # The source catalogue's dates, where the dataset was harvested; ours are `created` and `updated`.
    issued = models.DateField("first published by its source", null=True, blank=True)
    modified = models.DateField("last changed by its source", null=True, blank=True)

    objects = DatasetQuerySet.as_manager()
    keyword_fields = ["title", "summary", "keywords", "description"]

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(start_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="dataset_years_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(max_age__isnull=True)
                | models.Q(min_age__isnull=True)
                | models.Q(max_age__gte=models.F("min_age")),
                name="dataset_ages_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(weeks_to_access_to__isnull=True)
                | models.Q(weeks_to_access_from__isnull=True)
                | models.Q(weeks_to_access_to__gte=models.F("weeks_to_access_from")),
                name="dataset_weeks_in_order",
            ),
        ]
        indexes = [
            # Serve the dataset list's access-level, source, and life-stage and age filters (for_ages).
            models.Index(fields=["access_level"], name="dataset_access_level_idx"),
            models.Index(fields=["source_kind"], name="dataset_source_kind_idx"),
            models.Index(fields=["min_age", "max_age"], name="dataset_age_range_idx"),
            # Serves the dataset list in title order: a page is read off the index, not sorted.
            models.Index(fields=["status", "title"], name="dataset_listing_idx"),
            # Serves the home page's newest datasets and the list's "Recently updated" order.
            models.Index(fields=["status", "-updated"], name="dataset_recent_idx"),
            # Serves the home page's newest datasets, real ones before the samples: read off the index
            # instead of sorting every published dataset (0.3 s cold at national scale).
            models.Index(fields=["status", "is_sample", "-updated", "id"], name="dataset_home_idx"),
            # Serves the dataset list's time-to-access filter (within_weeks).
            models.Index(
                Coalesce("weeks_to_access_to", "weeks_to_access_from"), name="dataset_longest_wait_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("datasets:detail", args=[self.slug])

    def clean(self) -> None:
        errors = {}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = "The end year is before the start year."
        if self.min_age is not None and self.max_age is not None and self.max_age < self.min_age:
            errors["max_age"] = "The maximum age is below the minimum age."
        if self.is_ongoing and self.end_year:
            errors["end_year"] = "An ongoing dataset has no end year: clear one or the other."
        if Condition.NONE in (self.access_conditions or []) and len(self.access_conditions) > 1:
            errors["access_conditions"] = (
                "“None of these” cannot go with the others: untick one or the other."
            )
        weeks_from, weeks_to = self.weeks_to_access_from, self.weeks_to_access_to
        if weeks_from is not None and weeks_to is not None and weeks_to < weeks_from:
            errors["weeks_to_access_to"] = "The most weeks is below the least: give the shorter wait first."
        if errors:
            raise ValidationError(errors)

    @property
    def life_stages(self) -> list[LifeStage]:
        return stages_for(self.min_age, self.max_age, self.includes_antenatal)

    @property
    def age_range(self) -> str:
        if self.min_age is None:
            return "Antenatal" if self.includes_antenatal else ""
        text = (
            f"{self.min_age}–{self.max_age} years"
            if self.max_age is not None
            else f"{self.min_age} years and over"
        )
        return f"Antenatal and {text}" if self.includes_antenatal else text

    @property
    def time_coverage(self) -> str:
        if not self.start_year:
            return "Ongoing" if self.is_ongoing else ""
        if self.is_ongoing:
            return f"{self.start_year} onwards (ongoing)"
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)

    @property
    def weeks_to_access(self) -> tuple[int, int] | None:
        """The typical wait as (least, most) weeks, or None when not known; one figure gives both."""
        given = [w for w in (self.weeks_to_access_from, self.weeks_to_access_to) if w is not None]
        return (min(given), max(given)) if given else None

    @property
    def time_to_access(self) -> str:
        """The typical wait in words: "8–12 weeks", "About 6 weeks", or "" when not known."""
        return weeks_in_words(self.weeks_to_access)

    @property
    def standards(self) -> list[Standard]:
        """The standards its data follows, each with its name (`label`) and specification (`address`)."""
        return [Standard(value) for value in self.conforms_to if value in Standard.values]

    @property
    def who_may_apply_labels(self) -> list[str]:
        return self._meta.get_field("who_may_apply").labels(self.who_may_apply)

    @property
    def access_condition_labels(self) -> list[str]:
        if self.access_conditions == [Condition.NONE]:
            return [NO_CONDITIONS]
        return self._meta.get_field("access_conditions").labels(self.access_conditions)

    @property
    def is_national(self) -> bool:
        return self.coverage_scope in self.NATIONAL_SCOPES

    @property
    def keyword_list(self) -> list[str]:
        return split_keywords(self.keywords)

    @property
    def distribution_list(self) -> list[Distribution]:
        return [Distribution(*row) for row in items(self.distributions, 3)]

    @property
    def language_codes(self) -> list[str]:
        return codes(self.language)

    @property
    def language_names(self) -> list[str]:
        return [name_of(code) for code in self.language_codes]

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""


def weeks_in_words(weeks: tuple[int, int] | None) -> str:
    """(8, 12) → "8–12 weeks"; (6, 6) → "About 6 weeks"; (0, 2) → "Up to 2 weeks"; (0, 0) → "Straight away";
    None → ""."""
    if weeks is None:
        return ""
    least, most = weeks
    if most == 0:
        return "Straight away"
    plural = "s" if most != 1 else ""
    if least == 0:
        return f"Up to {most} week{plural}"
    if least == most:
        return f"About {most} week{plural}"
    return f"{least}–{most} weeks"
