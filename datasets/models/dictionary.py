"""A dataset's data dictionary: its tables (or modules, sweeps) and the variables in each.

A variable's address is stable across imports (an import replaces the whole dictionary): it is made of
the dataset's slug, the table's slug and the variable's name.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

OLDEST_AGE = 120


class ValueType(models.TextChoices):
    TEXT = "text", "Text"
    INTEGER = "integer", "Whole number"
    DECIMAL = "decimal", "Decimal number"
    DATE = "date", "Date or time"
    BOOLEAN = "boolean", "Yes or no"
    CATEGORY = "category", "Coded categories"
    OTHER = "other", "Other"


def parse_ages(text: str) -> list[int]:
    """Whole years written as "3, 5, 7" or "11-14" (a span), sorted; raises ValueError with a reason."""
    ages: set[int] = set()
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        low, _, high = part.replace("–", "-").partition("-")
        if not low.strip().isdigit() or (high and not high.strip().isdigit()):
            raise ValueError(f"“{part}” is not an age in whole years (write ages as 3, 5, 7 or 11-14).")
        start, end = int(low), int(high) if high else int(low)
        if end < start or end > OLDEST_AGE:
            raise ValueError(f"“{part}” is not a span of ages from 0 to {OLDEST_AGE}, youngest first.")
        ages.update(range(start, end + 1))
    return sorted(ages)


def written_ages(ages: list[int]) -> str:
    return ", ".join(str(age) for age in ages)


class DictionaryTable(models.Model):
    """A table, module or sweep of a dataset, grouping its variables."""

    dataset = models.ForeignKey(
        "datasets.Dataset", on_delete=models.CASCADE, related_name="dictionary_tables"
    )
    name = models.CharField(max_length=200, help_text="E.g. Spring school census, or Sweep 2 (age 3).")
    slug = models.SlugField(max_length=120, help_text="The table's part of its variables' addresses.")
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0, help_text="Tables are listed in this order.")

    class Meta:
        ordering = ["dataset", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "name"], name="one_table_name_per_dataset"),
            models.UniqueConstraint(fields=["dataset", "slug"], name="one_table_slug_per_dataset"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """Queries the database for the dataset unless it was selected with the table."""
        return reverse("dictionary:list", args=[self.dataset.slug]) + f"?table={self.slug}"


class VariableQuerySet(models.QuerySet):
    def of_published_datasets(self):
        return self.filter(dataset__status="published")

    def matching(self, words: str):
        """Variables whose name, label or topic contains `words` (the dictionary page's search box)."""
        return self.filter(
            models.Q(name__icontains=words)
            | models.Q(label__icontains=words)
            | models.Q(topic__icontains=words)
        )

    def measuring(self, words: str, age_from: int | None = None, age_to: int | None = None):
        """Variables matching `words`; with ages, those collected at one of them, or with no ages recorded
        (the dataset's own age range then decides)."""
        matching = self.matching(words)
        if age_from is None and age_to is None:
            return matching
        return matching.collected_at(age_from, age_to) | matching.filter(ages="")

    def collected_at(self, age_from: int | None, age_to: int | None):
        """Variables collected at one of the ages from age_from to age_to (either may be None: open).

        A cohort measures at separate ages (3, 5, 7, 11): a variable collected at 7 and 11 is not one
        collected at 10, so each age of the span is looked for in `collected_ages`; the span of
        min_age–max_age narrows the rows first."""
        start = age_from if age_from is not None else 0
        end = min(age_to if age_to is not None else OLDEST_AGE, OLDEST_AGE)
        any_age = models.Q(pk__in=[])
        for age in range(start, end + 1):
            any_age |= models.Q(collected_ages__contains=f",{age},")
        return self.filter(min_age__lte=end, max_age__gte=start).filter(any_age)


class Variable(models.Model):
    """One variable of a dataset: what it measures, how it is coded and when it was collected."""

    dataset = models.ForeignKey("datasets.Dataset", on_delete=models.CASCADE, related_name="variables")
    table = models.ForeignKey(DictionaryTable, on_delete=models.CASCADE, related_name="variables")
    name = models.CharField(max_length=200, help_text="As it appears in the data, e.g. fsm_eligible.")
    label = models.CharField(max_length=300, blank=True, help_text="A short label, e.g. Free school meals.")
    description = models.TextField(blank=True)
    value_type = models.CharField("type", max_length=20, choices=ValueType.choices, default=ValueType.TEXT)
    unit = models.CharField(max_length=100, blank=True, help_text="E.g. kg, cm, months.")
    values = models.TextField(
        "allowed values", blank=True, help_text="One per line, code = label, e.g. 1 = Eligible."
    )
    topic = models.CharField(
        max_length=200, blank=True, help_text="What it is about, e.g. Weight and height."
    )
    theme = models.ForeignKey(
        "themes.Theme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="variables",
        help_text="The portal theme it measures, for the theme's page.",
    )
    ages = models.CharField(
        "ages collected",
        max_length=300,
        blank=True,
        help_text="Whole years at which it was collected, e.g. 3, 5, 7 or 4-11.",
    )
    waves = models.CharField(
        "waves or sweeps", max_length=300, blank=True, help_text="E.g. Sweeps 2 to 4, or 2006/07 onwards."
    )
    coverage_notes = models.TextField(blank=True, help_text="Who is missing, changes of definition, gaps.")
    position = models.PositiveIntegerField(default=0)
    # The youngest and oldest age in `ages`, and every age as ",3,5,7,", kept by set_age_span() for
    # filtering by age (collected_at).
    min_age = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    max_age = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    collected_ages = models.CharField(max_length=500, blank=True, editable=False)

    objects = VariableQuerySet.as_manager()

    class Meta:
        ordering = ["table__position", "table__name", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["table", "name"], name="one_variable_name_per_table"),
        ]
        indexes = [
            # Serves a dataset's dictionary page, in table then file order.
            models.Index(fields=["dataset", "table", "position"], name="variable_dictionary_idx"),
            # Serves the dataset list's variable filter (exact names) and the API's lookups.
            models.Index(fields=["name"], name="variable_name_idx"),
            # Serves a theme page's "measured at which ages".
            models.Index(fields=["theme", "dataset"], name="variable_theme_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.label}" if self.label else self.name

    def save(self, *args, **kwargs):
        self.set_age_span()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """Queries the database for the dataset and table unless they were selected with the variable."""
        return reverse("dictionary:detail", args=[self.dataset.slug, self.table.slug, self.name])

    def clean(self) -> None:
        if "/" in self.name:
            raise ValidationError({"name": "A variable’s name cannot contain a slash (/)."})
        try:
            parse_ages(self.ages)
        except ValueError as problem:
            raise ValidationError({"ages": str(problem)}) from None

    def set_age_span(self) -> None:
        """Keeps min_age and max_age in step with `ages` (bulk imports call this before bulk_create)."""
        try:
            ages = parse_ages(self.ages)
        except ValueError:
            ages = []
        self.min_age, self.max_age = (ages[0], ages[-1]) if ages else (None, None)
        self.collected_ages = f",{','.join(str(age) for age in ages)}," if ages else ""

    @property
    def age_list(self) -> list[int]:
        try:
            return parse_ages(self.ages)
        except ValueError:
            return []

    @property
    def value_labels(self) -> list[tuple[str, str]]:
        """The allowed values as (code, label) pairs; a line without "=" is a code with no label."""
        pairs = []
        for line in self.values.splitlines():
            if line.strip():
                code, _, label = line.partition("=")
                pairs.append((code.strip(), label.strip()))
        return pairs


class PendingDictionaryImport(models.Model):
    """An uploaded data dictionary between its check and the confirmation; deleted once imported.

    Only the person who uploaded it may see or confirm it.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    dataset = models.ForeignKey(
        "datasets.Dataset", on_delete=models.CASCADE, related_name="+", help_text="Where it was uploaded."
    )
    file_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=10)
    rows = models.JSONField(help_text="The variables read from the file, one object per variable.")
    digest = models.CharField(
        max_length=64, help_text="SHA-256 of the file: one import of it runs at a time."
    )
    preview = models.JSONField(null=True, blank=True, help_text="What the import would do, once checked.")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Data dictionary from {self.file_name}"

    def get_absolute_url(self) -> str:
        return reverse("dictionary:import-preview", args=[self.pk])
