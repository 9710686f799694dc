"""When the database cannot be reached, people get a short 503 page, never a traceback."""

import pytest
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.test import Client

from core.views import database_unreachable


def failing_with(error):
    def refuse(execute, sql, params, many, context):
        raise error("server closed the connection unexpectedly")

    return refuse


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize("url", ["/", "/datasets/", "/search/?q=health", "/api/v1/datasets/"])
def test_pages_answer_503_with_a_plain_explanation(url, error):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(failing_with(error)):
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    page = response.content.decode()
    assert "briefly unavailable" in page
    assert "Traceback" not in page and "OperationalError" not in page


@pytest.mark.django_db
def test_other_errors_still_answer_500():
    client = Client(raise_request_exception=False)

    def broken(execute, sql, params, many, context):
        raise ZeroDivisionError

    with connection.execute_wrapper(broken):
        response = client.get("/datasets/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


class LostMidAnswer(Exception):
    """What psycopg2 raises when the connection drops while an answer is being read: no code."""

    pgcode = None


@pytest.mark.django_db
def test_a_connection_lost_mid_answer_is_an_outage():
    def lost(execute, sql, params, many, context):
        raise DatabaseError(
            "error with status PGRES_TUPLES_OK and no message from the libpq"
        ) from LostMidAnswer()

    with connection.execute_wrapper(lost):
        response = Client(raise_request_exception=False).get("/datasets/")
    assert response.status_code == 503


class QueryCanceled(Exception):
    """What psycopg2 raises for a statement timeout: the server answered, with code 57014."""

    pgcode = "57014"


@pytest.mark.django_db
def test_a_slow_query_is_a_bug_to_fix_not_an_outage():
    def timed_out(execute, sql, params, many, context):
        raise OperationalError("canceling statement due to statement timeout") from QueryCanceled()

    with connection.execute_wrapper(timed_out):
        response = Client(raise_request_exception=False).get("/datasets/")
    assert response.status_code == 500


@pytest.mark.django_db
def test_a_missing_table_is_a_bug_to_fix_not_an_outage():
    def missing_table(execute, sql, params, many, context):
        return execute("SELECT * FROM no_such_table", None, False, context)

    with connection.execute_wrapper(missing_table):
        response = Client(raise_request_exception=False).get("/datasets/")
    assert response.status_code == 500


def test_only_database_errors_can_be_an_outage():
    assert database_unreachable(None) is False
    assert database_unreachable(ZeroDivisionError()) is False
