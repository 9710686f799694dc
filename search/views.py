from datetime import timedelta

from django.db.models import Avg, Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from accounts.decorators import curator_required
from areas.models import Area
from core.filters import printable
from core.ratelimits import limited
from transfer.export import MAX_SEARCH_ROWS, search_csv

from .cache import search_for
from .demand import grouped
from .forms import AgesForm
from .models import SearchLog
from .query import MAX_QUERY_LENGTH
from .service import FACETS, SORTS, completions


@limited("search")
def search_page(request: HttpRequest) -> HttpResponse:
    raw_text = request.GET.get("q", "")
    facets = {
        name: printable(request.GET[name])[:150] for name in FACETS if printable(request.GET.get(name, ""))
    }
    ages_form = AgesForm(request.GET)
    results = search_for(
        request,
        raw_text,
        facets,
        request.GET.get("sort", "relevance"),
        page_number(request),
        ages_form.ages(),
    )
    if request.GET.get("format") == "csv":
        # Every result up to a cap, not just this page; a download is not a search to log.
        return search_csv(request, results)
    if results.is_browsing:
        # What the person typed, even when we corrected it: misspellings are demand too.
        typed = results.corrected_from or results.text
        # A relaxed search met nothing in full: it is unmet demand too.
        found = 0 if results.relaxed else results.total
        SearchLog.objects.create(query=typed, filters=results.active_facets, result_count=found)
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
            "reading": results.reading,
            "ages_form": ages_form,
            "next_steps": next_steps(results),
        },
    )


def next_steps(results) -> list[tuple[str, str]]:
    """Where to go from a search that found nothing: the area's page, the data list narrowed the same way."""
    reading = results.reading
    if results.total or reading is None:
        return []
    steps = []
    for area in Area.objects.filter(code__in=reading.codes[:3]).only("code", "name"):
        steps.append((f"Everything about {area.name}", area.get_absolute_url()))
    narrowing = {}
    if len(reading.codes) == 1:
        narrowing["area"] = reading.codes[0]
    if reading.ages:
        narrowing["age_from"] = reading.ages[0]
        if reading.ages[1] is not None:
            narrowing["age_to"] = reading.ages[1]
    if narrowing:
        steps.append(
            (
                "Datasets for this area and age, whatever their topic",
                f"{reverse('datasets:list')}?{urlencode(narrowing)}",
            )
        )
    steps.append(("Browse the themes", reverse("themes:list")))
    return steps


def page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def label_of(results, name: str) -> str:
    value = results.active_facets[name]
    return next((facet.label for facet in results.facets.get(name, []) if facet.value == value), value)


@limited("autocomplete", answers_json=True)
def suggest(request: HttpRequest) -> JsonResponse:
    """Suggestions while typing: entries and themes whose title starts with the words typed."""
    return JsonResponse({"suggestions": completions(request.GET.get("q", "")[:MAX_QUERY_LENGTH])})


@curator_required
def demand(request: HttpRequest) -> HttpResponse:
    """What people search for, and what they search for and do not find (or find only in part), grouped by
    what was not understood."""
    since = timezone.now() - timedelta(days=90)
    recent = SearchLog.objects.filter(created__gte=since).exclude(query="")
    frequent = recent.values("query").annotate(searches=Count("id"), results=Avg("result_count"))
    unmet = recent.filter(result_count=0).values("query").annotate(searches=Count("id"))
    return render(
        request,
        "search/demand.html",
        {
            "frequent": frequent.order_by("-searches", "query")[:50],
            "unmet": grouped(list(unmet.order_by("-searches", "query")[:50])),
            "total": recent.count(),
        },
    )
