"""How many published entries themes have: the counts on theme cards and the totals on a theme's page.

Each count is a grouped query evaluated once (never a subquery per theme), and is kept in the cache
until the directory changes (core/cached_counts.py), so most requests run none of them.
"""

from django.db.models import Count, QuerySet, Value

from core.cached_counts import kept
from core.models import Entry
from datasets.models import Dataset
from people.models import Researcher
from projects.models import Project

from .models import Theme

PUBLISHED = Entry.Status.PUBLISHED
# The kinds of entry a theme's card counts, in the order of the tuples below.
TAGGED = (Dataset, Researcher, Project)


def tagged_counts(theme_ids: list[int]) -> dict[int, tuple[int, int, int]]:
    """(datasets, researchers, projects) that are published and tagged with each theme itself, its
    sub-themes not included (one query: three groupings, each evaluated once)."""
    grouped = [
        model.themes.through.objects.filter(
            theme__in=theme_ids, **{f"{model._meta.model_name}__status": PUBLISHED}
        )
        .order_by()
        .values("theme")
        .annotate(count=Count(model._meta.model_name), kind=Value(position))
        .values_list("theme", "kind", "count")
        for position, model in enumerate(TAGGED)
    ]
    counts: dict[int, list[int]] = {pk: [0, 0, 0] for pk in theme_ids}
    for theme, kind, count in grouped[0].union(*grouped[1:], all=True):
        counts[theme][kind] = count
    return {pk: tuple(values) for pk, values in counts.items()}


def with_tagged_counts(themes: list[Theme], fresh: bool = False) -> list[Theme]:
    """`themes` with `dataset_count`, `researcher_count` and `project_count` set, as theme cards show."""
    ids = sorted(theme.pk for theme in themes)
    if ids:
        name = "themes:tagged:" + ",".join(map(str, ids))
        counts = kept(name, lambda: tagged_counts(ids), fresh=fresh)
        for theme in themes:
            theme.dataset_count, theme.researcher_count, theme.project_count = counts[theme.pk]
    return themes


def in_theme(theme: Theme) -> tuple[QuerySet, QuerySet, QuerySet]:
    """The published datasets, researchers and projects in `theme` or its sub-themes (not yet run)."""
    return tuple(model.objects.published().in_theme(theme) for model in TAGGED)


def totals_in(theme: Theme, fresh: bool = False) -> tuple[int, int, int]:
    """How many published datasets, researchers and projects are in `theme` or its sub-themes, each
    counted once (three queries, or none while kept in the cache)."""
    return kept(
        f"themes:in:{theme.pk}", lambda: tuple(entries.count() for entries in in_theme(theme)), fresh=fresh
    )
