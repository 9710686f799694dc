"""The numbers behind the coverage map and the gaps page: a fixed number of grouped queries each.

Only published entries are counted. Counts are worked out by the database, grouped, so a page
costs the same few queries whether the directory holds ten entries or a hundred thousand.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from areas.models import Area
from core.models import Entry
from core.queries import subquery_count
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from search.models import SearchLog
from themes.models import Theme

from .tiles import TILES, Tile

PUBLISHED = Entry.Status.PUBLISHED


@dataclass(frozen=True)
class AreaCount:
    area: Area
    count: int
    listed: int

    @property
    def tile(self) -> Tile:
        return TILES[self.area.code]


@dataclass(frozen=True)
class Coverage:
    """How many of some datasets cover each area, and how many of them are England-wide or UK-wide."""

    areas: list[AreaCount]
    national: int
    with_national: bool


def area_coverage(datasets: QuerySet, with_national: bool = False) -> Coverage:
    """Counts `datasets` per area, in region and name order (three queries).

    A dataset covers an area if it lists it. With `with_national`, every England-wide or UK-wide
    dataset covers every area too, counted once even when it also lists the area, so the count is
    what the dataset list shows for ?area=<code> with the same filters.
    """
    national_scopes = Dataset.NATIONAL_SCOPES
    # One pass over the dataset–area links, grouped by area: at national scale a count per area
    # (a correlated subquery for each area) took seconds where this takes a fraction of one.
    per_area = {
        row["area"]: row
        for row in Dataset.areas.through.objects.filter(dataset__in=datasets.order_by().values("pk"))
        .values("area")
        .order_by()
        .annotate(
            listed=Count("dataset"),
            listed_national=Count("dataset", filter=Q(dataset__coverage_scope__in=national_scopes)),
        )
    }
    national = datasets.filter(coverage_scope__in=national_scopes).order_by().count()
    counts = []
    for area in Area.objects.order_by("region", "name"):
        row = per_area.get(area.pk, {"listed": 0, "listed_national": 0})
        count = row["listed"] + national - row["listed_national"] if with_national else row["listed"]
        counts.append(AreaCount(area=area, count=count, listed=row["listed"]))
    return Coverage(areas=counts, national=national, with_national=with_national)


def thinnest_areas(coverage: Coverage, at_least: int = 10) -> list[AreaCount]:
    """Every area with no local dataset, or if fewer than `at_least`, the ones with fewest."""
    ordered = sorted(coverage.areas, key=lambda item: (item.listed, item.area.name))
    empty = [item for item in ordered if item.listed == 0]
    return empty if len(empty) >= at_least else ordered[:at_least]


def _per_top_theme(through: type, entry: str, *group_by: str, **filters) -> QuerySet:
    """Published `entry`s per top-level theme (sub-themes counted into their parent, each entry once)."""
    # One filter() call, so that a many-to-many filter and the grouping share the same join.
    return (
        through.objects.filter(**{f"{entry}__status": PUBLISHED}, **filters)
        .annotate(top=Coalesce(F("theme__parent"), F("theme")))
        .order_by()
        .values(*group_by, "top")
        .annotate(count=Count(entry, distinct=True))
    )


@dataclass
class ThemeBalance:
    theme: Theme
    datasets: int = 0
    researchers: int = 0

    @property
    def difference(self) -> int:
        """Positive when a theme has more datasets than researchers."""
        return self.datasets - self.researchers

    @property
    def difference_text(self) -> str:
        more = abs(self.difference)
        if self.difference > 0:
            return f"{more} more dataset{'' if more == 1 else 's'}"
        if self.difference < 0:
            return f"{more} more researcher{'' if more == 1 else 's'}"
        return "Balanced"


def top_level_themes() -> list[Theme]:
    """Published top-level themes by name (one query)."""
    return list(Theme.objects.published().top_level().only("pk", "name", "slug").order_by("name"))


def theme_balance(themes: list[Theme]) -> list[ThemeBalance]:
    """Published datasets and researchers per top-level theme, largest imbalance first (two queries)."""
    rows = {theme.pk: ThemeBalance(theme) for theme in themes}
    for row in _per_top_theme(Dataset.themes.through, "dataset"):
        if row["top"] in rows:
            rows[row["top"]].datasets = row["count"]
    for row in _per_top_theme(Researcher.themes.through, "researcher"):
        if row["top"] in rows:
            rows[row["top"]].researchers = row["count"]
    return sorted(
        rows.values(),
        key=lambda item: (-abs(item.difference), -(item.datasets + item.researchers), item.theme.name),
    )


@dataclass
class OrganisationRow:
    organisation: Organisation
    total: int
    by_theme: list[int] = field(default_factory=list)


def organisation_matrix(themes: list[Theme], limit: int = 15) -> list[OrganisationRow]:
    """For the `limit` organisations with the most published entries, their entries per top-level theme.

    An organisation's entries are the researchers it is the main organisation of, the datasets it
    holds and the projects it is a partner in. Four queries, whatever the number of organisations.
    """
    partners = Project.partner_organisations.through.objects.filter(project__status=PUBLISHED)
    organisations = list(
        Organisation.objects.published()
        .annotate(
            total=subquery_count(Researcher.objects.published(), "organisation")
            + subquery_count(Dataset.objects.published(), "custodian")
            + subquery_count(partners, "organisation")
        )
        .filter(total__gt=0)
        .only("pk", "name", "slug", "is_n8_member")
        .order_by("-total", "name")[:limit]
    )
    ids = [organisation.pk for organisation in organisations]
    counts: dict[tuple[int, int], int] = defaultdict(int)
    if ids:
        grouped = [
            _per_top_theme(
                Researcher.themes.through,
                "researcher",
                "researcher__organisation",
                researcher__organisation__in=ids,
            ),
            _per_top_theme(
                Dataset.themes.through, "dataset", "dataset__custodian", dataset__custodian__in=ids
            ),
            _per_top_theme(
                Project.themes.through,
                "project",
                "project__partner_organisations",
                project__partner_organisations__in=ids,
            ),
        ]
        for queryset in grouped:
            for row in queryset:
                organisation = next(value for key, value in row.items() if key not in ("top", "count"))
                counts[organisation, row["top"]] += row["count"]
    return [
        OrganisationRow(
            organisation=organisation,
            total=organisation.total,
            by_theme=[counts[organisation.pk, theme.pk] for theme in themes],
        )
        for organisation in organisations
    ]


# How far back the unmet searches go, as on the search demand page.
RECENT_DAYS = 90


def unmet_searches(limit: int = 20) -> QuerySet:
    """The searches that most often found nothing in the last 90 days, most frequent first (one query)."""
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    return (
        SearchLog.objects.filter(created__gte=since, result_count=0)
        .exclude(query="")
        .values("query")
        .annotate(searches=Count("id"))
        .order_by("-searches", "query")[:limit]
    )
