from datetime import timedelta
from types import SimpleNamespace

from django.db.models import Avg, Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from accounts.decorators import curator_required
from areas.models import Area
from core.filters import active_filters, filters_sentence
from core.listing import refused_download
from core.ratelimits import limited
from transfer.export import MAX_SEARCH_ROWS, search_csv

from .cache import search_for
from .demand import grouped
from .facets import chosen_facets
from .forms import AgesForm, SearchFiltersForm
from .models import SearchLog
from .query import MAX_QUERY_LENGTH
from .service import SORTS, completions


@limited("search")
def search_page(request: HttpRequest) -> HttpResponse:
    raw_text = request.GET.get("q", "")
    facets, problems = chosen_facets(request.GET)
    ages_form = AgesForm(request.GET)
    if request.GET.get("format") == "csv" and (problems or ages_form.errors):
        # The page shows what it could not use beside the filter; a download has no such place (as a list's).
        return refused_download(SimpleNamespace(errors={**problems, **ages_form.errors}))
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
    filters = SearchFiltersForm(request.GET, results, facets)
    # The list pages' filters (includes/_filters.html), whose parts read a filter set's form.
    filterset = SimpleNamespace(form=filters, errors=filters.errors)
    active = active_filters(request.GET, filterset)
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "filter": filterset,
            "active_filters": active,
            "filters_sentence": filters_sentence(active),
            # The words and the order stay as they are when the filters change, or are cleared.
            "keep": [(name, request.GET[name]) for name in ("q", "sort") if request.GET.get(name)],
            "clear_query": urlencode({"q": raw_text}) if raw_text else "",
            "sorts": [(key, label) for key, (label, _) in SORTS.items()],
            "truncated": len(" ".join(raw_text.split())) > MAX_QUERY_LENGTH,
            "max_length": MAX_QUERY_LENGTH,
            "query": results.text,
            "max_download": MAX_SEARCH_ROWS,
            "reading": results.reading,
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
