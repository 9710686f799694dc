"""One JSON log line per request and per error, each with the request's id."""

import json
import logging

import pytest
from django.db import connection
from django.test import Client


def portal_formatter() -> logging.Formatter:
    return logging.getLogger().handlers[0].formatter


def test_every_answer_carries_a_request_id_logged_with_it(client, db, caplog):
    with caplog.at_level(logging.INFO, logger="portal.request"):
        response = client.get("/datasets/?access_level=open")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [record] = [record for record in caplog.records if record.name == "portal.request"]
    assert record.request_id == request_id
    assert (record.method, record.path, record.status) == ("GET", "/datasets/", 200)
    assert record.duration_ms >= 0


def test_a_log_line_is_one_json_object(client, db, caplog):
    with caplog.at_level(logging.INFO, logger="portal.request"):
        response = client.get("/about/")
    record = next(record for record in caplog.records if record.name == "portal.request")
    line = portal_formatter().format(record)
    assert "\n" not in line
    logged = json.loads(line)
    assert logged["request_id"] == response["X-Request-ID"]
    assert logged["status"] == 200 and logged["level"] == "INFO" and logged["message"] == "request"


def test_our_proxys_request_id_is_kept_when_sensible(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client.get("/", HTTP_X_REQUEST_ID="lb-0123456789abcdef")["X-Request-ID"] == "lb-0123456789abcdef"
    forged = client.get("/", HTTP_X_REQUEST_ID='x" injected\nline')["X-Request-ID"]
    assert forged != 'x" injected\nline' and len(forged) == 32


@pytest.mark.django_db
def test_an_error_is_logged_with_the_same_request_id(caplog):
    def broken(execute, sql, params, many, context):
        raise ZeroDivisionError

    with caplog.at_level(logging.INFO), connection.execute_wrapper(broken):
        response = Client(raise_request_exception=False).get("/datasets/")
    error = next(record for record in caplog.records if record.name == "django.request")
    assert error.levelname == "ERROR"
    assert error.request_id == response["X-Request-ID"]
    logged = json.loads(portal_formatter().format(error))
    assert logged["request_id"] == response["X-Request-ID"]
    assert "ZeroDivisionError" in logged["exc_info"]


def test_a_clients_own_request_id_is_not_trusted(client, db):
    assert client.get("/", HTTP_X_REQUEST_ID="chosen-by-client-1")["X-Request-ID"] != "chosen-by-client-1"


def logged_lines(caplog) -> str:
    """Every record as the portal's handler writes it, its filters applied."""
    handler = logging.getLogger().handlers[0]
    return "\n".join(handler.format(record) for record in caplog.records if handler.filter(record))


def test_logs_never_hold_query_strings(client, db, caplog):
    with caplog.at_level(logging.INFO):
        client.get("/search/?q=ada.lovelace@example.org")
        client.get("/nowhere/?q=ada.lovelace@example.org")
    lines = logged_lines(caplog)
    assert "Not Found" in lines and "/nowhere/" in lines
    assert "ada.lovelace" not in lines


def test_logs_never_hold_the_secrets_in_addresses(client, db, caplog):
    with caplog.at_level(logging.INFO):
        client.get("/following/unsubscribe/a-secret-token-123/")
    lines = logged_lines(caplog)
    assert "/following/unsubscribe/<str:token>/" in lines
    assert "a-secret-token-123" not in lines


@pytest.mark.parametrize(
    "address",
    [
        "/accounts/password-reset/MQ/abc123-a-secret-token-456",  # without its last slash
        "/accounts/password-reset/MQ/abc123-a-secret-token-456/x",  # a character too many
        "/following/unsubscribe/abc123-a-secret-token-456",
        "/accounts/verify/MQ/abc123-a-secret-token-456",
        "/accounts/email/confirm/abc123-a-secret-token-456",
    ],
)
def test_logs_never_hold_secrets_in_addresses_that_lead_nowhere(client, db, caplog, address):
    with caplog.at_level(logging.INFO):
        client.get(address)
    lines = logged_lines(caplog)
    assert "a-secret-token" not in lines
    assert address.split("/")[2] in lines  # the line is there, with the path up to the secret


def test_signing_in_from_the_verification_link_logs_no_token(client, db, caplog):
    from django.contrib.auth import get_user_model
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from accounts.models import Account
    from accounts.tokens import verification_tokens

    user = get_user_model().objects.create_user("new", "new@example.org", "a-long-password", is_active=False)
    Account.objects.create(user=user)
    token = verification_tokens.make_token(user)
    with caplog.at_level(logging.INFO):
        response = client.post(f"/accounts/verify/{urlsafe_base64_encode(force_bytes(user.pk))}/{token}/")
    assert response.status_code == 302
    assert token not in caplog.text and "new@example.org" not in caplog.text
