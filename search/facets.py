"""A search's facets: which values were chosen, and how they narrow the matches.

Several values may be chosen in a facet (`?area=E08000032&area=E08000035`): an entry matches when it
has any of them, and it must match every facet chosen, as on the list pages (core.filters). Chosen
facets are held as a dict of the facet's name to its values, sorted, so that the same choice made in
any order is one search (one cache entry, one followed search).
"""

from collections.abc import Iterable, Mapping

from django import forms
from django.http import QueryDict
from django.utils import timezone

from areas.models import Area
from areas.places import covering_values
from core.filters import chosen_texts, printable
from datasets.life_stages import LIFE_STAGE_CHOICES
from datasets.models import Dataset
from people.models import Researcher
from projects.models import ENDED, STAGE_LABELS, Project

from .models import Kind, SearchFacet

Stage = Project.Stage
Chosen = dict[str, list[str]]

# Facets people can narrow a search by, in the order they are shown.
FACETS = {
    "kind": "Type",
    "theme": "Theme",
    "organisation": "Organisation",
    "area": "Area covered",
    "life_stage": "Life stage",
    "access_level": "Access level",
    "source_kind": "Kind of source",
    "career_stage": "Career stage",
    "stage": "Project status",
}
# The longest value read for a facet: slugs and codes are far shorter.
LONGEST_VALUE = 150
INVALID_CHOICE = "“%(value)s” is not one of the choices, so this filter was not used."


def fixed_values() -> dict[str, dict[str, str]]:
    """The facets whose values are a fixed list, and that list (value to label): any other is a mistake."""
    return {
        "kind": dict(Kind.choices),
        "life_stage": dict(LIFE_STAGE_CHOICES),
        "access_level": dict(Dataset.AccessLevel.choices),
        "source_kind": dict(Dataset.SourceKind.choices),
        "career_stage": dict(Researcher.CareerStage.choices),
        "stage": {**dict(Stage.choices), ENDED: STAGE_LABELS[ENDED]},
    }


def labels(facets: Chosen) -> dict[tuple[str, str], str]:
    """What each chosen value is called, by (facet, value): from the fixed lists, else from the index
    (one query, for values of the other facets), else an area's name (one query more)."""
    fixed = fixed_values()
    named = {
        (name, value): fixed[name][value]
        for name, values in facets.items()
        if name in fixed
        for value in values
        if value in fixed[name]
    }
    others = {name: values for name, values in facets.items() if name not in fixed}
    if others:
        found = SearchFacet.objects.filter(
            name__in=others, value__in={value for values in others.values() for value in values}
        ).values_list("name", "value", "label")
        named |= {(name, value): label for name, value, label in found.distinct() if value in others[name]}
    unnamed = [value for value in facets.get("area", []) if ("area", value) not in named]
    if unnamed:
        named |= {
            ("area", code): name
            for code, name in Area.objects.filter(code__in=unnamed).values_list("code", "name")
        }
    return named


def normalised(facets: Mapping[str, str | Iterable[str]] | None) -> Chosen:
    """Facet name to its chosen values, printable, without blanks or repeats, sorted; names in FACETS'
    order. A single value (as a search followed before several could be chosen keeps it) is a list of one."""
    chosen = {}
    for name in FACETS:
        given = (facets or {}).get(name)
        values = [given] if isinstance(given, str) else list(given or [])
        values = sorted({printable(str(value))[:LONGEST_VALUE] for value in values} - {""})
        if values:
            chosen[name] = values
    return chosen


def chosen_facets(data: QueryDict) -> tuple[Chosen, dict[str, list[str]]]:
    """The facet values a query string asks for (a facet repeated for several), and what is wrong with
    any facet: a value that is not one of a fixed list's, or too many values. Such a facet is left out."""
    fixed = fixed_values()
    chosen, problems = {}, {}
    for name in FACETS:
        try:
            values = chosen_texts(data.getlist(name))
        except forms.ValidationError as error:
            problems[name] = list(error.messages)
            continue
        unknown = [value for value in values if name in fixed and value not in fixed[name]]
        if unknown:
            # As on the list pages: a filter with a value it cannot use is not used at all.
            problems[name] = [INVALID_CHOICE % {"value": value[:LONGEST_VALUE]} for value in unknown]
            continue
        chosen[name] = values
    return normalised(chosen), problems


