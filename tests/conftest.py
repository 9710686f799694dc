from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from areas.models import Area


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
