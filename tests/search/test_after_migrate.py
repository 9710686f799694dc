"""The seeded themes are searchable straight after `migrate`, before any other data is loaded."""

import os
from importlib import import_module

import pytest
from django.core.management import call_command
from django.db import connection

from search.engines import current_engine
from search.models import Kind, SearchEntry
from search.query import ParsedQuery, Term
from search.text import words
from themes.models import Theme

pytestmark = pytest.mark.django_db

SEEDED = [name for name, *_ in import_module("themes.migrations.0002_seed_themes").THEMES]


def migrate() -> None:
    call_command("migrate", verbosity=0, stdout=open(os.devnull, "w"))


def matching_titles(text: str) -> set[str]:
    sql, params = current_engine().matches(ParsedQuery(clauses=[[Term(tuple(words(text)))]]))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT e.title FROM ({sql}) m JOIN search_searchentry e ON e.id = m.id", params)
        return {title for (title,) in cursor.fetchall()}


def test_migrate_indexes_the_seeded_themes_that_the_index_lacks():
    assert set(SEEDED) <= set(Theme.objects.published().values_list("name", flat=True))
    SearchEntry.objects.all().delete()
    migrate()
    assert set(SEEDED) <= set(SearchEntry.objects.filter(kind=Kind.THEME).values_list("title", flat=True))
    assert "School readiness" in matching_titles("school readiness")
    assert "Children’s social care" in matching_titles("children's social care")


def test_migrate_leaves_what_is_indexed_alone():
    migrate()
    indexed = dict(SearchEntry.objects.values_list("id", "title"))
    migrate()
    assert dict(SearchEntry.objects.values_list("id", "title")) == indexed


def test_migrate_never_indexes_drafts():
    Theme.objects.filter(name="Youth justice").update(status="draft")
    SearchEntry.objects.all().delete()
    migrate()
    assert "Youth justice" not in SearchEntry.objects.values_list("title", flat=True)
    assert "Education" in SearchEntry.objects.values_list("title", flat=True)


def test_looking_for_entries_the_index_lacks_is_an_anti_join_not_a_list_of_every_indexed_id():
    # As NOT IN (every indexed id), PostgreSQL compared each published entry with the whole list once it
    # outgrew its memory: `migrate` spent over a quarter of an hour on it at national scale.
    from django.test.utils import CaptureQueriesContext

    from search import indexing

    indexing.index_missing()  # whatever earlier tests left out of the index: only the lookups remain
    with CaptureQueriesContext(connection) as queries:
        indexing.index_missing()
    lookups = [query["sql"] for query in queries if "search_searchentry" in query["sql"]]
    assert lookups and all("NOT (EXISTS(" in sql and " IN (SELECT" not in sql for sql in lookups)
