"""An import cut off half-way by a database failure leaves nothing behind, and can be run again."""

import io

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from jobs.models import Job
from organisations.models import Organisation
from transfer.models import PendingImport

pytestmark = pytest.mark.django_db

ROWS = "".join(f",Organisation {number},O{number},charity,published\n" for number in range(1, 11))
TEXT = "slug,name,short_name,kind,status\n" + ROWS


def failing_insert(number: int):
    """Lets the first INSERTs of organisations through, then fails one as a lost connection does."""
    seen = {"inserts": 0}

    def wrapper(execute, sql, params, many, context):
        # PostgreSQL takes the rows with COPY (transfer/bulk.py), SQLite with INSERT.
        if (
            sql.lstrip()
            .upper()
            .startswith(('INSERT INTO "ORGANISATIONS_ORGANISATION"', 'COPY "ORGANISATIONS_ORGANISATION"'))
        ):
            seen["inserts"] += 1
            if seen["inserts"] == number:
                raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    return wrapper


def test_an_import_interrupted_half_way_leaves_nothing_and_can_be_run_again(curator, monkeypatch):
    # Organisations are inserted two at a time, so the third insert fails with four already saved.
    monkeypatch.setattr("transfer.lookups.BATCH_SIZE", 2)
    client = Client(raise_request_exception=False)
    client.force_login(curator)
    client.post("/import/", {"kind": "organisations", "file": csv_upload()})
    pending = PendingImport.objects.get()
    before = Organisation.objects.count()

    with connection.execute_wrapper(failing_insert(3)):
        client.post(reverse("transfer:confirm", args=[pending.pk]))

    job = Job.objects.get(kind="import-confirm")
    assert job.state == Job.State.FAILED
    assert "database stopped answering" in job.failure
    assert Organisation.objects.count() == before
    assert PendingImport.objects.filter(pk=pending.pk).exists(), "the file waits to be imported again"

    retried = client.post(reverse("jobs:run-again", args=[job.pk]))
    assert retried.status_code == 302
    assert Organisation.objects.count() == before + 10
    assert Job.objects.get(pk=job.pk + 1).state == Job.State.DONE


def csv_upload() -> io.BytesIO:
    upload = io.BytesIO(TEXT.encode())
    upload.name = "organisations.csv"
    return upload
