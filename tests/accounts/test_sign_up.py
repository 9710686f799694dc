"""Signing up: a verified email address before the account does anything, a honeypot, a rate limit, and no
way to tell from the answer or its timing whether an address has an account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Account
from tests.factories import ResearcherFactory

PASSWORD = "a-long-enough-password"


def sign_up(client, email="new.person@example.org", **changes):
    data = {"name": "New Person", "email": email, "password": PASSWORD, "website": "", **changes}
    return client.post("/accounts/sign-up/", data)


def link_in(message) -> str:
    return re.search(r"http://testserver(/accounts/\S+/)", message.body).group(1)


def sign_in(client, email, password=PASSWORD):
    return client.post("/accounts/sign-in/", {"username": email, "password": password})


def test_the_sign_in_page_offers_to_create_an_account(client, db):
    assert 'href="/accounts/sign-up/"' in client.get("/accounts/sign-in/").text


def test_an_account_works_only_once_its_address_is_verified(client, db):
    response = sign_up(client)
    assert response["Location"] == "/accounts/sign-up/sent/"
    user = get_user_model().objects.get(email="new.person@example.org")
    assert not user.is_active
    assert sign_in(client, "new.person@example.org").status_code == 200  # refused, as a wrong password
    assert client.get("/accounts/").status_code == 302

    [message] = mail.outbox
    assert message.to == ["new.person@example.org"]
    assert "Confirm your email address" in message.subject
    link = link_in(message)
    assert "Confirm and sign in" in client.get(link).text  # opening the link changes nothing
    assert not get_user_model().objects.get(pk=user.pk).is_active
    response = client.post(link)
    assert response["Location"] == "/accounts/"
    assert "New Person" in client.get("/accounts/").text
    assert Account.objects.get(user=user).verified is not None
    # The link is used up.
    assert client.post(link).status_code == 400


def test_verifying_links_the_profile_with_the_same_address(client, db):
    profile = ResearcherFactory(email="New.Person@example.org")
    sign_up(client)
    client.post(link_in(mail.outbox[0]))
    profile.refresh_from_db()
    assert profile.account.email == "new.person@example.org"


def test_signing_up_again_before_verifying_replaces_the_first_link(client, db):
    sign_up(client)
    sign_up(client, password="another-long-password")
    first, second = mail.outbox
    assert client.post(link_in(first)).status_code == 400
    assert client.post(link_in(second)).status_code == 302
    assert sign_in(client, "new.person@example.org", "another-long-password").status_code == 302


def test_an_address_with_an_account_is_told_so_and_nothing_changes(client, django_user_model):
    existing = django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD)
    response = sign_up(client, email="ADA@example.org", password="a-different-password-1")
    assert response["Location"] == "/accounts/sign-up/sent/"
    [message] = mail.outbox
    assert "already have an account" in message.subject
    assert "/accounts/password-reset/" in message.body
    assert django_user_model.objects.filter(email__iexact="ada@example.org").count() == 1
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)


def test_known_and_unknown_addresses_get_the_same_answer_without_being_looked_up(
    client, django_user_model, queued
):
    django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD)
    answers = []
    for email in ["ada@example.org", "nobody@example.org"]:
        with CaptureQueriesContext(connection) as queries:
            response = sign_up(client, email=email)
        answers.append((response.status_code, response["Location"], len(queries)))
        # The request never asks the database about the address: its time cannot depend on it.
        assert not any(email in query["sql"] for query in queries.captured_queries)
    assert answers[0] == answers[1]
    assert mail.outbox == [] and len(queued) == 2  # sent by the worker, after the answer
    queued.run()
    assert [message.to for message in mail.outbox] == [["ada@example.org"], ["nobody@example.org"]]


def test_a_filled_in_honeypot_is_answered_as_usual_and_does_nothing(client, db):
    response = sign_up(client, website="https://spam.example.com")
    assert response["Location"] == "/accounts/sign-up/sent/"
    assert mail.outbox == []
    assert not get_user_model().objects.filter(email="new.person@example.org").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "not an address"}, "Enter a valid email address."),
        ({"name": ""}, "Enter your name."),
        ({"password": "12345678"}, "This password is too common."),
        ({"password": "short"}, "This password is too short."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_queued(client, db, changes, message):
    response = sign_up(client, **changes)
    assert response.status_code == 400
    assert message in response.text
    assert 'id="error-summary"' in response.text
    assert mail.outbox == []


def test_sign_ups_are_rate_limited(client, db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign-up": "2/h"}
    statuses = [sign_up(client, email=f"person{n}@example.org").status_code for n in range(3)]
    assert statuses == [302, 302, 429]


def test_signed_in_people_are_shown_the_way_to_their_account_and_sign_up_nobody(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD))
    page = client.get("/accounts/sign-up/").text
    assert 'href="/accounts/">Go to your account' in page and "Create the account" not in page
    assert sign_up(client).status_code == 200
    assert mail.outbox == []


def test_a_forged_verification_link_is_refused(client, db):
    sign_up(client)
    link = link_in(mail.outbox[0])
    assert client.post(link[:-3] + "xx/").status_code == 400
    assert client.post("/accounts/verify/bm90LWEtbnVtYmVy/abc-def/").status_code == 400
