"""The search index: one row per published entry, with its facets, and the vocabulary around it.

The text columns are indexed by the database's own full-text engine: a
weighted tsvector with a GIN index on PostgreSQL, an FTS5 table on SQLite
(see migrations/0002 and 0005), both fed at write time with the text in the
form search.text gives it. Rows are written by search.indexing, never by
hand, and never updated in place: an entry's row is deleted and written again.
"""

from django.db import models


class Kind(models.TextChoices):
    RESEARCHER = "researcher", "Researcher"
    DATASET = "dataset", "Dataset"
    PROJECT = "project", "Project"
    ORGANISATION = "organisation", "Organisation"
    THEME = "theme", "Theme"
    OPPORTUNITY = "opportunity", "Get involved"


class SearchEntry(models.Model):
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    url = models.CharField(max_length=300)
    # Weighted from most to least telling: a match in the title outranks one in the body.
    title = models.CharField(max_length=300)
    keywords = models.TextField(blank=True)
    linked = models.TextField(blank=True, help_text="Names from linked entries: themes, projects, areas…")
    body = models.TextField(blank=True)
    summary = models.TextField(blank=True, help_text="Shown under the title in results.")
    facts = models.JSONField(
        default=list, help_text="Key facts shown with the result, as [label, value] pairs."
    )
    updated = models.DateTimeField()
    # The ages a dataset covers, from its minimum and maximum age; empty for other entries.
    age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty with an age_from: no upper age (open-ended)."
    )

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_search_entry_per_object")
        ]
        indexes = [
            # Serve the "newest" and "A–Z" sorts of a search.
            models.Index(fields=["-updated"], name="search_entry_updated_idx"),
            models.Index(fields=["title"], name="search_entry_title_idx"),
            # Serves narrowing by ages (an overlap: age_from below the end asked for, age_to open or
            # above its start), over the entries that have ages only.
            models.Index(
                fields=["age_from", "age_to"],
                name="search_entry_ages_idx",
                condition=models.Q(age_from__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class SearchFacet(models.Model):
    """One value an entry can be narrowed by: its theme, organisation, area, life stage…"""

    # No index of its own: one_facet_value_per_entry starts with it (one index fewer to fill in a rebuild).
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets", db_index=False)
    name = models.CharField(max_length=30)
    value = models.CharField(max_length=150)
    label = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "name", "value"], name="one_facet_value_per_entry"),
        ]
        # Serves narrowing a search by a facet value, and browsing by facets without a query.
        indexes = [models.Index(fields=["name", "value", "entry"], name="search_facet_lookup_idx")]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


class SearchPlace(models.Model):
    """An area an entry is connected to, for places typed in a search: a dataset's areas (or "england" and
    "uk" for national data), where a person or organisation is based, a project's data and partners.

    Kept apart from the facets, which every search counts: an entry has many places and none is shown.
    """

    # No index of its own: one_place_value_per_entry starts with it.
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="places", db_index=False)
    value = models.CharField(max_length=150, help_text="An area's ONS code, or england or uk.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "value"], name="one_place_value_per_entry")]
        # Serves a search for a place: the entries connected to these areas.
        indexes = [models.Index(fields=["value", "entry"], name="search_place_lookup_idx")]

    def __str__(self) -> str:
        return self.value


class SearchWord(models.Model):
    """A word that occurs in the index, for spelling suggestions."""

    word = models.CharField(max_length=60, unique=True)

    def __str__(self) -> str:
        return self.word


class SynonymGroup(models.Model):
    """Words and phrases that mean the same in children’s services, health and education."""

    terms = models.TextField(
        help_text="Comma-separated forms that mean the same, e.g. ‘SEND, special educational needs and "
        "disabilities’. A search for any of them finds all of them."
    )
    note = models.CharField(max_length=200, blank=True, help_text="For curators: where the term is used.")

    class Meta:
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    @property
    def forms(self) -> list[str]:
        return [form.strip() for form in self.terms.split(",") if form.strip()]


class SearchLog(models.Model):
    """A search someone made, without anything that identifies them."""

    query = models.CharField(max_length=200)
    filters = models.JSONField(default=dict)
    result_count = models.PositiveIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        # Serve the demand page's counts over recent searches.
        indexes = [models.Index(fields=["created"], name="search_log_created_idx")]

    def __str__(self) -> str:
        return self.query
