"""Starting to follow something: one row per person and thing followed, labelled in words."""

from django.db import IntegrityError, transaction

from areas.models import Area
from search.facets import FACETS, Chosen, labels, normalised
from search.query import clean
from themes.models import Theme

from .models import Follow, area_key, search_key, theme_key

# The most a person may follow, so that their digest (and the work to make it) stays bounded.
MOST_FOLLOWS = 50


class TooManyFollows(Exception):
    pass


def search_label(query: str, facets: Chosen) -> str:
    """“school readiness” · Area covered: Bradford or Leeds (a query or two for the values' labels)."""
    parts = [f"“{query}”"] if query else []
    named = labels(facets)
    for name, chosen in facets.items():
        parts.append(f"{FACETS[name]}: " + " or ".join(named.get((name, value), value) for value in chosen))
    return "Search: " + " · ".join(parts)


def follow(user, kind: str, **target) -> tuple[Follow, bool]:
    """`user` follows a theme (theme=), an area (area=) or a search (query=, facets=); returns the
    follow and whether it is new. Raises TooManyFollows at MOST_FOLLOWS."""
    if kind == Follow.Kind.THEME:
        theme: Theme = target["theme"]
        fields = {"key": theme_key(theme), "theme": theme, "label": f"Theme: {theme.name}"}
    elif kind == Follow.Kind.AREA:
        area: Area = target["area"]
        fields = {"key": area_key(area), "area": area, "label": f"Area: {area.name}"}
    else:
        query, facets = clean(target.get("query", "")), normalised(target.get("facets"))
        fields = {
            "key": search_key(query, facets),
            "query": query,
            "facets": facets,
            "label": search_label(query, facets)[:400],
        }
    existing = Follow.objects.filter(user=user, key=fields["key"]).first()
    if existing:
        return existing, False
    if Follow.objects.of(user).count() >= MOST_FOLLOWS:
        raise TooManyFollows
    try:
        with transaction.atomic():
            return Follow.objects.create(user=user, kind=kind, **fields), True
    except IntegrityError:
        # The same button pressed twice at once: the other press made it.
        return Follow.objects.get(user=user, key=fields["key"]), False