def as_parameters(facets: Chosen) -> list[tuple[str, str]]:
    """The chosen facets as a query string's pairs, a pair per value, always in the same order."""
    return [(name, value) for name, values in sorted(facets.items()) for value in values]


def facet_values(name: str, value: str) -> list[str]:
    """The facet values a choice stands for: an area includes England- and UK-wide data; an ended
    project is an active one past its end date (facet_condition tells them apart)."""
    if name == "area":
        return covering_values([value]) if value not in ("england", "uk") else [value]
    if name == "stage" and value == ENDED:
        return [Stage.ACTIVE]
    return [value]


def dated_before(name: str) -> tuple[str, list]:
    """SQL selecting the entries whose hidden date facet `name` (CLOSES, ENDS) is before today."""
    return (
        "SELECT entry_id FROM search_searchfacet WHERE name = %s AND value < %s",
        [name, timezone.localdate().isoformat()],
    )


def is_dated_before(entry: str, name: str) -> tuple[str, list]:
    """SQL true when the entry (`entry`: an expression giving its id) has its hidden date facet `name`
    before today: one look in the facets' (entry, name, value) key. Put in a result's columns it is
    worked out for the page's rows only, after the sort, where `IN (dated_before)` read every such
    date in the index first (14,000 projects' end dates at national scale)."""
    # A scalar subquery, which PostgreSQL never turns into a hash of every such date as it does EXISTS.
    return (
        f"(SELECT MIN(dated.value) FROM search_searchfacet dated WHERE dated.entry_id = {entry} "
        "AND dated.name = %s) < %s",
        [name, timezone.localdate().isoformat()],
    )


def has_values(entry: str, name: str, values: list[str]) -> tuple[str, list]:
    """SQL true when the entry (`entry`: an alias with an id) has one of the values of facet `name`."""
    marks = ", ".join(["%s"] * len(values))
    return (
        "EXISTS (SELECT 1 FROM search_searchfacet f WHERE f.entry_id = "
        f"{entry}.id AND f.name = %s AND f.value IN ({marks}))",
        [name, *values],
    )


def facet_condition(entry: str, name: str, values: list[str]) -> tuple[str, list]:
    """SQL true when the entry has any of the chosen `values` of facet `name`. However many values are
    chosen it stays one condition: the values of most facets are one list to look up."""
    from .documents import ENDS

    dated = {Stage.ACTIVE, ENDED} & set(values) if name == "stage" else set()
    plain = list(
        dict.fromkeys(
            value for choice in values if choice not in dated for value in facet_values(name, choice)
        )
    )
    parts, params = [], []
    if plain:
        sql, plain_params = has_values(entry, name, plain)
        parts.append(sql)
        params += plain_params
    if dated:
        # An active project past its end date is shown as ended (projects.models.ENDED).
        active, active_params = has_values(entry, name, [Stage.ACTIVE])
        if len(dated) == 1:
            ended, ended_params = dated_before(ENDS)
            active = f"({active} AND {entry}.id {'IN' if ENDED in dated else 'NOT IN'} ({ended}))"
            active_params = [*active_params, *ended_params]
        parts.append(active)
        params += active_params
    return "(" + " OR ".join(parts) + ")", params


def starting_rows(facets: Chosen) -> tuple[str, list]:
    """SQL selecting (id, rank, met) of the entries with any value chosen in the first facet, each once:
    where a search with no words starts, from the facet index rather than the whole table."""
    name, values = next(iter(facets.items()))
    wanted = list(dict.fromkeys(value for choice in values for value in facet_values(name, choice)))
    marks = ", ".join(["%s"] * len(wanted))
    return (
        "SELECT DISTINCT entry_id AS id, 0.0 AS rank, 0 AS met FROM search_searchfacet "
        f"WHERE name = %s AND value IN ({marks})",
        [name, *wanted],
    )
