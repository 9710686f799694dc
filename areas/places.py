"""The names people use for places, read by search; and the one rule for which data covers an area.

Curators keep the names in the admin (PlaceName). Search reads them through `place_names()`, which
costs one query to build and is then kept in Django's cache until a name or an area changes.
"""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from datasets.models import Dataset

from .models import PlaceName

# Changes whenever a place name or an area changes (see forget_place_names).
VERSION_KEY = "areas:place-names-version"
# Bump when the cached rows change shape, so that a new release never reads an old release's rows.
ROWS_FORMAT = 1
# A safety net only: every change forgets the list at once.
CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Place:
    name: str  # as a person types it, e.g. "West Yorkshire"
    label: str  # how to show it, e.g. "West Yorkshire", or "Kingston upon Hull" for "Hull"
    codes: tuple[str, ...]  # current ONS codes of the areas it stands for, sorted
    ambiguous: bool  # the word often means something else: offer the place, do not impose it


def place_names() -> list[Place]:
    """Every name people use for a place, by name; names that stand for no area are left out.

    Read from the cache; when it is empty (after a change), one query builds it again.
    """
    key = f"areas:place-names:{ROWS_FORMAT}:{place_names_version()}"
    rows = cache.get(key)
    if rows is None:
        rows = _rows()
        cache.set(key, rows, CACHE_SECONDS)
    return [Place(*row) for row in rows]


def _rows() -> list[tuple]:
    """(name, label, codes, ambiguous) for each name, in one query: the cache keeps plain values, which a
    later release can always read."""
    found: dict[int, tuple[str, str, bool, list[str]]] = {}
    links = PlaceName.objects.order_by().values_list("pk", "name", "label", "ambiguous", "areas__code")
    for pk, name, label, ambiguous, code in links:
        codes = found.setdefault(pk, (name, label or name, ambiguous, []))[3]
        if code:
            codes.append(code)
    rows = [
        (name, label, tuple(sorted(codes)), ambiguous) for name, label, ambiguous, codes in found.values()
    ]
    return sorted((row for row in rows if row[2]), key=lambda row: (row[0].casefold(), row[0]))


def place_names_version() -> int:
    """A number that changes whenever place_names() would change, for keying a copy kept elsewhere
    (such as a search index of the names held in a process's memory)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        # Never expires, and is never reused: a copy keyed by an old number is never mistaken for current.
        cache.add(VERSION_KEY, secrets.randbits(62), timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return version


def forget_place_names() -> None:
    """Makes place_names() read the database again: now, and once more when the current transaction
    commits, so that a list someone built meanwhile from the rows before the change is not kept."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, secrets.randbits(62), timeout=None)


def covering_values(codes: Iterable[str]) -> list[str]:
    """The area values that mean "covers these areas": the areas' own codes, then the coverage scopes of
    data that covers every northern area (England-wide and UK-wide).

    The one rule for "data covering an area": a dataset covers the areas when one of its areas' codes,
    or its coverage scope, is among these values. The dataset list's filter and the API
    (Dataset.objects.covering) and search's area facet all use it.
    """
    return [*sorted(set(codes)), *(str(scope) for scope in Dataset.NATIONAL_SCOPES)]
