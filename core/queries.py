"""Query helpers shared by the apps."""

from django.db import models
from django.db.models.functions import Coalesce


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


def preview(queryset: models.QuerySet, limit: int = 12) -> dict:
    """The first `limit` entries of a list and how many there are in all (two queries)."""
    return {"items": list(queryset[:limit]), "total": queryset.count()}
