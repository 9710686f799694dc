"""Run only by test_cleanup.py, in a pytest of its own (the name keeps it out of ordinary collection):
tests that use the database from a live server and while Playwright's event loop runs, as browser tests
do, one of them failing. With PROBE_BREAK_SETUP set, the test database's set-up fails instead. Either way
the run must drop its test database."""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.models.signals import post_migrate

from datasets.models import Dataset

pytestmark = pytest.mark.django_db(transaction=True)


def note_the_database_name() -> None:
    Path(os.environ["PROBE_DATABASE_FILE"]).write_text(connection.settings_dict["NAME"])


def break_the_setup(**kwargs) -> None:
    note_the_database_name()
    raise RuntimeError("the test database's set-up fails on purpose")


if os.environ.get("PROBE_BREAK_SETUP"):
    post_migrate.connect(break_the_setup, dispatch_uid="cleanup_probe")


def test_the_live_server_and_the_test_use_the_database_while_the_loop_runs(live_server, playwright):
    note_the_database_name()
    User.objects.create_user("probe")
    client = playwright.request.new_context()
    assert client.get(f"{live_server.url}/health/").json()["database"] is True
    client.dispose()


def test_a_failing_test_while_the_loop_runs(live_server, playwright):
    Dataset.objects.count()
    pytest.fail("fails on purpose")
