"""CSV download of search results: all pages at once, up to a stated cap."""

import pytest

from search.models import SearchLog
from tests.factories import DatasetFactory, ResearcherFactory
from transfer import export

from .conftest import as_dicts, read_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Creates entries and runs the index updates that wait for the commit."""

    def make(factory, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return factory(**fields)

    return make


def test_it_downloads_every_result_in_page_order(client, indexed):
    for number in range(25):
        indexed(DatasetFactory, title=f"Fostering study {number:02d}")
    indexed(DatasetFactory, title="Unrelated")
    response = client.get("/search/?q=fostering&sort=title&format=csv")
    assert response["Content-Disposition"].startswith('attachment; filename="search-results-')
    rows = as_dicts(read_csv(response))
    assert [row["Title"] for row in rows] == [f"Fostering study {number:02d}" for number in range(25)]
    assert rows[0]["Type"] == "Dataset"
    assert rows[0]["Web address"].startswith("http://testserver/datasets/")


def test_it_leaves_out_unpublished_entries(client, indexed):
    indexed(ResearcherFactory, name="Fostering expert")
    indexed(ResearcherFactory, name="Fostering draft", status="draft")
    rows = as_dicts(read_csv(client.get("/search/?q=fostering&format=csv")))
    assert [row["Title"] for row in rows] == ["Fostering expert"]


def test_a_download_is_not_logged_as_a_search(client, indexed):
    indexed(DatasetFactory, title="Fostering")
    read_csv(client.get("/search/?q=fostering&format=csv"))
    assert not SearchLog.objects.exists()


def test_it_defuses_formulas(client, indexed):
    indexed(DatasetFactory, title="=Fostering")
    rows = as_dicts(read_csv(client.get("/search/?q=fostering&format=csv")))
    assert rows[0]["Title"] == "'=Fostering"


def test_it_stops_at_the_cap_and_says_so(client, indexed, monkeypatch):
    monkeypatch.setattr(export, "MAX_SEARCH_ROWS", 3)
    monkeypatch.setattr("search.views.MAX_SEARCH_ROWS", 3)
    for number in range(5):
        indexed(DatasetFactory, title=f"Fostering {number}")
    assert len(as_dicts(read_csv(client.get("/search/?q=fostering&format=csv")))) == 3
    page = client.get("/search/?q=fostering").content.decode()
    assert "Download the first 3 of these 5 results as CSV" in page
    assert "downloads stop at 3 rows" in page


def test_the_results_page_links_to_the_download(client, indexed):
    indexed(DatasetFactory, title="Fostering")
    page = client.get("/search/?q=fostering&kind=dataset").content.decode()
    assert "Download this result as CSV" in page
    assert "?q=fostering&amp;kind=dataset&amp;format=csv" in page
