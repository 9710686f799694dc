"""A full rebuild writes the new index in one transaction; on PostgreSQL a thread of its own writes each
batch while the next is built (search.indexing.Writer). Searches see the old index until the new one is
complete, and a rebuild that fails, building or writing, leaves the old index as it was."""

import threading

import pytest
from django.db import connection, transaction

from areas.models import Area
from search import indexing
from search.batches import Batches
from search.models import SearchEntry, SearchFacet, SearchPlace
from tests.factories import DatasetFactory, OrganisationFactory, ProjectFactory, ResearcherFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module", autouse=True)
def index_as_serialized(django_db_setup, django_db_blocker):
    """Before the database is restored for these tests: the modules of read-only search tests leave the
    index they rebuilt (search/conftest.py's demo_directory), whose rows the restore would clash with."""
    with django_db_blocker.unblock():
        indexing.empty()


@pytest.fixture
def directory(monkeypatch):
    """A few linked entries of each big kind, indexed, and batches of two so that a rebuild takes several."""
    monkeypatch.setattr(indexing, "BATCH_SIZE", 2)
    with indexing.paused():
        leeds, bradford = Area.objects.order_by("code")[:2]
        trust = OrganisationFactory(name="Wharfe Trust", area=leeds)
        project = ProjectFactory(title="Growing up in Wharfedale")
        project.partner_organisations.add(trust)
        for number in range(5):
            person = ResearcherFactory(name=f"Ada Byrne {number}", organisation=trust)
            person.memberships.create(project=project, role="lead" if number == 0 else "researcher")
            dataset = DatasetFactory(title=f"Wharfedale cohort wave {number}", custodian=trust)
            dataset.areas.add(bradford)
            project.usages.create(dataset=dataset)
    indexing.rebuild()
    return index_rows()


def index_rows() -> tuple[list, list, list]:
    entries = sorted(
        SearchEntry.objects.values_list("kind", "object_id", "url", "title", "keywords", "linked")
    )
    facets = sorted(SearchFacet.objects.values_list("entry__kind", "entry__object_id", "name", "value"))
    places = sorted(SearchPlace.objects.values_list("entry__kind", "entry__object_id", "value"))
    return entries, facets, places


def test_a_rebuild_writes_what_a_rebuild_in_one_connection_writes(directory):
    entries, facets, places = directory
    assert len(entries) >= 11 and len(facets) > len(entries) and places
    with transaction.atomic():  # the sequential path, in the caller's transaction
        indexing.rebuild()
    assert index_rows() == directory


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite writes in one connection: no reader runs alongside"
)
def test_searches_see_the_old_index_until_the_new_one_is_complete(directory, monkeypatch):
    written = threading.Event()
    store = indexing.store

    def store_and_tell(batch):
        store(batch)
        written.set()

    monkeypatch.setattr(indexing, "store", store_and_tell)
    seen = []

    def read_while_building(kind, done, total):
        # A batch has been written (not committed) by the writer's connection; this one reads as a search.
        assert written.wait(10)
        seen.append(index_rows())

    indexing.rebuild(read_while_building)
    assert len(seen) >= 5
    assert all(rows == directory for rows in seen)
    assert index_rows() == directory


def test_a_rebuild_that_fails_writing_leaves_the_old_index(directory, monkeypatch):
    with indexing.paused():
        ResearcherFactory(name="Not yet indexed")
    store, calls = indexing.store, []

    def fail_second(batch):
        calls.append(batch)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return store(batch)

    monkeypatch.setattr(indexing, "store", fail_second)
    with pytest.raises(RuntimeError, match="disk full"):
        indexing.rebuild()
    assert index_rows() == directory
    assert not any(thread.name == "search-index-writer" for thread in threading.enumerate())


def test_a_rebuild_that_fails_building_leaves_the_old_index(directory, monkeypatch):
    with indexing.paused():
        ResearcherFactory(name="Not yet indexed")
    documents, calls = Batches.documents, []

    def fail_third(self, kind, ids):
        calls.append(ids)
        if len(calls) == 3:
            raise RuntimeError("lost the connection")
        return documents(self, kind, ids)

    monkeypatch.setattr(Batches, "documents", fail_third)
    with pytest.raises(RuntimeError, match="lost the connection"):
        indexing.rebuild()
    assert index_rows() == directory
    assert not any(thread.name == "search-index-writer" for thread in threading.enumerate())
