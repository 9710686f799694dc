"""CSV downloads of the lists stream: the header at once, then rows read a chunk at a time with each chunk's
related entries, so queries grow with the chunks (never the rows) and the file is what reading every row
first gave."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from datasets.models import LinkageIdentifier
from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)
from transfer import export
from transfer.csvfile import csv_response

pytestmark = pytest.mark.django_db

CHUNK = 4


@pytest.fixture
def chunked(settings):
    settings.EXPORT_CHUNK_SIZE = CHUNK


def entry_queries(queries: CaptureQueriesContext) -> int:
    """Queries that read entries, leaving out the savepoints around the download's transaction."""
    return sum("SAVEPOINT" not in query["sql"] for query in queries.captured_queries)


def themed_dataset(number: int, theme, identifier, area) -> None:
    dataset = DatasetFactory(title=f"Dataset {number:03}")
    dataset.themes.add(theme)
    dataset.identifiers.add(identifier)
    dataset.areas.add(area)


def test_the_header_goes_out_before_any_row_is_read_then_one_chunk_at_a_time(client, chunked, bradford):
    theme, identifier = ThemeFactory(), LinkageIdentifier.objects.create(name="Test id A", slug="test-id-a")
    for number in range(CHUNK * 2 + 1):
        themed_dataset(number, theme, identifier, bradford)
    response = client.get("/datasets/?format=csv")
    lines = iter(response.streaming_content)
    # Prefetches per chunk: themes, areas, linkable identifiers, steps to access, dated counts (the
    # custodian comes with the row).
    prefetches = 5
    with CaptureQueriesContext(connection) as queries:
        assert next(lines).startswith(b"\xef\xbb\xbfslug,title,")
        assert entry_queries(queries) == 0
        assert b"Dataset 000" in next(lines)
        assert entry_queries(queries) == 1 + prefetches
        for _ in range(CHUNK - 1):
            next(lines)
        assert entry_queries(queries) == 1 + prefetches, "the rest of the first chunk is in memory"
        assert b"Dataset 004" in next(lines)
        assert entry_queries(queries) == 1 + 2 * prefetches
        assert len(list(lines)) == CHUNK
        assert entry_queries(queries) == 1 + 3 * prefetches
    response.close()


KINDS = {
    "datasets": lambda: DatasetFactory().themes.add(ThemeFactory()),
    "researchers": lambda: ResearcherFactory().themes.add(ThemeFactory()),
    "projects": lambda: MembershipFactory(role="lead", project=DatasetUsageFactory().project),
    "organisations": lambda: OrganisationFactory(),
    "themes": lambda: ThemeFactory(parent=ThemeFactory(status="draft")),
}


def download_queries(client, url: str) -> tuple[int, int]:
    """How many queries a whole download ran, and how many rows it had."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body = b"".join(response.streaming_content)
    return entry_queries(queries), body.count(b"\r\n") - 1


@pytest.mark.parametrize("kind", KINDS)
def test_queries_grow_with_the_chunks_not_the_rows(client, chunked, kind):
    url = f"/{kind}/?format=csv"
    existing = download_queries(client, url)[1]  # themes, for one, come with the database
    first = CHUNK * (existing // CHUNK + 1) + 1  # the first row of a new chunk
    counts = {}
    for rows in (first, first + CHUNK - 1, first + CHUNK, first + 2 * CHUNK):
        while (current := download_queries(client, url))[1] < rows:
            KINDS[kind]()
        assert current[1] == rows, "each entry made is one row"
        counts[rows] = current[0]
    assert counts[first] == counts[first + CHUNK - 1], "rows within a chunk cost no query"
    per_chunk = counts[first + CHUNK] - counts[first]
    assert counts[first + 2 * CHUNK] - counts[first + CHUNK] == per_chunk


def read_all_at_once(request, entries):
    """The download as it was before it streamed: every row read into a list first."""
    shape = export.EXPORTS[entries.model]
    rows = list(shape.shape(entries.published().prefetch_related(None)))
    columns = shape.columns_for(curator=False)
    header = [column.header for column in columns]
    lines = ([column.cell(entry, False, request) for column in columns] for entry in rows)
    return csv_response(export.dated_filename(entries.model._meta.verbose_name_plural), header, lines)


@pytest.fixture
def varied_directory(bradford, leeds):
    """Entries of every kind across several chunks, with published and hidden related entries."""
    shown, hidden = ThemeFactory(name="Shown theme"), ThemeFactory(name="Hidden theme", status="draft")
    draft_org = OrganisationFactory(name="Draft org", status="draft")
    identifier = LinkageIdentifier.objects.create(name="Test id B", slug="test-id-b")
    for number in range(3 * CHUNK + 1):
        dataset = DatasetFactory(
            title=f"=Data {number % 5}",
            start_year=2000 + number % 3,
            custodian=draft_org if number % 4 == 0 else OrganisationFactory(name=f"Org {number}"),
            status="draft" if number % 6 == 5 else "published",
        )
        dataset.themes.add(shown, hidden)
        dataset.areas.add(bradford, leeds) if number % 3 else dataset.areas.add(leeds)
        if number % 3:
            dataset.identifiers.add(identifier)
        researcher = ResearcherFactory(
            name=f"Researcher {number % 4}", organisation=draft_org if number % 3 == 0 else None
        )
        researcher.themes.add(shown, hidden)
        researcher.affiliations.add(OrganisationFactory(name=f"Partner {number}"), draft_org)
        project = ProjectFactory(title=f"+Project {number % 3}")
        MembershipFactory(project=project, role="lead", researcher=researcher)
        DatasetUsageFactory(project=project, dataset=dataset)
        ThemeFactory(name=f"Theme {number}", parent=shown if number % 2 else hidden)


@pytest.mark.parametrize(
    "url",
    [
        "/datasets/?format=csv",
        "/datasets/?sort=-start_year&format=csv",
        "/datasets/?area=E08000032&format=csv",
        "/researchers/?format=csv",
        "/projects/?format=csv",
        "/organisations/?format=csv",
        "/themes/?format=csv",
    ],
)
def test_the_streamed_download_is_the_download_read_all_at_once(
    client, chunked, varied_directory, monkeypatch, url
):
    streamed = b"".join(client.get(url).streaming_content)
    monkeypatch.setattr("core.listing.entries_csv", read_all_at_once)
    at_once = b"".join(client.get(url).streaming_content)
    assert streamed == at_once
    assert streamed.count(b"\r\n") > 1 + CHUNK, "the rows span more than one chunk"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgresql_hands_over_rows_from_a_cursor_it_has_not_stored_whole(client, chunked):
    """Outside a transaction Django declares the cursor WITH HOLD, and PostgreSQL computes and stores every
    row before the first is read; the download's own transaction keeps the cursor streaming."""
    if connection.vendor != "postgresql":
        pytest.skip("server-side cursors are PostgreSQL's")
    for _ in range(CHUNK + 1):
        DatasetFactory()
    response = client.get("/datasets/?format=csv")
    lines = iter(response.streaming_content)
    next(lines), next(lines)
    with connection.cursor() as cursor:
        cursor.execute("SELECT is_holdable FROM pg_cursors WHERE name LIKE '_django_curs_%%'")
        assert cursor.fetchall() == [(False,)]
    assert len(list(lines)) == CHUNK
    response.close()
    assert not connection.in_atomic_block
