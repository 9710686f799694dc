from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.identifiers import DoiField
from core.keywords import split_keywords
from core.models import Entry, WebAddressField
from themes.models import ThemedQuerySet

from .life_stages import ANTENATAL, BY_SLUG, LifeStage, age_span, stages_for


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
    individuals_count = models.PositiveBigIntegerField(
        "approximate number of individuals", null=True, blank=True
    )
    records_count = models.PositiveBigIntegerField("approximate number of records", null=True, blank=True)
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
    access_instructions = models.TextField("how to get access", blank=True)
    access_url = WebAddressField("access application page", blank=True)
    trusted_research_environment = models.CharField(max_length=200, blank=True)
    time_to_access = models.CharField(
        "typical time to access", max_length=100, blank=True, help_text="E.g. three to six months."
    )
    licence = models.CharField(max_length=200, blank=True)
    formats = models.CharField(max_length=200, blank=True, help_text="E.g. CSV, SPSS, Stata.")
    update_frequency = models.CharField(max_length=100, blank=True, help_text="E.g. annually, monthly.")
    landing_page = WebAddressField(blank=True)
    doi = DoiField("DOI", max_length=200)

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
    def is_national(self) -> bool:
        return self.coverage_scope in self.NATIONAL_SCOPES

    @property
    def keyword_list(self) -> list[str]:
        return split_keywords(self.keywords)

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""
