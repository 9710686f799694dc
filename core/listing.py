"""The one way every list page filters, sorts and paginates."""

from collections.abc import Callable
from urllib.parse import urlencode

import django_filters
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from transfer.export import downloads_every_status, entries_csv

from .cached_counts import fresh_for, kept
from .filters import active_filters, filters_sentence
from .keyset import BadCursor, KeysetPage, keys_of, ordered_for_keyset, page_after, with_next_cursor

# A list counts its matches exactly up to this many (search's threshold, search.service.EXACT_UP_TO); past
# it the page says "more than 10,000", from 10,001 rows read, where an exact count of 200,000 researchers
# read all of them (120 ms at national scale). Pages past the 500th are reached by Next (core/keyset.py).
COUNTED_UP_TO = 10_000


def counted(entries: QuerySet) -> int:
    """How many `entries` there are, or COUNTED_UP_TO + 1 when there are more than COUNTED_UP_TO."""
    return entries.order_by().values("pk")[: COUNTED_UP_TO + 1].count()


def with_ties_broken(entries: QuerySet) -> QuerySet:
    """The entries in their order, entries that tie (two people of the same name) by primary key, so
    that pages and downloads never repeat or skip one."""
    ordering = list(entries.query.order_by) or list(entries.model._meta.ordering)
    if any(str(field).lstrip("-") in ("pk", "id") for field in ordering):
        return entries
    return entries.order_by(*ordering, "pk")


def filtered_list(
    request: HttpRequest,
    filterset_class: type[django_filters.FilterSet],
    queryset: QuerySet,
    template: str,
    context: dict | None = None,
    each_page: Callable[[list], object] | None = None,
) -> HttpResponse:
    """Render a list page, or with ?format=csv download every matching entry.

    Invalid filter values are reported next to their field and ignored. The number of matching
    entries is kept in the cache for each page and combination of filters until the directory changes
    (core/cached_counts.py), except for signed-in people and keyword searches. `each_page`, if given, is called with the
    page's entries before they are shown (to attach counts kept in the cache, say).
    """
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    matching = ordered_for_keyset(with_ties_broken(filterset.qs))
    if request.GET.get("format") == "csv":
        if downloads_every_status(request, queryset.model):
            # The list shows published entries; a curator's download is an import file for them all.
            filterset = filterset_class(request.GET, queryset=queryset.model.objects.all(), request=request)
            matching = with_ties_broken(filterset.qs)
        if filterset.errors:
            # A page shows what it could not use beside the filter; a download has no such place, and
            # every row instead of the ones asked for would mislead (the API answers 400 too).
            return refused_download(filterset)
        return entries_csv(request, matching)
    paginator = Paginator(matching, settings.PAGE_SIZE)
    # The day is part of the name: what a list holds can change with the date alone (an opportunity
    # past its closing date, a project past its end date), with no save to forget the kept count.
    name = f"list:{request.path}:{filters_in_force(filterset)}:{timezone.localdate().isoformat()}"
    # Keywords are matched in the search index, which is brought up to date after the commit that
    # forgets the counts: a count kept meanwhile could be the index's old one.
    keywords = filterset.form.cleaned_data.get("q")
    paginator.count = kept(name, lambda: counted(matching), fresh=fresh_for(request) or bool(keywords))
    paginator.capped = paginator.count > COUNTED_UP_TO
    keys = keys_of(matching)
    status, cursor_problem = 200, ""
    try:
        if keys is not None and request.GET.get("after"):
            # Following "Next": the page after the last entry shown, read from the index at any depth.
            page = page_after(paginator, keys, request.GET["after"])
        else:
            page = paginator.get_page(request.GET.get("page"))
    except BadCursor:
        status, cursor_problem = 400, BadCursor.message
        page = paginator.get_page(1)
    if paginator.capped and not isinstance(page, KeysetPage) and page.number == paginator.num_pages:
        # The count stopped at the limit: more entries follow the last numbered page, reached by Next.
        page = KeysetPage(page.object_list, page.number, paginator, more=True)
    with_next_cursor(page, keys)
    if each_page is not None:
        each_page(page.object_list)
    page_query = request.GET.copy()
    page_query.pop("page", None)
    page_query.pop("after", None)
    page_query.pop("format", None)
    csv_query = page_query.copy()
    csv_query["format"] = "csv"
    active = active_filters(request.GET, filterset)
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page": page,
            "active_filters": active,
            "filters_sentence": filters_sentence(active),
            "page_query": page_query.urlencode(),
            "csv_query": csv_query.urlencode(),
            "entry_noun": queryset.model._meta.verbose_name,
            "entries_noun": queryset.model._meta.verbose_name_plural,
            "cursor_problem": cursor_problem,
            "download_every_status": downloads_every_status(request, queryset.model),
            "count_text": f"more than {COUNTED_UP_TO:,}"
            if paginator.count > COUNTED_UP_TO
            else str(paginator.count),
            **(context or {}),
        },
        status=status,
    )


def refused_download(filterset: django_filters.FilterSet) -> HttpResponse:
    problems = [f"{name}: {message}" for name, messages in filterset.errors.items() for message in messages]
    return HttpResponse(
        "The download was not made: these filters have values it cannot use.\n" + "\n".join(problems) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def filters_in_force(filterset: django_filters.FilterSet) -> str:
    """The filters that narrow the list, valid values only, as a stable text (the sort order is not one)."""
    values = {}
    for name, value in filterset.form.cleaned_data.items():
        if name == "sort" or value in (None, "", [], ()):
            continue
        items = value if isinstance(value, list | tuple) else [value]
        values[name] = ",".join(str(getattr(item, "pk", item)) for item in items)
    return urlencode(sorted(values.items()))
