"""A small picture of a researcher's collaborations, drawn as SVG on the server.

The researcher sits in the middle, their collaborators in a ring around them; a dashed line joins
two collaborators who also worked with each other. The page lists the same people as links, which
is the picture's text alternative.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from core.svg import initials, ring

from .network import Network

SIZE = 320
CENTRE = SIZE / 2
RING = 118
NODE = 9


def collaboration_svg(name: str, network: Network) -> SafeString:
    people = [neighbour.researcher for neighbour in network.collaborators]
    if not people:
        return SafeString("")
    places = ring(len(people), CENTRE, RING)
    spokes = format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="spoke"/>',
        ((CENTRE, CENTRE, x, y) for x, y in places),
    )
    between = format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="between"/>',
        ((*places[first], *places[second]) for first, second in network.links_between),
    )
    nodes = format_html_join(
        "",
        # The name as a tooltip on each circle; the list after the picture names everyone too.
        '<g><title>{}</title><circle cx="{}" cy="{}" r="{}" class="node"/>'
        '<text x="{}" y="{}" class="label">{}</text></g>',
        (
            (person.display_name, x, y, NODE, x, f"{float(y) + NODE + 13:.1f}", initials(person.name))
            for (x, y), person in zip(places, people, strict=True)
        ),
    )
    return format_html(
        '<svg class="collaboration-graph" viewBox="0 0 {size} {size}" role="img" '
        'aria-labelledby="graph-title graph-desc">'
        '<title id="graph-title">Collaborations of {name}</title><desc id="graph-desc">{description}</desc>'
        "{spokes}{between}{nodes}"
        '<circle cx="{c}" cy="{c}" r="{r}" class="centre"/>'
        '<text x="{c}" y="{label_y}" class="label">{initials}</text>'
        "</svg>",
        size=SIZE,
        name=name,
        description=describe(name, network),
        spokes=spokes,
        between=between,
        nodes=nodes,
        c=CENTRE,
        r=NODE + 5,
        label_y=CENTRE + NODE + 20,
        initials=initials(name),
    )


def describe(name: str, network: Network) -> str:
    count = len(network.collaborators)
    text = f"{name} in the middle, joined to {count} collaborator{'s' if count != 1 else ''}"
    if network.links_between:
        text += f"; {len(network.links_between)} dashed lines join collaborators who also worked together"
    return text + ", each labelled with their initials. The list below names them, with their initials."
