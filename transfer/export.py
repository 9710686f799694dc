"""CSV downloads of list pages and search results: only what the public may see (curators' downloads of
a list also hold unpublished entries, with their status).

Each kind of entry is downloaded in the columns of its import file (transfer.columns), so a download
imports back without loss, with a queryset shape that fetches everything those columns show in a fixed
number of queries, however many rows there are. Related entries (themes, organisations, a project's
lead) appear only when published; a researcher's email and lived experience only as the person chose,
except to curators.
"""

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Model, Prefetch, QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone

from accounts.policy import is_curator
from areas.models import Area
from core.models import Entry, published_or_none
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Project
from search import service
from search.models import Kind
from themes.models import Theme

from . import columns
from .csvfile import csv_response

# Search results are ranked across every kind of entry and cannot be narrowed like a list;
# beyond this many rows a download would only be the tail of what people were looking for.
MAX_SEARCH_ROWS = 5000
SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Model], object]
    # Whether the public may see this entry's value (columns.Column.private); None: always.
    private: Callable[[Model], bool] | None = None
    curators_only: bool = False
    # The value is a path on this site, written as a full web address.
    is_address: bool = False

    def cell(self, entry: Model, curator: bool, request: HttpRequest) -> object:
        if not curator and self.private is not None and not self.private(entry):
            return ""
        value = self.value(entry)
        return request.build_absolute_uri(value) if self.is_address else value


def slugs(entries: Iterable) -> str:
    return SEPARATOR.join(entry.slug for entry in entries)


def published_slug(entry: Entry | None) -> str:
    shown = published_or_none(entry)
    return shown.slug if shown else ""


def published_name(entry: Entry | None) -> str:
    shown = published_or_none(entry)
    return str(shown) if shown else ""


def published_themes() -> Prefetch:
    return Prefetch("themes", queryset=Theme.objects.published().only("slug", "name"))


def published_organisations(lookup: str) -> Prefetch:
    return Prefetch(lookup, queryset=Organisation.objects.published().only("slug", "name"))


def exported_value(model: type[Model], column: columns.Column) -> Callable[[Model], object]:
    """How a download writes `column`, in the form the import reads back: stored choices, yes or no,
    related entries by slug (published ones only: a link to any other is kept by an import), areas by
    ONS code."""
    name = column.name
    if name == columns.WEB_ADDRESS.name:
        return lambda entry: entry.get_absolute_url()
    if name == "shown_stage":
        return lambda project: project.current_stage
    if column.parts is not None:
        return column.parts.cell
    if name == "datasets_used":
        return lambda project: slugs(usage.dataset for usage in project.published_usages)
    if column.relation == "researcher":
        return lambda project: slugs(membership.researcher for membership in project.published_leads)
    if column.relation == "organisation":
        return lambda entry: published_slug(getattr(entry, name))
    if column.relation == "area":
        return lambda entry: entry.area.code if entry.area else ""
    if column.relation == "areas":
        return lambda entry: SEPARATOR.join(area.code for area in getattr(entry, name).all())
    if column.relation:
        return lambda entry: slugs(getattr(entry, name).all())
    return lambda entry: joined(getattr(entry, name))


def joined(value: object) -> object:
    """Several choices (a dataset's conditions of access) in one cell, as the import reads them."""
    return SEPARATOR.join(value) if isinstance(value, list) else value


def export_of(model: type[Model], kind: str, shape: Callable[[QuerySet], QuerySet]) -> "Export":
    """The download of `kind`: the columns of its import file (transfer.columns), so that it imports back."""
    return Export(
        columns=[
            Column(
                column.name,
                exported_value(model, column),
                private=column.private,
                curators_only=column.curators_only,
                is_address=column.name == columns.WEB_ADDRESS.name,
            )
            for column in columns.COLUMNS[kind]
        ],
        shape=shape,
    )


@dataclass(frozen=True)
class Export:
    """How one kind of entry is downloaded: its columns, and the joins they need."""

    columns: list[Column]
    shape: Callable[[QuerySet], QuerySet]

    def columns_for(self, curator: bool) -> list[Column]:
        return [column for column in self.columns if curator or not column.curators_only]


Kinds = columns.Kind

ORGANISATION = export_of(Organisation, Kinds.ORGANISATIONS, lambda entries: entries.select_related("area"))

RESEARCHER = export_of(
    Researcher,
    Kinds.RESEARCHERS,
    lambda entries: entries.select_related("organisation").prefetch_related(
        published_organisations("affiliations"), published_themes()
    ),
)

DATASET = export_of(
    Dataset,
    Kinds.DATASETS,
    lambda entries: entries.select_related("custodian").prefetch_related(
        published_themes(),
        Prefetch("areas", queryset=Area.objects.only("code", "name")),
        "identifiers",
        "access_steps",
        "observations",
    ),
)

