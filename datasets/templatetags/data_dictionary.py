"""The data dictionary's parts on other apps' pages: a dataset's variables and a theme's ages."""

from django import template
from django.db.models import Count

from accounts.policy import may_edit_dictionary
from core.cached_counts import fresh_for, kept
from datasets.models import Dataset

from ..dictionary import chart
from ..dictionary.views import measured_grid
from ..models import Variable

register = template.Library()


@register.inclusion_tag("datasets/dictionary/_on_dataset.html", takes_context=True)
def data_dictionary(context, dataset: Dataset) -> dict:
    """How many variables the dataset describes, and what it measured when: two queries, none while they
    are kept in the cache (for visitors)."""
    fresh = fresh_for(context["request"])
    total = kept(f"variables:total:{dataset.pk}", Variable.objects.filter(dataset=dataset).count, fresh=fresh)
    grid = measured_grid(dataset, fresh) if total else chart.Grid([], [])
    return {
        "dataset": dataset,
        "total": total,
        "grid": grid,
        "chart": chart.svg(grid) if grid else "",
        "may_edit": may_edit_dictionary(context["request"].user, dataset),
    }


@register.inclusion_tag("datasets/dictionary/_on_theme.html", takes_context=True)
def measured_in_theme(context, theme) -> dict:
    """The published datasets with variables on this theme (or its sub-themes), and at which ages: one
    grouped query (none while kept in the cache), drawn as datasets by age."""

    def grouped() -> list[tuple]:
        rows = (
            Variable.objects.filter(theme__in=theme.with_children(), dataset__status=Dataset.Status.PUBLISHED)
            .exclude(ages="")
            .values_list("dataset__title", "dataset__slug", "ages")
            .annotate(number=Count("pk"))
            .order_by()
        )
        return [tuple(row) for row in rows]

    rows = kept(f"variables:theme:{theme.pk}", grouped, fresh=fresh_for(context["request"]))
    grid = chart.grid_of([(title, "", ages, number) for title, _, ages, number in rows])
    return {
        "theme": theme,
        "grid": grid,
        "chart": chart.svg(grid, title_id="theme-ages-title") if grid else "",
        "datasets": sorted(
            {(title, slug) for title, slug, _, _ in rows}, key=lambda item: item[0].casefold()
        ),
    }
