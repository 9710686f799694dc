"""On PostgreSQL an index row's facets, places and ages are also tags in its full-text vector
(search.tags), so that a search narrows in the index's own lookup: the tags must say exactly what the
facet and place tables and the row's ages say, and searches narrowed by them must find what the
tables find, in the same order."""

import importlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from datasets.life_stages import age_span
from search import service
from search.engines import PostgresEngine
from search.facets import FACETS
from search.models import SearchEntry, SearchFacet, SearchPlace
from search.service import search
from search.tags import AGES_TAGGED, age_tags, entry_tags
from tests.search.conftest import demo_directory

pytestmark = pytest.mark.django_db
demo = demo_directory
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Tags are PostgreSQL's: FTS5 narrows through the facet tables"
)
migration = importlib.import_module("search.migrations.0009_facets_places_and_ages_as_tags")


def overlap(first: tuple[int, int | None], second: tuple[int, int | None]) -> bool:
    (start, end), (other_start, other_end) = first, second
    return (end is None or other_start < end) and (other_end is None or start < other_end)


@pytest.mark.parametrize("entry_from", range(0, AGES_TAGGED + 6))
def test_age_tags_meet_exactly_when_the_ages_overlap_below_the_last_tagged_age(entry_from):
    for entry_to in (None, entry_from, entry_from + 1, entry_from + 3, entry_from + 12):
        tags = set(entry_tags([], entry_from, entry_to))
        for start in range(0, AGES_TAGGED + 8):
            for end in (None, start, start + 1, start + 5, start + 20):
                asked = age_span(start, end)
                meet = bool(tags & set(age_tags(*asked)))
                overlaps = overlap(age_span(entry_from, entry_to), asked)
                # Tags never leave out an entry of the ages asked for...
                assert meet or not overlaps, (entry_from, entry_to, start, end)
                # ...and let through no other, unless ages from the last tagged one on are asked for but not
                # all of them, which search tells apart by comparing the ages again.
                start_asked, end_asked = asked
                if (end_asked is None and start_asked <= AGES_TAGGED) or (end_asked or 99) <= AGES_TAGGED:
                    assert meet == overlaps, (entry_from, entry_to, start, end)


def test_an_entry_without_ages_has_no_age_tag():
    assert entry_tags([("kind", "researcher", "Researcher")], None, None) == ["#kind=researcher"]


def test_a_tag_is_one_word_and_hidden_facets_have_none():
    tags = entry_tags(
        [("organisation", "a b", "A B"), ("closes", "2026-01-01", ""), ("place", "uk", "UK")], None, None
    )
    assert tags == ["#organisation=a_b", "#place=uk"]


def vector_tags() -> dict[int, set[str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.id, ARRAY(SELECT lexeme FROM unnest(e.search_vector) WHERE lexeme LIKE '#%%') "
            "FROM search_searchentry e"
        )
        return {pk: set(tags) for pk, tags in cursor.fetchall()}


@postgres_only
def test_every_row_holds_the_tags_of_its_facets_places_and_ages(demo):
    facets = {}
    for pk, name, value in SearchFacet.objects.values_list("entry_id", "name", "value"):
        facets.setdefault(pk, []).append((name, value, ""))
    for pk, value in SearchPlace.objects.values_list("entry_id", "value"):
        facets.setdefault(pk, []).append(("place", value, ""))
    expected = {
        pk: set(entry_tags(facets.get(pk, []), age_from, age_to))
        for pk, age_from, age_to in SearchEntry.objects.values_list("id", "age_from", "age_to")
    }
    assert len(expected) > 100 and any(tag.startswith("#age=") for tags in expected.values() for tag in tags)
    names = {tag[1:].split("=")[0] for tags in expected.values() for tag in tags}
    assert names >= {"kind", "theme", "organisation", "area", "life_stage", "access_level", "place", "age"}
    assert vector_tags() == expected


@postgres_only
def test_the_migration_gives_an_index_written_before_tags_the_same_tags(demo):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT e.id, {migration.ENTRY_TAGS} FROM search_searchentry e")
        from_tables = {pk: set(tags) for pk, tags in cursor.fetchall()}
    assert from_tables == vector_tags()
    assert migration.FACETS == tuple(FACETS) and migration.AGES_TAGGED == AGES_TAGGED


# What people narrow by: facets (several values, every facet), places, ages, and both with words.
NARROWED = [
    ("", {"kind": "dataset"}),
    ("", {"theme": "mental-health", "kind": ["dataset", "project"]}),
    ("health", {"kind": "dataset", "access_level": "open"}),
    ("data", {"area": ["E08000032", "E08000035"]}),
    ("", {"area": "E08000032", "life_stage": "early-years"}),
    ("cohort", {"source_kind": "cohort"}),
    ("children", {"career_stage": "senior"}),
    ("", {"stage": "completed"}),
    ("research", {"stage": ["active", "planned"]}),
    ("SEND Bradford 5-11", {}),
    ("asthma in Bradford children aged 5", {}),
    ("NEET 16-18 Gateshead", {}),
    ("Leeds 0-4", {}),
    ("data for young people aged 16 to 40", {}),
    ("Bradford", {"kind": "researcher"}),
    ("school readiness in Leeds", {"access_level": "open"}),
]


def found(text: str, facets: dict) -> tuple:
    results = search(text, facets)
    shown = {
        name: [(value.value, value.label, value.count, value.active, value.estimated) for value in values]
        for name, values in results.facets.items()
    }
    return results.total, [hit.url for hit in results.hits], shown, results.relaxed


@postgres_only
@pytest.mark.parametrize("text, facets", NARROWED)
def test_narrowing_by_tags_finds_what_the_facet_and_place_tables_find(demo, monkeypatch, text, facets):
    with_tags = found(text, facets)
    monkeypatch.setattr(PostgresEngine, "has_tags", False)
    assert with_tags == found(text, facets)


@postgres_only
def test_some_narrowed_searches_find_something(demo):
    assert sum(1 for text, facets in NARROWED if found(text, facets)[0]) >= 12


@postgres_only
def test_a_narrowed_search_reads_no_facet_or_place_table_for_each_match(demo):
    with CaptureQueriesContext(connection) as queries:
        search("health Bradford 5-11", {"kind": "dataset", "access_level": "open"})
    matching = [query["sql"] for query in queries if "ts_rank" in query["sql"]]
    assert matching
    for sql in matching:
        assert "f.entry_id = m.id" not in sql
        assert "e.id IN (SELECT entry_id FROM search_searchplace" not in sql


@postgres_only
@pytest.mark.parametrize("text, facets", NARROWED[:8])
def test_above_the_exact_limit_tags_estimate_what_the_tables_estimate(demo, monkeypatch, text, facets):
    # A sample of the demo directory: the estimated counts, the candidates and their facets.
    monkeypatch.setattr(service, "EXACT_UP_TO", 5)
    monkeypatch.setattr(service, "SAMPLE_ENTRIES", 40)
    with_tags = found(text, facets)
    monkeypatch.setattr(PostgresEngine, "has_tags", False)
    assert with_tags == found(text, facets)
