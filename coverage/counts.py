"""The numbers behind the coverage map and the gaps page: a fixed number of grouped queries each.

Only published entries are counted. Counts are worked out by the database, grouped and each evaluated
once, so a page costs the same few queries whether the directory holds ten entries or three hundred
thousand; they are then kept in the cache until the directory changes (core/cached_counts.py), so
most requests run none of them.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from areas.models import Area
from core.cached_counts import kept
from core.models import Entry
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


# Per area id: (published datasets listing the area, of which England-wide or UK-wide); and how many
# datasets are England-wide or UK-wide. Plain values, so that they can be kept in the cache.
Tally = tuple[dict[int, tuple[int, int]], int]


def tally(datasets: QuerySet) -> Tally:
    """Counts `datasets` per area they list, and the England-wide or UK-wide ones (two queries)."""
    national_scopes = Dataset.NATIONAL_SCOPES
    # One pass over the dataset–area links, grouped by area: at national scale a count per area
    # (a correlated subquery for each area) took seconds where this takes a fraction of one.
    per_area = {
        row["area"]: (row["listed"], row["listed_national"])
        for row in Dataset.areas.through.objects.filter(dataset__in=datasets.order_by().values("pk"))
        .values("area")
        .order_by()
        .annotate(
            listed=Count("dataset"),
            listed_national=Count("dataset", filter=Q(dataset__coverage_scope__in=national_scopes)),
        )
    }
    national = datasets.filter(coverage_scope__in=national_scopes).order_by().count()
    return per_area, national


def kept_tally(datasets: QuerySet, filters: dict[str, str], fresh: bool = False) -> Tally:
    """`tally(datasets)`, kept in the cache until the directory changes (none of its queries then).

    `filters` must name every filter that narrowed `datasets` from all published datasets.
    """
    name = "coverage:" + urlencode(sorted(filters.items()))
    return kept(name, lambda: tally(datasets), fresh=fresh)


def area_coverage(counted: Tally, with_national: bool = False) -> Coverage:
    """Every area with its count from `counted`, in region and name order (one query).

    A dataset covers an area if it lists it. With `with_national`, every England-wide or UK-wide
    dataset covers every area too, counted once even when it also lists the area, so the count is
    what the dataset list shows for ?area=<code> with the same filters.
    """
    per_area, national = counted
    counts = []
    for area in Area.objects.order_by("region", "name"):
        listed, listed_national = per_area.get(area.pk, (0, 0))
        count = listed + national - listed_national if with_national else listed
        counts.append(AreaCount(area=area, count=count, listed=listed))
    return Coverage(areas=counts, national=national, with_national=with_national)


def thinnest_areas(coverage: Coverage, at_least: int = 10) -> list[AreaCount]:
    """Every area with no local dataset, or if fewer than `at_least`, the ones with fewest."""
    ordered = sorted(coverage.areas, key=lambda item: (item.listed, item.area.name))
    empty = [item for item in ordered if item.listed == 0]
    return empty if len(empty) >= at_least else ordered[:at_least]


def _per_top_theme(through: type, entry: str, *group_by: str, **filters) -> QuerySet:
    """Published `entry`s per top-level theme (published sub-themes counted into their parent, each entry
    once)."""
    # One filter() call, so that a many-to-many filter and the grouping share the same join.
    return (
        through.objects.filter(**{f"{entry}__status": PUBLISHED}, theme__status=PUBLISHED, **filters)
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


def theme_balance(themes: list[Theme], fresh: bool = False) -> list[ThemeBalance]:
    """Published datasets and researchers per top-level theme, largest imbalance first.

    Two grouped queries, or none while the counts are kept in the cache.
    """

    def count() -> dict[int, tuple[int, int]]:
        datasets = {row["top"]: row["count"] for row in _per_top_theme(Dataset.themes.through, "dataset")}
        researchers = {
            row["top"]: row["count"] for row in _per_top_theme(Researcher.themes.through, "researcher")
        }
        return {top: (datasets.get(top, 0), researchers.get(top, 0)) for top in {*datasets, *researchers}}

    counts = kept("gaps:balance", count, fresh=fresh)
    rows = [ThemeBalance(theme, *counts.get(theme.pk, (0, 0))) for theme in themes]
    return sorted(
        rows,
        key=lambda item: (-abs(item.difference), -(item.datasets + item.researchers), item.theme.name),
    )


@dataclass
class OrganisationRow:
    organisation: Organisation
    total: int
    by_theme: list[int] = field(default_factory=list)


def organisation_matrix(themes: list[Theme], limit: int = 15, fresh: bool = False) -> list[OrganisationRow]:
    """For the `limit` organisations with the most published entries, their entries per top-level theme.

    An organisation's entries are the researchers it is the main organisation of, the datasets it
    holds and the projects it is a partner in. Five queries whatever the number of organisations, or
    one (the organisations themselves) while the counts are kept in the cache.
    """
    rows = kept(f"gaps:organisations:{limit}", lambda: _busiest_organisations(limit), fresh=fresh)
    found = (
        Organisation.objects.published()
        .only("pk", "name", "slug", "is_n8_member")
        .in_bulk([pk for pk, _, _ in rows])
    )
    return [
        OrganisationRow(
            organisation=found[pk],
            total=total,
            by_theme=[by_top.get(theme.pk, 0) for theme in themes],
        )
        for pk, total, by_top in rows
        if pk in found
    ]


def _busiest_organisations(limit: int) -> list[tuple[int, int, dict[int, int]]]:
    """(organisation id, entries, entries per top-level theme id) of the `limit` busiest, busiest first.

    Every organisation's total from one query (three groupings, each evaluated once), the names of
    those that could be among the busiest, then their entries by theme from three grouped queries.
    """
    researchers = (
        Researcher.objects.published()
        .filter(organisation__status=PUBLISHED)
        .values_list("organisation")
        .annotate(count=Count("pk"))
        .order_by()
    )
    datasets = (
        Dataset.objects.published()
        .filter(custodian__status=PUBLISHED)
        .values_list("custodian")
        .annotate(count=Count("pk"))
        .order_by()
    )
    partners = (
        Project.partner_organisations.through.objects.filter(
            project__status=PUBLISHED, organisation__status=PUBLISHED
        )
        .values_list("organisation")
        .annotate(count=Count("pk"))
        .order_by()
    )
    totals: dict[int, int] = defaultdict(int)
    for organisation, count in researchers.union(datasets, partners, all=True):
        totals[organisation] += count
    if not totals:
        return []
    # Ties are settled by name: fetch the names of every organisation level with the last one shown.
    least = sorted(totals.values(), reverse=True)[:limit][-1]
    names = Organisation.objects.filter(pk__in=[pk for pk, total in totals.items() if total >= least])
    busiest = sorted(names.values_list("pk", "name"), key=lambda row: (-totals[row[0]], row[1]))[:limit]
    ids = [pk for pk, _ in busiest]
    by_theme: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    grouped = [
        _per_top_theme(
            Researcher.themes.through,
            "researcher",
            "researcher__organisation",
            researcher__organisation__in=ids,
        ),
        _per_top_theme(Dataset.themes.through, "dataset", "dataset__custodian", dataset__custodian__in=ids),
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
            by_theme[organisation][row["top"]] += row["count"]
    return [(pk, totals[pk], dict(by_theme[pk])) for pk in ids]


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
