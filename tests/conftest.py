from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from areas.models import Area
from tests import skips


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    skips.record(report)


def pytest_collectreport(report: pytest.CollectReport) -> None:
    skips.record(report)


@pytest.fixture(scope="session", autouse=True)
def drop_the_test_database(django_db_blocker) -> Iterator[None]:
    """Drops this run's PostgreSQL test database at the end if it is still on the server.

    pytest-django drops it only when it was set up in full (a migration or a post_migrate handler that
    fails left it behind) and not with --reuse-db. The name is this run's own (tests/settings.py), so no
    later run could reuse it and no other run uses it; if this run still does (a connection left open),
    the drop fails and the run with it.
    """
    yield
    database = settings.DATABASES["default"]
    name = database.get("TEST", {}).get("NAME")
    if database["ENGINE"] != "django.db.backends.postgresql" or not name:
        return
    with django_db_blocker.unblock():
        connections.close_all()
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                cursor.execute(f"DROP DATABASE {connection.ops.quote_name(name)}")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached and no rate limit counted."""
    cache.clear()


@pytest.fixture
def bradford(db) -> Area:
    return Area.objects.get(code="E08000032")


@pytest.fixture
def leeds(db) -> Area:
    return Area.objects.get(code="E08000035")


@pytest.fixture
def count_queries(client):
    """Fetches a URL and returns how many SQL queries it ran, checking it answered 200."""

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(queries)

    return count


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (index updates) at the end of the block, as a real commit would."""

    @contextmanager
    def commit():
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return commit
