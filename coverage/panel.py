"""Everything the coverage map needs on a page: filters read, counts made, SVG drawn and described."""

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from areas.models import Area
from core.cached_counts import fresh_for, kept
from datasets.life_stages import BY_SLUG
from datasets.models import Dataset

from .charts import coverage_map_svg, datasets_phrase
from .counts import AreaCount, Coverage, area_coverage, kept_tally
from .filters import CoverageFilter
from .scale import ColourClass, class_for, colour_classes

# The filters a tile's link keeps, so that the list it opens shows what the tile counted.
KEPT_FILTERS = ("theme", "life_stage", "access_level")


@dataclass(frozen=True)
class Row:
    item: AreaCount
    href: str
    colour: ColourClass


def coverage_panel(request: HttpRequest, highlight: Sequence[Area] = ()) -> dict:
    """The map's context for the request's filters, outlining the areas in `highlight`.

    The counts, and the map and table drawn from them, are kept in the cache for each combination of
    filters until the directory changes (core/cached_counts.py), except for signed-in people: then
    only the theme named in the query is read. Without them, three queries: the counts per area, the
    national count and the areas. Values that cannot be used are left out, as on the list pages;
    `filter.form.errors` says which.
    """
    fresh = fresh_for(request)
    filterset = CoverageFilter(request.GET, queryset=Dataset.objects.published(), request=request)
    datasets = filterset.qs  # validates the filters; runs no query yet
    cleaned = filterset.form.cleaned_data
    kept_values = kept_filters(cleaned)
    with_national = filterset.with_national
    tallied = kept_tally(datasets, kept_values, fresh)
    datasets_url = reverse("datasets:list")

    def link_for(area: Area) -> str:
        return f"{datasets_url}?{urlencode({'area': area.code, **kept_values}, doseq=True)}"

    def draw() -> str:
        coverage = area_coverage(tallied, with_national=with_national)
        classes = colour_classes([item.count for item in coverage.areas])
        svg = coverage_map_svg(
            coverage, classes, link_for, description(coverage, cleaned, highlight), highlight
        )
        rows = [Row(item, link_for(item.area), class_for(item.count, classes)) for item in coverage.areas]
        outlined = {area.pk for area in highlight}
        context = {
            "coverage": coverage,
            "rows": rows,
            "outlined": outlined,
            "one": len(outlined) == 1,
            "svg": svg,
        }
        return render_to_string("coverage/_map_figure.html", context)

    drawn = {**kept_values, "national": with_national, "highlight": sorted(area.code for area in highlight)}
    figure = kept("coverage-figure:" + urlencode(sorted(drawn.items()), doseq=True), draw, fresh=fresh)
    toggle = request.GET.copy()
    toggle.pop("page", None)
    toggle["national"] = "no" if with_national else "yes"
    return {
        "filter": filterset,
        "with_national": with_national,
        "highlight": highlight,
        "counted": counted_sentence(cleaned),
        "scope": scope_sentence(tallied[1], with_national),
        "toggle_query": toggle.urlencode(),
        "figure": mark_safe(figure),  # rendered from the template above, escaped there
    }


def kept_filters(cleaned: dict) -> dict[str, str | list[str]]:
    """The filters in force that the map counts by, as they are written in a link (sorted, so that
    the same choices in another order are kept in the cache once)."""
    kept = {}
    for name in KEPT_FILTERS:
        value = cleaned.get(name)
        if value:
            kept[name] = (
                sorted(getattr(item, "slug", item) for item in value) if isinstance(value, list) else value
            )
    return kept


def counted_sentence(cleaned: dict) -> str:
    """Which published datasets the map counts, in words."""
    parts = []
    themes = cleaned.get("theme") or []
    if themes:
        named = " or ".join(theme.name for theme in themes)
        parts.append(f"in the theme{'s' if len(themes) > 1 else ''} {named} (with sub-themes)")
    if cleaned.get("life_stage"):
        # Only the first letter: the labels name Reception and school years.
        labels = [BY_SLUG[slug].label for slug in cleaned["life_stage"]]
        parts.append("covering " + " or ".join(f"{label[0].lower()}{label[1:]}" for label in labels))
    if cleaned.get("access_level"):
        level = Dataset.AccessLevel(cleaned["access_level"]).label
        parts.append(f"with {level.lower()} access")
    return "Counting every published dataset" + (" " + ", ".join(parts) if parts else "") + "."


def scope_sentence(national_count: int, with_national: bool) -> str:
    national = f"{national_count} England-wide or UK-wide dataset{'' if national_count == 1 else 's'}"
    if with_national:
        return f"Shown: local and national data. Each area counts the datasets that list it, and the {national}, which cover every area."
    return (
        f"Shown: local data only. Each area counts the datasets that list it; the {national} "
        "that cover every area are not counted here, though an area’s dataset list includes them."
    )


def description(coverage: Coverage, cleaned: dict, highlight: Sequence[Area]) -> str:
    most = max(coverage.areas, key=lambda item: item.count, default=None)
    text = (
        f"{counted_sentence(cleaned)} {scope_sentence(coverage.national, coverage.with_national)} "
        "Each square is one local authority, grouped into the North West (left), the North East "
        "(top right) and Yorkshire and The Humber (bottom right), labelled with a short code and its "
        "number of datasets; darker squares have more. Each square links to that area's datasets."
    )
    if most is not None and most.count:
        text += f" Most: {most.area.name}, {datasets_phrase(most.count)}."
    if highlight:
        names = ", ".join(area.name for area in highlight)
        text += f" {names} {'is' if len(highlight) == 1 else 'are'} outlined in black."
    return text + " The table after the map gives every number."
