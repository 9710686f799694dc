"""The sign-in lockout counts an address however it is typed."""

import pytest

PASSWORD = "a-long-enough-password"


@pytest.fixture
def researcher_account(django_user_model):
    return django_user_model.objects.create_user("res", email="res@example.org", password=PASSWORD)


def sign_in(client, email: str, password: str):
    return client.post("/accounts/sign-in/", {"username": email, "password": password})


def test_changing_the_case_of_the_address_does_not_lift_a_lockout(client, researcher_account, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "res@example.org", "wrong")
    assert sign_in(client, "RES@example.org", PASSWORD).status_code == 429
    assert sign_in(client, "  Res@Example.ORG ", PASSWORD).status_code == 429
    assert client.get("/accounts/").status_code == 302


def test_failures_typed_in_different_cases_add_up(client, researcher_account, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "res@example.org" if number % 2 else "RES@EXAMPLE.ORG", "wrong")
    assert sign_in(client, "res@example.org", PASSWORD).status_code == 429
