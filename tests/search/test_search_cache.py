"""Visitors' searches kept in the shared cache (search/cache.py): read again until the index changes,
forgotten at once when an entry is published, archived or edited, never kept for anyone signed in."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.policy import CURATORS_GROUP
from datasets.models import Dataset
from search import indexing
from search.models import SynonymGroup
from tests.factories import DatasetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(django_user_model) -> Client:
    user = django_user_model.objects.create_user("cara", "cara@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
    signed_in = Client()
    signed_in.force_login(user)
    return signed_in


def titles(client: Client, query: str) -> list[str]:
    return [hit.title for hit in client.get("/search/", {"q": query}).context["results"].hits]


def index_reads(client: Client, url: str) -> int:
    """How many of the request's queries read the search index."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum("search_searchentry" in query["sql"] for query in queries.captured_queries)


def move(client: Client, entry, name: str) -> None:
    assert client.post(f"/edit/datasets/{entry.slug}/move/{name}/").status_code == 302


def test_a_visitors_search_is_read_from_the_cache_the_second_time(client, committed):
    with committed():
        DatasetFactory(title="Quokka survey")
    assert index_reads(client, "/search/?q=quokka") > 0
    assert index_reads(client, "/search/?q=quokka") == 0
    assert index_reads(client, "/api/v1/search/?q=quokka") == 0, "the API runs the same search"
    assert index_reads(client, "/api/v1/search/?q=survey") > 0
    assert index_reads(client, "/api/v1/search/?q=survey") == 0
    assert index_reads(client, "/search/?q=quokka&page=2") > 0, "each page, facet and sort is kept apart"
    assert index_reads(client, "/search/?q=quokka&kind=dataset") > 0


def test_publishing_shows_in_a_kept_search_at_once(client, curator_client, committed):
    with committed():
        DatasetFactory(title="Quokka survey")
        waiting = DatasetFactory(title="Quokka census", status="submitted")
    assert titles(client, "quokka") == ["Quokka survey"]
    with committed():
        move(curator_client, waiting, "publish")
    assert sorted(titles(client, "quokka")) == ["Quokka census", "Quokka survey"]


def test_archiving_takes_an_entry_out_of_a_kept_search_at_once(client, curator_client, committed):
    with committed():
        shown = DatasetFactory(title="Quokka survey")
        DatasetFactory(title="Quokka census")
    assert len(titles(client, "quokka")) == 2
    with committed():
        move(curator_client, shown, "archive")
    assert titles(client, "quokka") == ["Quokka census"]


def test_an_edit_shows_in_a_kept_search_at_once(client, committed):
    with committed():
        dataset = DatasetFactory(title="Quokka survey")
    assert titles(client, "quokka") == ["Quokka survey"]
    with committed():
        dataset.title = "Wallaby survey"
        dataset.save()
    assert titles(client, "quokka") == []
    assert titles(client, "wallaby") == ["Wallaby survey"]


def test_new_synonyms_show_in_a_kept_search_at_once(client, committed):
    with committed():
        DatasetFactory(title="Wallaby survey")
    assert titles(client, "quokka") == []
    with committed():
        SynonymGroup.objects.create(terms="quokka, wallaby")
    assert titles(client, "quokka") == ["Wallaby survey"]


def test_nothing_is_kept_for_anyone_signed_in(client, curator_client, committed):
    with committed():
        DatasetFactory(title="Quokka survey")
    assert index_reads(curator_client, "/search/?q=quokka") > 0
    assert index_reads(curator_client, "/search/?q=quokka") > 0, (
        "a signed-in search is never read from the cache"
    )
    assert index_reads(client, "/search/?q=quokka") > 0, "nor left in it for visitors"


def test_a_reindex_shows_in_a_kept_search_at_once(client, committed):
    """A bulk change sends no signals: the reindex that follows it is what makes kept searches stale."""
    with committed():
        dataset = DatasetFactory(title="Quokka survey")
    assert titles(client, "quokka") == ["Quokka survey"]
    Dataset.objects.filter(pk=dataset.pk).update(title="Wallaby survey")
    with committed():
        indexing.reindex(Dataset, [dataset.pk])
    assert titles(client, "wallaby") == ["Wallaby survey"]
    assert titles(client, "quokka") == []
