"""An import ends when its rows are saved; indexing them for search is a job of its own, queued when
the import commits (search/tasks.py)."""

import pytest

from jobs.models import Job
from organisations.models import Organisation
from search.models import SearchEntry

from .test_import import confirm, preview

pytestmark = pytest.mark.django_db


def test_the_import_queues_a_job_that_indexes_its_entries(
    curator_client, curator, django_capture_on_commit_callbacks
):
    preview(curator_client, "organisations", "name,status\nIndexed org,published\nDraft org,draft\n")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        confirm(curator_client)

    imported = Job.objects.get(kind="import-confirm")
    indexing = Job.objects.get(kind="index-entries")
    assert imported.state == indexing.state == Job.State.DONE
    assert indexing.pk > imported.pk and indexing.user == curator
    assert indexing.label == "Index for search what was imported from entries.csv"
    assert indexing.summary == "Indexed 2 entries for search."
    assert (indexing.done, indexing.total) == (2, 2)
    ids = sorted(Organisation.objects.filter(name__endswith=" org").values_list("pk", flat=True))
    assert indexing.arguments == {"entries": {"organisations.Organisation": ids}}
    assert list(SearchEntry.objects.filter(kind="organisation").values_list("title", flat=True)) == [
        "Indexed org"
    ]
    assert len(callbacks) >= 1


def test_nothing_is_queued_while_the_import_is_not_committed(curator_client):
    preview(curator_client, "organisations", "name,status\nIndexed org,published\n")
    confirm(curator_client)  # the test's transaction never commits
    assert Organisation.objects.filter(name="Indexed org").exists()
    assert not Job.objects.filter(kind="index-entries").exists()
    assert not SearchEntry.objects.filter(kind="organisation", title="Indexed org").exists()
