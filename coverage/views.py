from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.policy import is_curator
from core.cached_counts import fresh_for
from core.filters import active_filters, filters_sentence
from datasets.models import Dataset

from .charts import balance_svg
from .counts import (
    RECENT_DAYS,
    area_coverage,
    kept_tally,
    organisation_matrix,
    theme_balance,
    thinnest_areas,
    top_level_themes,
    unmet_searches,
)
from .panel import coverage_panel, narrowing_filters
from .scale import class_for, colour_classes


def coverage_map(request: HttpRequest) -> HttpResponse:
    """The map of published datasets by area, narrowed by any of the dataset list's filters.

    The list's "Show these datasets on a map" links here with its filters and `from=list`: the areas
    ticked are then outlined, and "Back to the list" returns to the same list (its order too).
    """
    panel = coverage_panel(request, outline_ticked=True)
    active = active_filters(request.GET, panel["filter"])
    from_list = request.GET.get("from") == "list"
    back = request.GET.copy()
    for name in ("from", "national", "page", "after"):
        back.pop(name, None)
    # What the filters' form and "Clear all filters" keep: the way back, and the list's order.
    keep = [("from", "list")] if from_list else []
    keep += [("sort", request.GET["sort"])] if request.GET.get("sort") else []
    return render(
        request,
        "coverage/coverage.html",
        {
            **panel,
            "active_filters": active,
            "filters_sentence": filters_sentence(narrowing_filters(panel["filter"], request.GET)),
            "from_list": from_list,
            "list_query": back.urlencode(),
            "keep": keep,
            "clear_query": urlencode(keep),
        },
    )


def gaps(request: HttpRequest) -> HttpResponse:
    """Where expertise and data do not meet; public, as it shows only counts of published entries.

    The searches that found nothing are for curators only: what visitors type can be personal.
    The counts are kept in the cache until the directory changes, except for signed-in people.
    """
    fresh = fresh_for(request)
    themes = top_level_themes()
    balance = theme_balance(themes, fresh)
    matrix = organisation_matrix(themes, fresh=fresh)
    shades = colour_classes([count for row in matrix for count in row.by_theme])
    curator = is_curator(request.user)
    return render(
        request,
        "coverage/gaps.html",
        {
            "themes": themes,
            "balance": balance,
            "balance_svg": balance_svg(balance),
            "thin_areas": thinnest_areas(area_coverage(kept_tally(Dataset.objects.published(), {}, fresh))),
            "matrix": [
                (row, [(count, class_for(count, shades)) for count in row.by_theme]) for row in matrix
            ],
            "shades": shades,
            "unmet": list(unmet_searches()) if curator else None,
            "recent_days": RECENT_DAYS,
        },
    )
