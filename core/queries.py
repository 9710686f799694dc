"""Query helpers shared by the apps."""

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models.functions import Coalesce

from .cached_counts import kept


def subquery_count(queryset: models.QuerySet, outer_field: str) -> Coalesce:
    """Counts the rows of `queryset` whose `outer_field` is the outer row, as one subquery.

    Several of these on one queryset stay one SQL query and never multiply
    each other's rows, as joins with Count() would.
    """
    counted = (
        queryset.filter(**{outer_field: models.OuterRef("pk")})
        .order_by()
        .values(outer_field)
        .annotate(count=models.Count("*"))
        .values("count")
    )
    return Coalesce(models.Subquery(counted, output_field=models.IntegerField()), 0)


def preview(queryset: models.QuerySet, limit: int = 12, total: int | None = None) -> dict:
    """The first `limit` entries of a list and how many there are in all (two queries, or one when
    the caller knows the `total`, e.g. from counts kept in the cache)."""
    return {"items": list(queryset[:limit]), "total": queryset.count() if total is None else total}


def kept_page(name: str, queryset: models.QuerySet, number, per_page: int, fresh: bool = False) -> Page:
    """Page `number` of `queryset`, whose count and the ids on the page are kept in the cache until the
    directory changes (core/cached_counts.py): one query then, for the page's rows by id; two when
    they are not kept (the count and the page), as with a Paginator.

    For pages whose count and order are dear to work out (a sort over a join). `name` must say what
    `queryset` holds and how it is filtered; `number` is taken as Paginator.get_page takes it.
    """

    fetched: list = []

    def locate() -> tuple[int, int, list]:
        paginator = Paginator(queryset, per_page)
        page = paginator.get_page(number)
        fetched.extend(page.object_list)
        return paginator.count, page.number, [row.pk for row in fetched]

    # As get_page reads it; a number past the end is its own key, still one page's worth of work.
    try:
        number = max(int(number), 1)
    except (TypeError, ValueError):
        number = 1
    count, found, ids = kept(f"{name}:page:{number}", locate, fresh=fresh)
    if not fetched and ids:
        rows = queryset.in_bulk(ids)
        fetched.extend(rows[pk] for pk in ids if pk in rows)
    paginator = Paginator(queryset, per_page)
    paginator.count = count  # known: no COUNT query
    return Page(fetched, found, paginator)
