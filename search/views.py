from datetime import timedelta

from django.db.models import Avg, Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.decorators import curator_required
from core.filters import printable
from core.ratelimits import limited
from transfer.export import MAX_SEARCH_ROWS, search_csv

from .models import SearchLog
from .query import MAX_QUERY_LENGTH
from .service import FACETS, SORTS, completions, search


@limited("search")
def search_page(request: HttpRequest) -> HttpResponse:
    raw_text = request.GET.get("q", "")
    facets = {
        name: printable(request.GET[name])[:150] for name in FACETS if printable(request.GET.get(name, ""))
    }
    results = search(raw_text, facets, request.GET.get("sort", "relevance"), page_number(request))
    if request.GET.get("format") == "csv":
        # Every result up to a cap, not just this page; a download is not a search to log.
        return search_csv(request, results)
    if results.is_browsing:
        # What the person typed, even when we corrected it: misspellings are demand too.
        typed = results.corrected_from or results.text
        SearchLog.objects.create(query=typed, filters=results.active_facets, result_count=results.total)
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "facet_groups": [(name, FACETS[name], values) for name, values in results.facets.items()],
            "active": [(name, FACETS[name], label_of(results, name)) for name in results.active_facets],
            "sorts": [(key, label) for key, (label, _) in SORTS.items()],
            "truncated": len(" ".join(raw_text.split())) > MAX_QUERY_LENGTH,
            "max_length": MAX_QUERY_LENGTH,
            "query": results.text,
            "max_download": MAX_SEARCH_ROWS,
        },
    )


def page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def label_of(results, name: str) -> str:
    value = results.active_facets[name]
    return next((facet.label for facet in results.facets.get(name, []) if facet.value == value), value)


@limited("autocomplete")
def suggest(request: HttpRequest) -> JsonResponse:
    """Suggestions while typing: entries and themes whose title starts with the words typed."""
    return JsonResponse({"suggestions": completions(request.GET.get("q", "")[:MAX_QUERY_LENGTH])})


@curator_required
def demand(request: HttpRequest) -> HttpResponse:
    """What people search for, and what they search for and do not find."""
    since = timezone.now() - timedelta(days=90)
    recent = SearchLog.objects.filter(created__gte=since).exclude(query="")
    frequent = recent.values("query").annotate(searches=Count("id"), results=Avg("result_count"))
    unmet = recent.filter(result_count=0).values("query").annotate(searches=Count("id"))
    return render(
        request,
        "search/demand.html",
        {
            "frequent": frequent.order_by("-searches", "query")[:50],
            "unmet": unmet.order_by("-searches", "query")[:50],
            "total": recent.count(),
        },
    )
