"""The one way every list page filters, sorts and paginates."""

import django_filters
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .filters import active_filters, point_to_errors


def filtered_list(
    request: HttpRequest,
    filterset_class: type[django_filters.FilterSet],
    queryset: QuerySet,
    template: str,
    context: dict | None = None,
) -> HttpResponse:
    """Render a list page. Invalid filter values are reported next to their field and ignored."""
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    point_to_errors(filterset.form)
    page = Paginator(filterset.qs, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    page_query = request.GET.copy()
    page_query.pop("page", None)
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page": page,
            "active_filters": active_filters(request.GET, filterset),
            "page_query": page_query.urlencode(),
            **(context or {}),
        },
    )
