"""Signing in with email and password, signing out, resetting a password, and throttled attempts."""

import re

import pytest
from django.core import mail
from django.test import Client

PASSWORD = "a-long-enough-password"


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user(
        "ada", email="Ada@Example.org", password=PASSWORD, first_name="Ada", last_name="Example"
    )


def sign_in(client, email: str, password: str):
    return client.post("/accounts/sign-in/", {"username": email, "password": password})


def test_people_sign_in_with_their_email_address_whatever_its_case(client, person):
    response = sign_in(client, "ada@example.ORG", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/"
    page = client.get("/accounts/").content.decode()
    assert "Ada@example.org" in page and "Ada Example" in page


def test_a_wrong_password_is_explained_and_signs_nobody_in(client, person):
    response = sign_in(client, "ada@example.org", "wrong")
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert client.get("/accounts/").status_code == 302


def test_a_malformed_email_address_is_explained(client, db):
    response = sign_in(client, "not an address", "x")
    assert "Enter a valid email address." in response.content.decode()


def test_the_account_page_needs_signing_in(client, db):
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?next=/accounts/"


def test_signing_out_is_a_post_and_ends_the_session(client, person):
    sign_in(client, "ada@example.org", PASSWORD)
    assert client.get("/accounts/sign-out/").status_code == 405
    assert client.post("/accounts/sign-out/").status_code == 302
    assert client.get("/accounts/").status_code == 302


def test_the_header_offers_signing_in_or_the_account(client, person):
    assert 'href="/accounts/sign-in/"' in client.get("/").content.decode()
    sign_in(client, "ada@example.org", PASSWORD)
    assert 'href="/accounts/">Your account' in client.get("/").content.decode()


def test_sign_in_attempts_are_throttled(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "ada@example.org", "wrong")
    response = sign_in(client, "ada@example.org", PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert client.get("/accounts/").status_code == 302


def test_a_sign_in_without_the_csrf_token_is_refused(person):
    client = Client(enforce_csrf_checks=True)
    assert sign_in(client, "ada@example.org", PASSWORD).status_code == 403


def test_a_forgotten_password_is_reset_through_an_emailed_link(client, person):
    response = client.post("/accounts/password-reset/", {"email": "ada@example.org"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Set a new password" in form_page.content.decode()
    new_password = "another-long-password-2026"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    assert done["Location"] == "/accounts/password-reset/done/"
    assert sign_in(Client(), "ada@example.org", new_password).status_code == 302


def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, person):
    response = client.post("/accounts/password-reset/", {"email": "nobody@example.org"}, follow=True)
    assert "If an account uses that address" in response.content.decode()
    assert mail.outbox == []


def test_a_used_reset_link_says_so(client, person):
    client.post("/accounts/password-reset/", {"email": "ada@example.org"})
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/)", mail.outbox[0].body).group(1)
    person.set_password("changed-elsewhere-123")
    person.save()
    assert "already been used or has expired" in client.get(link, follow=True).content.decode()


def test_curators_still_sign_in_to_the_admin_with_their_username(client, django_user_model):
    django_user_model.objects.create_superuser("curator", "curator@example.org", PASSWORD)
    response = client.post("/admin/login/?next=/admin/", {"username": "curator", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
