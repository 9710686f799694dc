"""Searches matching more entries than can be counted one by one (search.service.EXACT_UP_TO): the count
and facet counts are labelled estimates, never a wrong number shown as exact, and the work is bounded."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import service
from search.service import about, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(demo_directory, db):
    """The demo directory (loaded once for the module: these tests only read)."""


@pytest.fixture
def small_limit(monkeypatch):
    """A directory of a few dozen entries behaves as a national one does with a limit of 10,000."""
    monkeypatch.setattr(service, "EXACT_UP_TO", 5)
    monkeypatch.setattr(service, "SAMPLE_ENTRIES", 40)
    monkeypatch.setattr(service, "SAMPLE_WINDOWS", 4)
    monkeypatch.setattr(service, "ESTIMATE_FROM", 2)


def test_up_to_the_limit_counts_are_exact_and_add_up(directory):
    results = search("children")
    assert results.exact and 5 < results.total <= service.EXACT_UP_TO
    assert results.count_text == f"{results.total:,}"
    kinds = results.facets["kind"]
    assert not any(facet.estimated for facet in kinds)
    assert sum(facet.count for facet in kinds) == results.total


def test_above_the_limit_the_count_says_it_is_an_estimate(client, directory, small_limit):
    exact = search("children", page=1)
    assert not exact.exact
    html = client.get("/search/?q=children").content.decode()
    summary = re.search(r'<p class="results-summary" role="status">(.*?)</p>', html).group(1)
    assert summary.startswith(("About ", "More than 5 results"))
    assert "too many results to count one by one" in html
    body = client.get("/api/v1/search/?q=children").json()
    assert body["count_exact"] is False
    assert body["count_text"] == exact.count_text
    assert body["count_text"].startswith(("about ", "more than 5"))


def test_above_the_limit_facet_counts_are_labelled_estimates(client, directory, small_limit):
    results = search("children")
    kinds = results.facets["kind"]
    assert kinds and all(facet.estimated for facet in kinds)
    html = client.get("/search/?q=children").content.decode()
    assert re.search(r"Dataset \(about [\d,]+\)", html)


def test_an_estimate_is_never_below_the_limit(directory, small_limit):
    results = search("children")
    assert results.total > service.EXACT_UP_TO


def test_above_the_limit_the_results_come_from_the_sample_and_pages_do_not_repeat(directory, small_limit):
    first = search("children")
    assert 0 < first.ranked <= 40
    seen = [hit.url for page in range(1, first.pages + 1) for hit in search("children", page=page).hits]
    assert len(seen) == len(set(seen)) == first.ranked


def test_an_entry_titled_as_typed_comes_first_even_outside_the_sample(directory, small_limit, monkeypatch):
    monkeypatch.setattr(service, "SAMPLE_ENTRIES", 4)
    results = search("Born in Bradford")
    assert not results.exact
    assert results.hits[0].title == "Born in Bradford"


def test_work_above_the_limit_is_a_fixed_number_of_queries(directory, small_limit):
    search("children")
    with CaptureQueriesContext(connection) as broad:
        search("children")
    with CaptureQueriesContext(connection) as narrow:
        search("children", {"kind": "dataset"})
    assert len(broad) == len(narrow)


@pytest.mark.parametrize(
    ("number", "written"), [(7, 7), (87, 87), (218_330, 220_000), (10_449, 10_000), (99_951, 100_000)]
)
def test_estimates_are_rounded_to_two_significant_figures(number, written):
    assert about(number) == written


def test_a_search_clearly_above_the_limit_is_not_also_counted_one_by_one(directory, small_limit):
    query = search("children").query
    found, counted, shows = service.sized(query, service.sample_windows())
    assert found >= service.ESTIMATE_FROM
    assert counted is None and shows == "above"


def test_a_search_the_sample_cannot_place_is_counted_up_to_the_limit(directory, small_limit, monkeypatch):
    monkeypatch.setattr(service, "ESTIMATE_FROM", 10**6)
    query = search("children").query
    sql, params = query.current()
    _, counted, shows = service.sized(query, service.sample_windows())
    assert counted == min(service.count(sql, params), service.EXACT_UP_TO + 1) and shows == "counted"


@pytest.fixture
def small_sample(monkeypatch):
    """A sample of about half the demo directory, which shows "children" clearly under 10,000 matches."""
    monkeypatch.setattr(service, "SAMPLE_ENTRIES", 120)
    monkeypatch.setattr(service, "SAMPLE_WINDOWS", 4)


def seen(results) -> tuple:
    facets = {
        name: [(value.value, value.count) for value in values] for name, values in results.facets.items()
    }
    return results.total, results.exact, results.page, [hit.url for hit in results.hits], facets


def test_the_sample_shows_a_search_clearly_under_the_limit(directory, small_sample):
    assert service.sample_windows()[1] < 1
    query = search("children").query
    assert service.sized(query, service.sample_windows())[1:] == (None, "below")


@pytest.mark.parametrize(
    "text, page", [("children", 1), ("children", 2), ("children", 50), ("data", 1), ("zzqx", 1)]
)
def test_a_search_counted_by_its_page_finds_what_a_count_finds(directory, monkeypatch, text, page):
    whole = seen(search(text, page=page))
    monkeypatch.setattr(service, "SAMPLE_ENTRIES", 120)
    monkeypatch.setattr(service, "SAMPLE_WINDOWS", 4)
    assert seen(search(text, page=page)) == whole


def test_a_search_counted_by_its_page_past_the_limit_is_sampled_after_all(
    directory, small_limit, monkeypatch
):
    sized = service.sized
    monkeypatch.setattr(
        service, "sized", lambda query, sampling: (*sized(query, sampling)[:1], None, "below")
    )
    results = search("children")
    assert not results.exact and results.hits
