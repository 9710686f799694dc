"""Tags: an index row's facets, places and ages as words of their own in PostgreSQL's full-text vector.

A search narrowed by facets, a place or an age asks the full-text index for the words and the tags in
one lookup (`health & #kind=dataset & #access_level=open`), so that the index intersects their lists of
entries before any row is read, instead of every match of the words being read and tested against the
facet and place tables one at a time (docs/performance.md). Tags begin with "#", which the text parser
never gives as a word, so nothing typed can match one; they carry no position or weight, so they change
no rank. SQLite's FTS5 table holds the words only; it narrows through the facet and place tables.

What a tag says is exactly what the facet and place tables say, and the ages exactly what the row's
own age columns say up to AGES_TAGGED; from there on ages share one tag, and the row's ages are
compared again (search.service), so a tag never widens what a search finds.
"""

from collections.abc import Iterable

from .documents import PLACE
from .facets import FACETS
from .models import Kind

# Each age below this has a tag of its own ("#age=5"); older ages share "#age=30+".
AGES_TAGGED = 30
OLDER = f"{AGES_TAGGED}+"


def tag(name: str, value: str) -> str:
    """The tag of one facet value, place or age: one word, with no space in it."""
    return f"#{name}={value}".replace(" ", "_")


def entry_tags(facets: Iterable[tuple[str, str, str]], age_from: int | None, age_to: int | None) -> list[str]:
    """The tags of an index row: its facets shown to narrow by (kind included), its places and its ages."""
    tags = {tag(name, value) for name, value, _ in facets if name in FACETS or name == PLACE}
    if age_from is not None:
        # The ages the row covers, as search.service compares them: from age_from, up to but not
        # including age_to (or the next birthday when it is the same age), for ever without an age_to.
        end = None if age_to is None else max(age_to, age_from + 1)
        tags.update(age_tags(age_from, end))
    return sorted(tags)


def age_tags(start: int, end: int | None) -> list[str]:
    """The tags of the ages from `start` up to but not including `end` (None: no end)."""
    below = range(min(start, AGES_TAGGED), AGES_TAGGED if end is None else min(end, AGES_TAGGED))
    tags = [tag("age", age) for age in below]
    if end is None or end > AGES_TAGGED:
        tags.append(tag("age", OLDER))
    return tags


def any_of(tags: Iterable[str]) -> str:
    """tsquery text true for a vector holding any of the tags (quoted as tsquery input quotes a word)."""
    quoted = ["'" + text.replace("\\", "\\\\").replace("'", "''") + "'" for text in dict.fromkeys(tags)]
    return "(" + " | ".join(quoted) + ")"


def kinds_other_than(kind: str) -> list[str]:
    return [tag("kind", other) for other in Kind.values if other != kind]
