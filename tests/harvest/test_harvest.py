"""The harvest as a whole: preview, then all or nothing; versions; matching on a later harvest."""

import pytest
from reversion.models import Version

from datasets.models import Dataset
from harvest.models import HarvestedRecord, PendingHarvest
from jobs.models import Job
from search.models import SearchEntry
from tests.factories import DatasetFactory

from . import samples
from .conftest import confirm, harvest, preview, text_of

pytestmark = pytest.mark.django_db


def test_a_curator_previews_then_harvests(curator_client):
    page = preview(curator_client, samples.package_search(), name="dgu.json")
    assert "Check the harvest of dgu.json" in page
    assert not Dataset.objects.exists()

    response = confirm(curator_client)

    job = Job.objects.get(kind="harvest-confirm")
    assert response["Location"] == job.get_absolute_url()
    assert Dataset.objects.count() == 3
    assert HarvestedRecord.objects.count() == 3
    assert not PendingHarvest.objects.exists()
    assert "3 created, 0 updated and 0 unchanged" in text_of(curator_client.get(response["Location"]))


def test_each_dataset_is_a_version_by_the_curator_from_the_source(curator_client, curator):
    harvest(curator_client, samples.package_search(samples.CLA), name="dgu-page-1.json")
    version = Version.objects.get_for_object(Dataset.objects.get()).get()
    assert version.revision.user == curator
    assert version.revision.comment == "Harvested from dgu-page-1.json"


def test_harvesting_the_same_document_again_changes_nothing(curator_client):
    harvest(curator_client, samples.package_search())
    before = list(Dataset.objects.order_by("pk").values("pk", "updated"))

    page = preview(curator_client, samples.package_search())
    assert "0 to create, 0 to update and 3 unchanged" in page
    confirm(curator_client)

    assert list(Dataset.objects.order_by("pk").values("pk", "updated")) == before
    assert Version.objects.count() == 3
    assert HarvestedRecord.objects.count() == 3


def test_a_dcat_catalogue_harvested_twice_is_unchanged(curator_client):
    harvest(curator_client, samples.TURTLE, name="catalogue.ttl")
    assert "0 to create, 0 to update and 2 unchanged" in preview(curator_client, samples.TURTLE)
    # The same catalogue in JSON-LD is the same datasets.
    PendingHarvest.objects.all().delete()
    assert "0 to create, 0 to update and 2 unchanged" in preview(curator_client, samples.JSON_LD)


def test_a_changed_record_updates_its_dataset_and_keeps_its_status(curator_client):
    harvest(curator_client, samples.package_search(samples.CLA))
    Dataset.objects.update(status=Dataset.Status.PUBLISHED)
    changed = dict(samples.CLA, title="Children looked after in England (revised)")

    page = preview(curator_client, samples.package_search(changed))
    assert "Update: title" in page
    confirm(curator_client)

    dataset = Dataset.objects.get()
    assert (dataset.title, dataset.status) == ("Children looked after in England (revised)", "published")


def test_an_update_keeps_what_the_curator_chose(curator_client):
    harvest(curator_client, samples.package_search(samples.SCHOOLS))
    Dataset.objects.update(
        source_kind=Dataset.SourceKind.EDUCATION, access_level=Dataset.AccessLevel.CONTROLLED
    )
    harvest(
        curator_client, samples.package_search(dict(samples.SCHOOLS, title="School places in Leeds, 2019–22"))
    )
    dataset = Dataset.objects.get()
    assert (dataset.source_kind, dataset.access_level) == ("education", "controlled")


def test_an_existing_dataset_is_found_by_its_doi(curator_client, committed):
    existing = DatasetFactory(title="NCMP", doi="10.5281/zenodo.7654321", access_level="controlled")
    with committed():
        harvest(curator_client, samples.package_search(samples.NCMP))
    existing.refresh_from_db()
    assert Dataset.objects.count() == 1
    assert existing.title == "National Child Measurement Programme"
    assert existing.access_level == "open"
    assert HarvestedRecord.objects.get().dataset == existing


def test_updated_published_datasets_are_reindexed_after_the_commit(curator_client, committed):
    DatasetFactory(title="NCMP", doi="10.5281/zenodo.7654321")
    with committed():
        harvest(curator_client, samples.package_search(samples.NCMP))
    assert list(SearchEntry.objects.filter(kind="dataset").values_list("title", flat=True)) == [
        "National Child Measurement Programme"
    ]


