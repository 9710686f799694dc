"""The export for the Datasette comparison holds the portal's search rows in a searchable FTS5 table."""

import json
import os
import sqlite3

import pytest
from django.core.management import call_command

from bench.search_export import export
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(tmp_path):
    call_command("load_demo", stdout=open(os.devnull, "w"))
    path = tmp_path / "n8search.db"
    written = export(path)
    connection = sqlite3.connect(path)
    yield written, connection
    connection.close()


def test_it_exports_every_search_row(exported):
    written, connection = exported
    assert written == SearchEntry.objects.count() > 20
    assert connection.execute("SELECT count(*) FROM entries").fetchone() == (written,)
    # Datasette finds the table searchable because the FTS table names it as its content.
    (sql,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'").fetchone()
    assert 'content="entries"' in sql


def test_its_full_text_table_answers_a_ranked_search(exported):
    _, connection = exported
    bradford = SearchEntry.objects.get(kind="dataset", title="Born in Bradford")
    found = connection.execute(
        "SELECT e.id, e.title FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid "
        "WHERE entries_fts MATCH ? ORDER BY entries_fts.rank LIMIT 3",
        ['"born in bradford"'],
    ).fetchall()
    assert (bradford.pk, "Born in Bradford") in found
    assert connection.execute(
        "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'zzzunknown'"
    ).fetchone() == (0,)
    # with the facets the benchmark narrows by
    access_level, themes = connection.execute(
        "SELECT access_level, themes FROM entries WHERE id = ?", [bradford.pk]
    ).fetchone()
    assert access_level == bradford.facets.get(name="access_level").value
    assert (
        set(json.loads(themes))
        == set(bradford.facets.filter(name="theme").values_list("value", flat=True))
        != set()
    )


def test_every_search_row_of_the_benchmark_is_compared():
    from bench.datasette import QUERIES
    from bench.management.commands.benchmark import SCENARIOS

    assert [query.label for query in QUERIES] == [
        label for label, _, _ in SCENARIOS if label.startswith("search:")
    ]


def test_the_ranked_searches_asked_of_datasette_run_on_the_export(exported):
    from urllib.parse import parse_qs, urlsplit

    from bench.datasette import QUERIES

    _, connection = exported
    found = {}
    for query in QUERIES:
        address = urlsplit(query.ranked("n8search"))
        assert address.path == "/n8search.json"
        params = {name: values[0] for name, values in parse_qs(address.query).items()}
        sql = params.pop("sql")
        params.pop("_shape")
        found[query.label] = connection.execute(sql, params).fetchall()
    assert found["search: query + 2 facets"] and {row[1] for row in found["search: query + 2 facets"]} == {
        "dataset"
    }
    assert found["search: facets, no query"] and {row[1] for row in found["search: facets, no query"]} == {
        "dataset"
    }
    assert found["search: typo"] == []
