"""A run drops its PostgreSQL test database, even after live-server and Playwright tests, a failing test,
or a failure while the database is set up."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
PROBE = Path(__file__).with_name("cleanup_probe.py")


@pytest.fixture
def run_probe(tmp_path, django_db_blocker):
    """Runs cleanup_probe.py in a pytest of its own; returns its output, its process id and the name of
    its test database. Whatever the test finds, that database is gone afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite's test database lives in memory and leaves nothing behind")
    name_file = tmp_path / "database"

    def run(**variables: str) -> tuple[str, int, str]:
        environment = {**os.environ, "PROBE_DATABASE_FILE": str(name_file), **variables}
        environment.pop("TEST_SKIPS_FILE", None)  # the probe's results are not this run's
        probe = subprocess.Popen(
            [sys.executable, "-m", "pytest", str(PROBE), "-q"],
            cwd=PROJECT_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            output, _ = probe.communicate(timeout=300)
        finally:
            probe.kill()
        return output, probe.pid, name_file.read_text()

    yield run
    if name_file.exists():
        with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
            cursor.execute(
                f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name_file.read_text())} WITH (FORCE)"
            )


def server_databases(django_db_blocker) -> set[str]:
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database")
        return {name for (name,) in cursor.fetchall()}


def test_a_run_with_a_live_server_an_event_loop_and_a_failing_test_drops_its_database(
    run_probe, django_db_blocker
):
    output, pid, name = run_probe()

    assert "1 failed, 1 passed" in output, output
    assert f"_{pid}_" in name, "the test database is named after its run"
    assert name not in server_databases(django_db_blocker), output


def test_a_run_whose_database_set_up_fails_drops_it_too(run_probe, django_db_blocker):
    output, _, name = run_probe(PROBE_BREAK_SETUP="1")

    assert "the test database's set-up fails on purpose" in output, output
    assert name not in server_databases(django_db_blocker), output
