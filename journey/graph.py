"""The linkage graph of a basket: datasets in a ring, a solid line where two are already linked,
a dashed one where they share identifiers they could be linked on. The table beside it says the same."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from core.svg import ring

from .route import Route

SIZE = 340
CENTRE = SIZE / 2
RADIUS = 120


def linkage_svg(route: Route) -> SafeString:
    if len(route.datasets) < 2:
        return SafeString("")
    places = dict(zip((d.pk for d in route.datasets), ring(len(route.datasets), CENTRE, RADIUS), strict=True))
    lines = format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="{}"/>',
        (
            (*places[link.first.pk], *places[link.second.pk], "linked" if link.already_linked else "linkable")
            for link in route.links
        ),
    )
    nodes = format_html_join(
        "",
        # The title as a tooltip on each circle; the key under the picture names every number.
        '<g><title>{}. {}</title><circle cx="{}" cy="{}" r="8" class="node"/>'
        '<text x="{}" y="{}" class="label">{}</text></g>',
        (
            (number, dataset.title, x, y, x, f"{float(y) + 22:.1f}", number)
            for number, (dataset, (x, y)) in enumerate(
                zip(route.datasets, places.values(), strict=True), start=1
            )
        ),
    )
    linked = sum(link.already_linked for link in route.links)
    description = (
        f"{len(route.datasets)} datasets, numbered as in the list; {linked} pairs already linked (solid lines), "
        f"{len(route.links) - linked} pairs that share identifiers (dashed lines)."
    )
    return format_html(
        '<svg class="linkage-graph" viewBox="0 0 {s} {s}" role="img" aria-labelledby="linkage-title linkage-desc">'
        '<title id="linkage-title">How the chosen datasets link</title><desc id="linkage-desc">{d}</desc>'
        "{lines}{nodes}</svg>",
        s=SIZE,
        d=description,
        lines=lines,
        nodes=nodes,
    )
