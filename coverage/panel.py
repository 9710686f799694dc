"""Everything the coverage map needs on a page: filters read, counts made, SVG drawn and described."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse

from areas.models import Area
from datasets.life_stages import BY_SLUG
from datasets.models import Dataset

from .charts import coverage_map_svg, datasets_phrase
from .counts import AreaCount, Coverage, area_coverage
from .filters import CoverageFilter
from .scale import ColourClass, class_for, colour_classes

# The filters a tile's link keeps, so that the list it opens shows what the tile counted.
KEPT_FILTERS = ("theme", "life_stage", "access_level")


@dataclass(frozen=True)
class Row:
    item: AreaCount
    href: str
    colour: ColourClass


def coverage_panel(query: QueryDict, highlight: Area | None = None) -> dict:
    """The map's context for `query` (the page's GET), highlighting one area if given.

    Three queries at most: the theme named in the query, the counts per area, the national count.
    Values that cannot be used are left out, as on the list pages; `filter.form.errors` says which.
    """
    filterset = CoverageFilter(query, queryset=Dataset.objects.published())
    coverage = area_coverage(filterset.qs, with_national=filterset.with_national)
    kept = kept_filters(filterset.form.cleaned_data)
    datasets_url = reverse("datasets:list")

    def link_for(area: Area) -> str:
        return f"{datasets_url}?{urlencode({'area': area.code, **kept})}"

    classes = colour_classes([item.count for item in coverage.areas])
    toggle = query.copy()
    toggle.pop("page", None)
    toggle["national"] = "no" if coverage.with_national else "yes"
    return {
        "filter": filterset,
        "coverage": coverage,
        "classes": classes,
        "rows": [Row(item, link_for(item.area), class_for(item.count, classes)) for item in coverage.areas],
        "highlight": highlight,
        "counted": counted_sentence(filterset.form.cleaned_data),
        "scope": scope_sentence(coverage),
        "toggle_query": toggle.urlencode(),
        "svg": coverage_map_svg(
            coverage,
            classes,
            link_for,
            description(coverage, filterset.form.cleaned_data, highlight),
            highlight,
        ),
    }


def kept_filters(cleaned: dict) -> dict[str, str]:
    kept = {}
    for name in KEPT_FILTERS:
        value = cleaned.get(name)
        if value:
            kept[name] = value.slug if name == "theme" else value
    return kept


def counted_sentence(cleaned: dict) -> str:
    """Which published datasets the map counts, in words."""
    parts = []
    if cleaned.get("theme"):
        parts.append(f"in the theme {cleaned['theme'].name} (with its sub-themes)")
    if cleaned.get("life_stage"):
        label = BY_SLUG[cleaned["life_stage"]].label
        # Only the first letter: the label names Reception and school years.
        parts.append(f"covering {label[0].lower()}{label[1:]}")
    if cleaned.get("access_level"):
        level = Dataset.AccessLevel(cleaned["access_level"]).label
        parts.append(f"with {level.lower()} access")
    return "Counting every published dataset" + (" " + ", ".join(parts) if parts else "") + "."


def scope_sentence(coverage: Coverage) -> str:
    national = f"{coverage.national} England-wide or UK-wide dataset{'' if coverage.national == 1 else 's'}"
    if coverage.with_national:
        return f"Shown: local and national data. Each area counts the datasets that list it, and the {national}, which cover every area."
    return (
        f"Shown: local data only. Each area counts the datasets that list it; the {national} "
        "that cover every area are not counted here, though an area’s dataset list includes them."
    )


def description(coverage: Coverage, cleaned: dict, highlight: Area | None) -> str:
    most = max(coverage.areas, key=lambda item: item.count, default=None)
    text = (
        f"{counted_sentence(cleaned)} {scope_sentence(coverage)} "
        "Each square is one local authority, grouped into the North West (left), the North East "
        "(top right) and Yorkshire and The Humber (bottom right), labelled with a short code and its "
        "number of datasets; darker squares have more. Each square links to that area's datasets."
    )
    if most is not None and most.count:
        text += f" Most: {most.area.name}, {datasets_phrase(most.count)}."
    if highlight is not None:
        text += f" {highlight.name} is outlined in black."
    return text + " The table after the map gives every number."
