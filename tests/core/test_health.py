"""The health check for load balancers says whether the database and the cache answer, and no more."""

import pytest
from django.db import OperationalError, connection


def test_it_reports_the_database_and_cache_answering(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert checks(response) == {"database": True, "cache": True}
    assert "no-cache" in response["Cache-Control"]


def refuse(execute, sql, params, many, context):
    raise OperationalError("the database is restarting")


@pytest.mark.django_db
def test_it_answers_503_when_the_database_does_not(client):
    with connection.execute_wrapper(refuse):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": False, "cache": True}


def test_it_reports_a_cache_that_does_not_answer(client, db, settings):
    # A Redis nobody listens on, with errors ignored as in production.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    response = client.get("/health/")
    assert response.status_code == 200
    assert checks(response) == {"database": True, "cache": False}


def checks(response) -> dict:
    """The database and cache answers; /health/ also reports on background workers (tests/jobs/)."""
    return {name: response.json()[name] for name in ("database", "cache")}
