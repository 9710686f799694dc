"""CSV downloads of list pages and search results: only what the public may see.

Each kind of entry has a declarative list of columns, and a queryset shape that fetches
everything those columns show in a fixed number of queries, however many rows there are.
Related entries (themes, organisations, a project's lead) appear only when published; a
researcher's email and lived experience only as the person chose.
"""

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Model, Prefetch, QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone

from areas.models import Area
from core.models import Entry, published_or_none
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Project
from search import service
from search.models import Kind
from themes.models import Theme

from .csvfile import csv_response

# Search results are ranked across every kind of entry and cannot be narrowed like a list;
# beyond this many rows a download would only be the tail of what people were looking for.
MAX_SEARCH_ROWS = 5000
SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Model], object]


def names(entries: Iterable[Model]) -> str:
    return SEPARATOR.join(str(entry) for entry in entries)


def published_name(entry: Entry | None) -> str:
    shown = published_or_none(entry)
    return str(shown) if shown else ""


def published_themes() -> Prefetch:
    return Prefetch("themes", queryset=Theme.objects.published().only("name"))


def published_organisations(lookup: str) -> Prefetch:
    return Prefetch(lookup, queryset=Organisation.objects.published().only("name"))


@dataclass(frozen=True)
class Export:
    """How one kind of entry is downloaded: its columns, and the joins they need."""

    columns: list[Column]
    shape: Callable[[QuerySet], QuerySet]


ORGANISATION = Export(
    columns=[
        Column("Name", lambda o: o.name),
        Column("Short name", lambda o: o.short_name),
        Column("Kind", lambda o: o.get_kind_display()),
        Column("N8 member", lambda o: o.is_n8_member),
        Column("Website", lambda o: o.website),
        Column("ROR ID", lambda o: o.ror_id),
        Column("Area", lambda o: o.area.name if o.area else ""),
        Column("Area code", lambda o: o.area.code if o.area else ""),
        Column("Description", lambda o: o.description),
    ],
    shape=lambda entries: entries.select_related("area"),
)

RESEARCHER = Export(
    columns=[
        Column("Name", lambda r: r.name),
        Column("Title", lambda r: r.title),
        Column("Job title", lambda r: r.job_title),
        Column("Career stage", lambda r: r.get_career_stage_display()),
        Column("Organisation", lambda r: published_name(r.organisation)),
        Column("Affiliations", lambda r: names(r.affiliations.all())),
        Column("Themes", lambda r: names(r.themes.all())),
        Column("Expertise", lambda r: r.expertise),
        Column("Methods and skills", lambda r: r.methods),
        Column("ORCID iD", lambda r: r.orcid),
        # Only what the person chose to show on their public profile.
        Column("Email", lambda r: r.public_email),
        Column("Open to", lambda r: SEPARATOR.join(r.open_to)),
        Column("Lived experience", lambda r: r.public_lived_experience),
        Column("Biography", lambda r: r.biography),
    ],
    shape=lambda entries: entries.select_related("organisation").prefetch_related(
        published_organisations("affiliations"), published_themes()
    ),
)

DATASET = Export(
    columns=[
        Column("Title", lambda d: d.title),
        Column("Summary", lambda d: d.summary),
        Column("Custodian", lambda d: published_name(d.custodian)),
        Column("Themes", lambda d: names(d.themes.all())),
        Column("Keywords", lambda d: d.keywords),
        Column("Kind of source", lambda d: d.get_source_kind_display()),
        Column("Population", lambda d: d.population),
        Column("Minimum age", lambda d: d.min_age),
        Column("Maximum age", lambda d: d.max_age),
        Column("Includes the antenatal period", lambda d: d.includes_antenatal),
        Column("Geographic scope", lambda d: d.get_coverage_scope_display()),
        Column("Areas", lambda d: names(d.areas.all())),
        Column("Area codes", lambda d: SEPARATOR.join(area.code for area in d.areas.all())),
        Column("Start year", lambda d: d.start_year),
        Column("End year", lambda d: d.end_year),
        Column("Ongoing", lambda d: d.is_ongoing),
        Column("Approximate number of individuals", lambda d: d.individuals_count),
        Column("Approximate number of records", lambda d: d.records_count),
        Column("Unit of observation", lambda d: d.unit_of_observation),
        Column("Linkable identifiers", lambda d: names(d.identifiers.all())),
        Column("Access level", lambda d: d.get_access_level_display()),
        Column("How to get access", lambda d: d.access_instructions),
        Column("Access application page", lambda d: d.access_url),
        Column("Trusted research environment", lambda d: d.trusted_research_environment),
        Column("Typical time to access", lambda d: d.time_to_access),
        Column("Licence", lambda d: d.licence),
        Column("Formats", lambda d: d.formats),
        Column("Update frequency", lambda d: d.update_frequency),
        Column("Landing page", lambda d: d.landing_page),
        Column("DOI", lambda d: d.doi),
        Column("Contact point", lambda d: d.contact_name),
        # A team mailbox, which the form says is shown publicly.
        Column("Contact email", lambda d: d.contact_email),
        Column("Description", lambda d: d.description),
    ],
    shape=lambda entries: entries.select_related("custodian").prefetch_related(
        published_themes(),
        Prefetch("areas", queryset=Area.objects.only("code", "name")),
        "identifiers",
    ),
)

PROJECT = Export(
    columns=[
        Column("Title", lambda p: p.title),
        Column("Summary", lambda p: p.summary),
        Column("Project status", lambda p: p.current_stage_label),
        Column("Start date", lambda p: p.start_date),
        Column("End date", lambda p: p.end_date),
        Column("Funder", lambda p: p.funder),
        Column("Lead", lambda p: names(membership.researcher for membership in p.published_leads)),
        Column("Partner organisations", lambda p: names(p.partner_organisations.all())),
        Column("Themes", lambda p: names(p.themes.all())),
        Column("Datasets used", lambda p: names(usage.dataset for usage in p.published_usages)),
    ],
    shape=lambda entries: entries.prefetch_related(
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

THEME = Export(
    columns=[
        Column("Name", lambda t: t.name),
        Column("Family", lambda t: t.get_family_display()),
        Column("Part of", lambda t: published_name(t.parent)),
        Column("Description", lambda t: t.description),
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
    """Every published entry of `entries` (a list page's filtered queryset, in its order) as CSV.

    The header goes out at once; the rows follow as they are read, a chunk at a time (see `streamed`),
    so the first byte does not wait for the database and a worker's memory does not grow with the list.
    """
    export = EXPORTS[entries.model]
    # The list page's own prefetches are shaped for its cards; ours fetch what the columns show.
    shaped = export.shape(entries.published().prefetch_related(None))
    header = [column.header for column in export.columns] + ["Web address"]
    lines = (
        [column.value(entry) for column in export.columns]
        + [request.build_absolute_uri(entry.get_absolute_url())]
        for entry in streamed(shaped)
    )
    return csv_response(dated_filename(entries.model._meta.verbose_name_plural), header, lines)


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
    sql, params = query.ordered(*query.current(), results.sort)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} LIMIT %s", [*params, MAX_SEARCH_ROWS])
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
