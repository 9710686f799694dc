"""Finding the entries an import file's cells name, with a few queries per file rather than per row.

Every distinct name, slug, ONS code or ORCID iD in a relation column is read once, in batches, before
any row is checked; the rows then look them up in dictionaries.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.core.exceptions import ValidationError
from django.db import models

from areas.models import Area
from core.filters import printable
from core.identifiers import normalise_orcid
from core.models import Entry
from datasets.models import LinkageIdentifier
from organisations.models import Organisation
from people.models import Researcher
from themes.models import Theme

# Rows per query or insert: well under the bound-parameter limits of SQLite (32,766) and PostgreSQL
# (65,535) even for wide rows, and small enough that progress moves.
BATCH_SIZE = 1000

# What each relation column names, and whether a cell may name several ("; " between them).
MANY = ("organisations", "themes", "areas", "identifiers")


def batches(values: Iterable, size: int | None = None) -> Iterator[list]:
    values, size = list(values), size or BATCH_SIZE
    for start in range(0, len(values), size):
        yield values[start : start + size]


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


class Lookups:
    """The answers for every text a file's relation columns hold: (value, "") or (None, message)."""

    def __init__(self, texts: dict[str, set[str]]):
        self.answers: dict[tuple[str, str], tuple[object, str]] = {}
        for relation, wanted in texts.items():
            wanted.discard("")
            if not wanted:
                continue
            found = FINDERS[relation](wanted)
            for text in wanted:
                self.answers[(relation, text)] = found[text]

    @classmethod
    def for_rows(cls, relations: dict[str, str], rows: list[tuple[int, dict[str, str]]]) -> "Lookups":
        """Reads what the `relations` columns ({column: relation}) of `rows` name."""
        texts: dict[str, set[str]] = defaultdict(set)
        for column, relation in relations.items():
            for _, cells in rows:
                cell = cells[column].strip()
                texts[relation].update(split(cell) if relation in MANY else [cell])
        return cls(texts)

    def resolve(self, relation: str, cell: str, problem):
        """The entry id (or, for a column of several, the ids) `cell` names; tells `problem` of each
        name that names nothing."""
        if relation in MANY:
            found = []
            for part in split(cell):
                value = self.one(relation, part, problem)
                found.extend(value if isinstance(value, list) else [value] if value else [])
            return list(dict.fromkeys(found))
        return self.one(relation, cell, problem) if cell else None

    def one(self, relation: str, text: str, problem):
        value, message = self.answers[(relation, text)]
        if message:
            problem(message)
        return value


def entries_named(model: type[models.Model], texts: set[str], noun: str) -> dict[str, tuple[object, str]]:
    """The primary key of the entry whose slug, or else exact name, is each text."""
    name_field = "name"
    by_slug, by_name = {}, defaultdict(list)
    for batch in batches(texts):
        rows = model.objects.filter(models.Q(slug__in=batch) | models.Q(**{f"{name_field}__in": batch}))
        for pk, slug, name in rows.order_by("pk").values_list("pk", "slug", name_field):
            by_slug[slug] = pk
            by_name[name].append(pk)
    found = {}
    for text in texts:
        if text in by_slug:
            found[text] = (by_slug[text], "")
        elif len(by_name[text]) > 1:
            found[text] = (None, f"More than one {noun} is called “{text}”: use its slug instead.")
        elif by_name[text]:
            found[text] = (by_name[text][0], "")
        else:
            found[text] = (None, f"There is no {noun} called “{text}” or with that slug.")
    return found


def areas_for_codes(texts: set[str]) -> dict[str, list[int]]:
    """The areas each current or retired ONS code stands for (Area.objects.for_code, for many codes)."""
    codes = {text: printable(text).upper() for text in texts}
    wanted = set(codes.values())
    areas: dict[str, set[int]] = defaultdict(set)
    for batch in batches(wanted):
        for pk, code in Area.objects.filter(code__in=batch).values_list("pk", "code"):
            areas[code].add(pk)
        aliases = Area.objects.filter(aliases__old_code__in=batch).values_list("pk", "aliases__old_code")
        for pk, old_code in aliases:
            areas[old_code].add(pk)
    names = dict(
        Area.objects.filter(pk__in={pk for pks in areas.values() for pk in pks}).values_list("pk", "name")
    )
    # In the order Area.objects lists them (by name), as the form field did.
    return {text: sorted(areas[code], key=lambda pk: (names[pk], pk)) for text, code in codes.items()}


def unknown_code(text: str) -> str:
    return f"There is no northern local authority with the code {text}."


def areas_named(texts: set[str]) -> dict[str, tuple[object, str]]:
    found = areas_for_codes(texts)
    return {text: (pks, "") if pks else (None, unknown_code(text)) for text, pks in found.items()}


def one_area_named(texts: set[str]) -> dict[str, tuple[object, str]]:
    found = areas_for_codes(texts)
    several = {pk for pks in found.values() if len(pks) > 1 for pk in pks}
    described = {area.pk: f"{area.name} ({area.code})" for area in Area.objects.filter(pk__in=several)}
    answers = {}
    for text, pks in found.items():
        if not pks:
            answers[text] = (None, unknown_code(text))
        elif len(pks) > 1:
            names = ", ".join(described[pk] for pk in pks)
            answers[text] = (
                None,
                f"The retired code {text} now stands for several areas: {names}. Use one of their codes.",
            )
        else:
            answers[text] = (pks[0], "")
    return answers


def researchers_named(texts: set[str]) -> dict[str, tuple[object, str]]:
    """The researcher whose slug or ORCID iD each text is."""
    orcids = {text: normalise_orcid(text) for text in texts}
    by_slug, by_orcid = {}, {}
    for batch in batches(texts):
        query = models.Q(slug__in=batch) | models.Q(orcid__in=[orcids[text] for text in batch])
        for researcher in Researcher.objects.filter(query).order_by("pk"):
            by_slug.setdefault(researcher.slug, researcher)
            if researcher.orcid:
                by_orcid.setdefault(researcher.orcid, researcher)
    found = {}
    for text in texts:
        researcher = by_slug.get(text) or by_orcid.get(orcids[text])
        message = "" if researcher else f"There is no researcher with the slug or ORCID iD “{text}”."
        found[text] = (researcher, message)
    return found


FINDERS = {
    "organisation": lambda texts: entries_named(Organisation, texts, "organisation"),
    "organisations": lambda texts: entries_named(Organisation, texts, "organisation"),
    "themes": lambda texts: entries_named(Theme, texts, "theme"),
    "identifiers": lambda texts: entries_named(LinkageIdentifier, texts, "linkable identifier"),
    "area": one_area_named,
    "areas": areas_named,
    "researcher": researchers_named,
}


# One text at a time, for the harvests, which check an entry at a time.


def entry_named(model: type[Entry], text: str, noun: str) -> int:
    """The primary key of the entry whose slug, or else exact name, is `text`; raises ValidationError."""
    pk, message = entries_named(model, {text}, noun)[text]
    if message:
        raise ValidationError(message)
    return pk


def areas_for_code(text: str) -> list[int]:
    """The areas an ONS code stands for (a retired code may stand for several); raises ValidationError."""
    pks, message = areas_named({text})[text]
    if message:
        raise ValidationError(message)
    return pks
