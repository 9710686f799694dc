"""A curator's download of a list holds entries of every status, so exporting and importing back covers
drafts, entries in review and archived ones; everyone else's holds published entries only."""

import pytest

from datasets.models import Dataset
from tests.factories import DatasetFactory, OrganisationFactory, UserFactory
from transfer.columns import Kind

from .conftest import as_dicts, read_csv
from .test_round_trip import import_file

pytestmark = pytest.mark.django_db
STATUSES = ["draft", "submitted", "published", "archived"]


@pytest.fixture
def datasets(db) -> list[Dataset]:
    return [DatasetFactory(title=f"The {status} dataset", status=status) for status in STATUSES]


def test_a_curators_download_holds_entries_of_every_status(curator_client, datasets):
    rows = as_dicts(read_csv(curator_client.get("/datasets/?format=csv")))
    assert {row["title"]: row["status"] for row in rows} == {
        f"The {status} dataset": status for status in STATUSES
    }


def test_a_curators_download_keeps_the_lists_filters(curator_client, datasets):
    DatasetFactory(title="An open draft", status="draft", access_level=Dataset.AccessLevel.OPEN)
    rows = as_dicts(read_csv(curator_client.get("/datasets/?access_level=open&format=csv")))
    assert [(row["title"], row["status"]) for row in rows] == [("An open draft", "draft")]


def test_a_curators_download_imports_back_with_every_status(curator_client, curator, datasets):
    exported = b"".join(curator_client.get("/datasets/?format=csv").streaming_content)
    Dataset.objects.update(title="Changed", status="published")
    import_file(exported, Kind.DATASETS, curator)
    assert {dataset.title: dataset.status for dataset in Dataset.objects.all()} == {
        f"The {status} dataset": status for status in STATUSES
    }


@pytest.mark.parametrize("signed_in", [False, True])
def test_everyone_elses_download_and_count_hold_published_entries_only(client, datasets, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    rows = as_dicts(read_csv(client.get("/datasets/?format=csv")))
    assert [row["title"] for row in rows] == ["The published dataset"]
    assert "status" not in rows[0]
    page = client.get("/datasets/").content.decode()
    assert "1 dataset." in page and "The draft dataset" not in page
    assert "Download this dataset as CSV" in page


def test_a_curators_list_page_still_counts_published_entries_only(curator_client, datasets):
    OrganisationFactory(name="A draft organisation", status="draft")
    page = curator_client.get("/datasets/").content.decode()
    assert "1 dataset." in page and "The draft dataset" not in page
    # The link says the file holds more than the page counts.
    assert (
        "Download this dataset, with the drafts, entries in review and archived ones that match, as CSV"
        in page
    )
    rows = as_dicts(read_csv(curator_client.get("/organisations/?format=csv")))
    assert "A draft organisation" in [row["name"] for row in rows]