def test_one_bad_dataset_means_none_is_harvested(curator_client):
    untitled = dict(samples.SCHOOLS, title="")
    page = preview(curator_client, samples.package_search(samples.NCMP, samples.CLA, untitled))
    assert "Nothing will be harvested until every dataset is right" in page
    assert f"Dataset 3 (ckan:{samples.SCHOOLS_ID}): It has no title." in page
    assert "/confirm/" not in page

    assert confirm(curator_client).status_code == 400
    assert not Dataset.objects.exists()
    assert not HarvestedRecord.objects.exists()
    assert not Version.objects.exists()


def test_the_same_record_twice_in_a_document_is_a_problem(curator_client):
    page = preview(curator_client, samples.package_search(samples.CLA, samples.CLA))
    assert "Another dataset in this document has the same identifier" in page


def test_two_records_for_one_of_our_datasets_is_a_problem(curator_client):
    DatasetFactory(doi="10.1093/ije/dys064")
    copy_of_bib = dict(samples.CLA, extras=[{"key": "doi", "value": "10.1093/ije/dys064"}])
    other = dict(copy_of_bib, id="another-id")
    page = preview(curator_client, samples.package_search(copy_of_bib, other))
    assert "each dataset may appear once" in page


def test_years_out_of_order_are_left_out_with_a_note(curator_client):
    backwards = dict(
        samples.CLA,
        extras=[{"key": "temporal_start", "value": "2023"}, {"key": "temporal_end", "value": "2015"}],
    )
    page = preview(curator_client, samples.package_search(backwards))
    assert "End year “2015” left out: The end year is before the start year." in page
    confirm(curator_client)
    assert (Dataset.objects.get().start_year, Dataset.objects.get().end_year) == (2023, None)


def test_the_check_and_the_harvest_run_as_jobs_with_progress(curator_client):
    preview(curator_client, samples.package_search())
    check = Job.objects.get(kind="harvest-preview")
    assert (check.state, check.done, check.total) == ("done", 3, 3)
    assert check.summary == "Checked 3 datasets of catalogue.json: 3 to create, 0 to update and 0 unchanged."

    confirm(curator_client)

    harvested = Job.objects.get(kind="harvest-confirm")
    assert (harvested.state, harvested.done, harvested.total) == ("done", 3, 3)


def test_while_the_check_runs_the_preview_shows_its_progress_and_a_refresh_link(curator_client, curator):
    pending = PendingHarvest.objects.create(user=curator, source="ckan", source_name="big.json", text="{}")
    Job.objects.create(
        kind="harvest-preview", label="Check", user=curator, arguments={"pending_id": pending.pk}
    )

    page = text_of(curator_client.get(pending.get_absolute_url()))

    assert "Checking the harvest of big.json" in page
    assert f'href="{pending.get_absolute_url()}" data-job-refresh' in page


def test_a_change_since_the_check_fails_the_harvest_job_and_saves_nothing(curator_client):
    # Two records giving one DOI: two new datasets while the directory has none with it.
    first = dict(samples.CLA, extras=[{"key": "doi", "value": "10.1093/ije/dys064"}])
    page = preview(curator_client, samples.package_search(first, dict(first, id="another-id")))
    assert "/confirm/" in page
    # Meanwhile a curator adds that dataset by hand: both records now stand for it.
    DatasetFactory(doi="10.1093/ije/dys064", title="Added meanwhile")

    response = confirm(curator_client)

    job = Job.objects.get(kind="harvest-confirm")
    assert response["Location"] == job.get_absolute_url()
    assert job.state == "failed"
    assert job.failure.startswith("Nothing was harvested: the directory changed since the check")
    assert "each dataset may appear once" in job.failure
    assert list(Dataset.objects.values_list("title", flat=True)) == ["Added meanwhile"]
    assert not HarvestedRecord.objects.exists()
    # The document waits to be harvested again, its preview showing what the job found.
    pending = PendingHarvest.objects.get()
    assert "each dataset may appear once" in text_of(curator_client.get(pending.get_absolute_url()))
