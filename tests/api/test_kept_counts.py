"""The API's lists keep their counts as the list pages do (core/cached_counts.py): counted once for
each list and its filters until the directory changes, never for keywords."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import DatasetFactory, ResearcherFactory

pytestmark = pytest.mark.django_db


def fetch(client, url: str) -> tuple[dict, int]:
    """The answer's JSON and how many SQL queries counted entries."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.json(), sum("COUNT(" in query["sql"].upper() for query in queries)


def test_a_list_counts_its_entries_once_then_reads_the_kept_count(client):
    DatasetFactory.create_batch(3)
    first, counted = fetch(client, "/api/v1/datasets/")
    again, kept = fetch(client, "/api/v1/datasets/")
    assert first["count"] == again["count"] == 3
    assert (counted, kept) == (1, 0)


def test_every_page_of_a_list_shares_its_kept_count(client):
    DatasetFactory.create_batch(3)
    first, counted = fetch(client, "/api/v1/datasets/?page_size=2")
    cursor = first["next"].split("?", 1)[1]
    following, counted_again = fetch(client, f"/api/v1/datasets/?{cursor}")
    assert following["count"] == 3
    assert (counted, counted_again) == (1, 0), "the page after the cursor counts nothing again"


def test_a_new_entry_is_counted_at_once(client):
    DatasetFactory()
    assert fetch(client, "/api/v1/datasets/")[0]["count"] == 1
    DatasetFactory()
    assert fetch(client, "/api/v1/datasets/")[0]["count"] == 2


def test_each_combination_of_filters_keeps_its_own_count(client):
    ResearcherFactory(career_stage="senior")
    ResearcherFactory(career_stage="early")
    assert fetch(client, "/api/v1/researchers/")[0]["count"] == 2
    assert fetch(client, "/api/v1/researchers/?career_stage=senior")[0]["count"] == 1
    assert fetch(client, "/api/v1/researchers/?career_stage=early")[0]["count"] == 1


def test_a_keyword_search_is_counted_afresh(client, committed):
    with committed():
        DatasetFactory(title="Asthma in Bradford")
    first, counted = fetch(client, "/api/v1/datasets/?q=asthma")
    again, counted_again = fetch(client, "/api/v1/datasets/?q=asthma")
    assert first["count"] == again["count"] == 1
    assert counted == counted_again >= 1
