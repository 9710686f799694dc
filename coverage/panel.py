"""Everything the coverage map needs on a page: filters read, counts made, SVG drawn and described."""

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from areas.models import Area
from core.cached_counts import fresh_for, kept
from core.filters import active_filters, filters_sentence
from core.listing import filters_in_force
from datasets.models import Dataset

from .charts import coverage_map_svg, datasets_phrase
from .counts import AreaCount, Coverage, area_coverage, kept_tally
from .filters import CoverageFilter
from .scale import ColourClass, class_for, colour_classes

# Not filters of the list: how the map counts, and the list's order (kept in a link back to it).
NOT_NARROWING = ("national", "sort")


@dataclass(frozen=True)
class Row:
    item: AreaCount
    href: str
    colour: ColourClass


def coverage_panel(
    request: HttpRequest, highlight: Sequence[Area] = (), outline_ticked: bool = False
) -> dict:
    """The map's context for the request's filters, outlining the areas in `highlight` (with
    `outline_ticked`, the areas ticked in the filters).

    The counts, and the map and table drawn from them, are kept in the cache for each combination of
    filters until the directory changes (core/cached_counts.py), except for signed-in people: then
    only the theme named in the query is read. Without them, three queries: the counts per area, the
    national count and the areas. Values that cannot be used are left out, as on the list pages;
    `filter.form.errors` says which.
    """
    filterset = CoverageFilter(request.GET, queryset=Dataset.objects.published(), request=request)
    datasets = filterset.qs  # validates the filters; runs no query yet
    cleaned = filterset.form.cleaned_data
    if outline_ticked:
        highlight = list(cleaned.get("area") or [])
    # Keywords are matched in the search index, brought up to date after the commit that forgets the
    # counts: counts kept meanwhile could be the index's old ones (as on the list).
    fresh = fresh_for(request) or bool(cleaned.get("q"))
    narrowed = {
        name: value for name, value in parse_qsl(filters_in_force(filterset)) if name not in NOT_NARROWING
    }
    # A tile opens the list for its area with the other filters the map counted by.
    kept_values = list_query(filterset, leave_out=("area",))
    with_national = filterset.with_national
    tallied = kept_tally(datasets, narrowed, fresh)
    datasets_url = reverse("datasets:list")
    sentence = counted_sentence(filterset, request.GET)

    def link_for(area: Area) -> str:
        return f"{datasets_url}?{urlencode({'area': area.code, **kept_values}, doseq=True)}"

    def draw() -> str:
        coverage = area_coverage(tallied, with_national=with_national)
        classes = colour_classes([item.count for item in coverage.areas])
        # An area's own page says "this area"; areas ticked in the filters are "chosen", one or several.
        marker = "chosen" if outline_ticked else "this area"
        svg = coverage_map_svg(
            coverage, classes, link_for, description(coverage, sentence, highlight), highlight, f" ({marker})"
        )
        rows = [Row(item, link_for(item.area), class_for(item.count, classes)) for item in coverage.areas]
        outlined = {area.pk for area in highlight}
        context = {
            "coverage": coverage,
            "rows": rows,
            "outlined": outlined,
            "marker": marker,
            "svg": svg,
        }
        return render_to_string("coverage/_map_figure.html", context)

    drawn = {
        **narrowed,
        "national": with_national,
        "highlight": sorted(area.code for area in highlight),
        "ticked": outline_ticked,
    }
    figure = kept("coverage-figure:" + urlencode(sorted(drawn.items()), doseq=True), draw, fresh=fresh)
    toggle = request.GET.copy()
    toggle.pop("page", None)
    toggle["national"] = "no" if with_national else "yes"
    return {
        "filter": filterset,
        "with_national": with_national,
        "highlight": highlight,
        "counted": sentence,
        "scope": scope_sentence(tallied[1], with_national),
        "toggle_query": toggle.urlencode(),
        "figure": mark_safe(figure),  # rendered from the template above, escaped there
    }


def list_query(filterset: CoverageFilter, leave_out: Sequence[str] = ()) -> dict[str, list[str]]:
    """The filters in force that narrow the datasets, valid values only, as the list's query writes them
    (sorted, so that the same choices in another order make the same link)."""
    form = filterset.form
    return {
        name: sorted(form.data.getlist(name))
        for name, value in form.cleaned_data.items()
        if name not in (*NOT_NARROWING, *leave_out) and value not in (None, "", [], ())
    }


def narrowing_filters(filterset: CoverageFilter, query: QueryDict) -> list[dict]:
    """The list's filters in force (core.filters.active_filters), without the map's own choice."""
    national = filterset.form.fields["national"].label
    return [item for item in active_filters(query, filterset) if item["label"] != national]


def counted_sentence(filterset: CoverageFilter, query: QueryDict) -> str:
    """Which published datasets the map counts, in words (the list's own words for its filters)."""
    narrowing = narrowing_filters(filterset, query)
    if not narrowing:
        return "Counting every published dataset."
    return f"Counting the published datasets that match {filters_sentence(narrowing)}."


def scope_sentence(national_count: int, with_national: bool) -> str:
    national = f"{national_count} England-wide or UK-wide dataset{'' if national_count == 1 else 's'}"
    if with_national:
        return f"Shown: local and national data. Each area counts the datasets that list it, and the {national}, which cover every area."
    return (
        f"Shown: local data only. Each area counts the datasets that list it; the {national} "
        "that cover every area are not counted here, though an area’s dataset list includes them."
    )


def description(coverage: Coverage, counted: str, highlight: Sequence[Area]) -> str:
    most = max(coverage.areas, key=lambda item: item.count, default=None)
    text = (
        f"{counted} {scope_sentence(coverage.national, coverage.with_national)} "
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