PROJECT = export_of(
    Project,
    Kinds.PROJECTS,
    lambda entries: entries.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(
                role=Membership.Role.LEAD, researcher__status=Entry.Status.PUBLISHED
            ).select_related("researcher"),
            to_attr="published_leads",
        ),
        published_organisations("partner_organisations"),
        published_themes(),
        Prefetch(
            "usages",
            queryset=DatasetUsage.objects.filter(dataset__status=Entry.Status.PUBLISHED).select_related(
                "dataset"
            ),
            to_attr="published_usages",
        ),
    ),
)

# Themes are not imported from CSV: their download is for reading.
THEME = Export(
    columns=[
        Column("Name", lambda t: t.name),
        Column("Family", lambda t: t.get_family_display()),
        Column("Part of", lambda t: published_name(t.parent)),
        Column("Description", lambda t: t.description),
        Column("Web address", lambda t: t.get_absolute_url(), is_address=True),
    ],
    shape=lambda entries: entries.select_related("parent"),
)

EXPORTS: dict[type[Model], Export] = {
    Organisation: ORGANISATION,
    Researcher: RESEARCHER,
    Dataset: DATASET,
    Project: PROJECT,
    Theme: THEME,
}


def entries_csv(request: HttpRequest, entries: QuerySet) -> StreamingHttpResponse:
    """Every published entry of `entries` (a list page's filtered queryset, in its order) as CSV, in the
    columns of its kind's import file (a curator's with each entry's status and every private field, and
    entries of every status: see `downloads_every_status`).

    The header goes out at once; the rows follow as they are read, a chunk at a time (see `streamed`),
    so the first byte does not wait for the database and a worker's memory does not grow with the list.
    """
    export = EXPORTS[entries.model]
    curator = is_curator(request.user)
    shown = export.columns_for(curator)
    if not downloads_every_status(request, entries.model):
        entries = entries.published()
    # The list page's own prefetches are shaped for its cards; ours fetch what the columns show.
    shaped = export.shape(entries.prefetch_related(None))
    header = [column.header for column in shown]
    lines = ([column.cell(entry, curator, request) for column in shown] for entry in streamed(shaped))
    return csv_response(dated_filename(entries.model._meta.verbose_name_plural), header, lines)


def downloads_every_status(request: HttpRequest, model: type[Model]) -> bool:
    """Whether a list's download holds entries of every status (drafts, in review, archived) with their
    status column: a curator's, of a kind imported from CSV, so that exporting and importing back covers
    every entry. Everyone else's holds published entries only."""
    export = EXPORTS.get(model)
    return (
        export is not None
        and any(column.curators_only for column in export.columns)
        and is_curator(request.user)
    )


def streamed(entries: QuerySet) -> Iterator[Model]:
    """The entries in order, read settings.EXPORT_CHUNK_SIZE rows at a time with each chunk's prefetches.

    Queries: one for the rows (a server-side cursor on PostgreSQL), then the shape's prefetches once per
    chunk, whatever the number of rows. Nothing runs until the first entry is asked for.

    Inside a transaction, because outside one Django declares the cursor WITH HOLD and PostgreSQL then
    computes and stores every row before handing over the first. Closing the download early (a client
    that goes away) ends the transaction, rolling back nothing but the read.
    """
    with transaction.atomic(using=entries.db):
        yield from entries.iterator(chunk_size=settings.EXPORT_CHUNK_SIZE)


def dated_filename(name: str) -> str:
    return f"{name.replace(' ', '-')}-{timezone.localdate().isoformat()}.csv"


def search_csv(request: HttpRequest, results: service.Results) -> StreamingHttpResponse:
    """The first MAX_SEARCH_ROWS results of a search, in the order the search page shows them, with how
    the search was read (the same on every row, so that any row read alone says what it answers)."""
    header = ["Type", "Title", "Summary", "Key facts", "Web address", "Search read as", "Does not match"]
    read_as = reading_text(results)
    lines = (
        [
            Kind(kind).label,
            title,
            summary,
            key_facts(facts),
            request.build_absolute_uri(url),
            read_as,
            missing,
        ]
        for kind, title, summary, facts, url, missing in search_rows(results)
    )
    return csv_response(dated_filename("search-results"), header, lines)


def search_rows(results: service.Results) -> list[tuple]:
    """The rows behind `results`, all pages at once, in the order the search page shows them."""
    query = results.query
    if query is None:
        return []
    sql, params = query.ordered(*query.current(), results.sort, limit=MAX_SEARCH_ROWS)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            (
                kind,
                title,
                summary,
                service.shown_facts(facts, ended),
                url,
                SEPARATOR.join(query.missing(met, kind)),
            )
            for kind, url, title, summary, _, _, _, facts, met, ended in cursor.fetchall()
        ]


def reading_text(results: service.Results) -> str:
    reading = results.reading
    if reading is None:
        return ""
    parts = [f"words: {reading.words}"] if reading.words else []
    parts += [chip.label for chip in reading.chips]
    return SEPARATOR.join(parts)


def key_facts(facts) -> str:
    facts = json.loads(facts) if isinstance(facts, str) else facts
    return SEPARATOR.join(f"{label}: {value}" for label, value in facts if value)
