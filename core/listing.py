"""The one way every list page filters, sorts and paginates."""

import django_filters
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from transfer.export import entries_csv

from .filters import active_filters


def filtered_list(
    request: HttpRequest,
    filterset_class: type[django_filters.FilterSet],
    queryset: QuerySet,
    template: str,
    context: dict | None = None,
) -> HttpResponse:
    """Render a list page, or with ?format=csv download every matching entry.

    Invalid filter values are reported next to their field and ignored.
    """
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    if request.GET.get("format") == "csv":
        return entries_csv(request, filterset.qs)
    page = Paginator(filterset.qs, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    page_query = request.GET.copy()
    page_query.pop("page", None)
    page_query.pop("format", None)
    csv_query = page_query.copy()
    csv_query["format"] = "csv"
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page": page,
            "active_filters": active_filters(request.GET, filterset),
            "page_query": page_query.urlencode(),
            "csv_query": csv_query.urlencode(),
            "entry_noun": queryset.model._meta.verbose_name,
            "entries_noun": queryset.model._meta.verbose_name_plural,
            **(context or {}),
        },
    )
