from django import template

from areas.models import Area
from coverage.panel import coverage_panel

register = template.Library()


@register.inclusion_tag("coverage/_map.html", takes_context=True)
def coverage_map(context, highlight: Area | list[Area] | None = None, note: str = "") -> dict:
    """The coverage map for the page's own filters (theme, life stage, access level) and its table,
    outlining the area or areas in `highlight`.

    Four queries at most, whatever the number of datasets; none but the theme's while the counts and
    the drawing are kept in the cache (see coverage.panel.coverage_panel).
    """
    areas = [highlight] if isinstance(highlight, Area) else list(highlight or [])
    return {**coverage_panel(context["request"], areas), "note": note}


@register.filter
def in_set(value, values) -> bool:
    return value in values
