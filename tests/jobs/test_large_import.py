"""The largest CSV file a curator may upload (5 MB: 45,000 researchers) is checked and imported through
the task queue by a real worker, in bounded time, on the engine of the run."""

import time

import pytest
from django.conf import settings
from django.db import OperationalError

from bench.import_file import researchers_csv
from jobs.models import Job
from people.models import Researcher
from search.models import SearchEntry
from tests.factories import OrganisationFactory, ThemeFactory
from transfer import tasks
from transfer.models import PendingImport

from .conftest import job_in, wait_for

# serialized_rollback: the flush after each test must leave the database empty for the next such test to
# restore, not refilled by post_migrate (which would clash with the restored content types).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROWS = 45_000
# Generous for a busy 2-core CI machine; the import itself takes a fraction of this
# (docs/performance.md has the measured figures).
BOUND = 240


def finished(pk: int) -> Job | None:
    """The job once it has ended. On SQLite a reader waits while the worker writes a large transaction,
    and may give up ("database is locked"): that only means not yet."""
    try:
        return job_in(pk, "done", "failed")
    except OperationalError:
        return None


def test_a_5_megabyte_researcher_file_is_checked_and_imported_by_a_worker(worker, curator):
    organisation = OrganisationFactory(name="Bench", slug="bench")
    themes = [ThemeFactory(name=f"Bench theme {letter}", slug=f"t{letter}").slug for letter in "abcd"]
    # Drafts, as new entries are unless the file says otherwise: indexing 45,000 published entries for
    # search would double the test's time (docs/performance.md measures both).
    text = researchers_csv(ROWS, organisation.slug, themes)
    assert len(text.encode()) <= settings.IMPORT_MAX_BYTES
    pending = PendingImport.objects.create(
        user=curator, kind="researchers", file_name="everyone.csv", text=text, encoding="UTF-8"
    )

    started = time.monotonic()
    check = tasks.start_check(pending)
    checked = wait_for(lambda: finished(check.pk), BOUND, "the check", worker.log)
    assert checked.state == Job.State.DONE, checked.failure
    assert checked.summary == f"Checked {ROWS:,} rows of everyone.csv: {ROWS} to create and 0 to update."

    imported = tasks.start_import(pending)
    done = wait_for(lambda: finished(imported.pk), BOUND, "the import", worker.log)
    seconds = time.monotonic() - started

    assert done.state == Job.State.DONE, done.failure
    assert (done.done, done.total) == (ROWS, ROWS)
    assert Researcher.objects.filter(organisation=organisation).count() == ROWS
    assert not SearchEntry.objects.filter(kind="researcher").exists()
    print(f"{ROWS:,} rows checked and imported through the queue in {seconds:.1f} s")
