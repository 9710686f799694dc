"""Account settings and privacy self-service: change email (re-verified) and password, download my data,
close my account (reopenable by a curator for 30 days, then deleted)."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib import admin
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Account, ProfileClaim
from datasets.models import Dataset
from following.models import Follow
from introductions.models import IntroductionRequest
from people.models import Researcher
from tests.factories import DatasetFactory, FollowFactory, ResearcherFactory, UserFactory

PASSWORD = "a-long-enough-password"


@pytest.fixture
def ria(django_user_model):
    user = django_user_model.objects.create_user("ria", "ria@example.org", PASSWORD, first_name="Ria")
    return user


@pytest.fixture
def signed_in(client, ria):
    client.force_login(ria)
    return client


def test_changing_the_email_address_waits_for_the_new_address_to_be_confirmed(signed_in, ria):
    response = signed_in.post("/accounts/email/", {"email": "ria.new@example.org", "password": PASSWORD})
    assert response["Location"] == "/accounts/"
    ria.refresh_from_db()
    assert ria.email == "ria@example.org"
    [message] = mail.outbox
    assert message.to == ["ria.new@example.org"]
    link = re.search(r"http://testserver(/accounts/email/confirm/\S+/)", message.body).group(1)
    assert "Use this address" in signed_in.get(link).text
    assert signed_in.post(link)["Location"] == "/accounts/"
    ria.refresh_from_db()
    assert ria.email == "ria.new@example.org"
    told = mail.outbox[-1]
    assert (
        told.to == ["ria@example.org"]
        and "has changed" in told.subject
        and "ria.new@example.org" in told.body
    )
    assert signed_in.post(link).status_code == 400  # used up: the address it came from has changed


def test_changing_to_an_address_another_account_uses_changes_nothing(signed_in, ria):
    UserFactory(username="other", email="taken@example.org")
    signed_in.post("/accounts/email/", {"email": "Taken@example.org", "password": PASSWORD})
    [message] = mail.outbox
    assert message.to == ["Taken@example.org"] and "already has an account" in message.subject
    ria.refresh_from_db()
    assert ria.email == "ria@example.org"


def test_changing_the_email_needs_the_password(signed_in):
    response = signed_in.post("/accounts/email/", {"email": "ria.new@example.org", "password": "wrong"})
    assert response.status_code == 400 and "That is not your password" in response.text
    assert mail.outbox == []


def test_someone_else_cannot_use_the_email_link(signed_in, client, ria):
    signed_in.post("/accounts/email/", {"email": "ria.new@example.org", "password": PASSWORD})
    link = re.search(r"http://testserver(/accounts/email/confirm/\S+/)", mail.outbox[0].body).group(1)
    client.force_login(UserFactory(username="mallory"))
    assert client.post(link).status_code == 400
    ria.refresh_from_db()
    assert ria.email == "ria@example.org"


def test_changing_the_password(signed_in, ria):
    new = "another-long-password-2026"
    response = signed_in.post(
        "/accounts/password/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response["Location"] == "/accounts/"
    ria.refresh_from_db()
    assert ria.check_password(new)
    assert signed_in.get("/accounts/").status_code == 200  # still signed in


def test_the_account_page_lists_settings_and_what_is_followed(signed_in, ria):
    FollowFactory(user=ria, label="Theme: Early years")
    page = signed_in.get("/accounts/").text
    for address in ["/accounts/email/", "/accounts/password/", "/accounts/my-data/", "/accounts/close/"]:
        assert f'href="{address}"' in page
    assert "Theme: Early years" in page


def test_download_my_data_holds_everything_about_me(signed_in, ria):
    profile = ResearcherFactory(
        account=ria, email="ria.private@example.org", lived_experience="Private words"
    )
    DatasetFactory(title="My suggestion", author=ria, status="submitted")
    FollowFactory(user=ria, label="Theme: Early years")
    IntroductionRequest.objects.create(
        researcher=profile,
        requester_name="Someone",
        requester_email="someone@example.org",
        message="Hello",
        outcome="sent",
    )
    IntroductionRequest.objects.create(
        requester_name="Ria", requester_email="RIA@example.org", message="I asked", outcome="sent"
    )
    other = UserFactory(username="other")
    DatasetFactory(title="Not mine", author=other)

    response = signed_in.get("/accounts/my-data/")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    data = json.loads(text)
    assert data["account"]["email"] == "ria@example.org"
    assert "password" not in data["account"] and "md5$" not in text
    for held in [
        "ria.private@example.org",
        "Private words",
        "My suggestion",
        "Theme: Early years",
        "I asked",
        "Hello",
    ]:
        assert held in text, held
    assert "Not mine" not in text


def test_download_my_data_needs_signing_in(client, db):
    assert client.get("/accounts/my-data/")["Location"].startswith("/accounts/sign-in/")


def test_closing_the_account_signs_out_and_a_curator_may_reopen_it(signed_in, ria, rf):
    profile = ResearcherFactory(account=ria)
    waiting = ResearcherFactory()
    ProfileClaim.objects.create(user=ria, researcher=waiting)
    page = signed_in.get("/accounts/close/").text
    assert "stays in the directory" in page and profile.name in page

    refused = signed_in.post("/accounts/close/", {"password": "wrong", "understood": "on"})
    assert refused.status_code == 400
    response = signed_in.post("/accounts/close/", {"password": PASSWORD, "understood": "on"})
    assert "Your account is closed" in response.text
    ria.refresh_from_db()
    assert not ria.is_active
    assert signed_in.get("/accounts/").status_code == 302
    assert (
        signed_in.post(
            "/accounts/sign-in/", {"username": "ria@example.org", "password": PASSWORD}
        ).status_code
        == 200
    )
    assert not ProfileClaim.objects.exists()
    assert Researcher.objects.get(pk=profile.pk).account == ria  # kept while it can be reopened

    # A curator reopens it from the admin.
    account_admin = admin.site._registry[Account]
    request = rf.post("/admin/")
    request.user = UserFactory(username="cura", is_superuser=True, is_staff=True)
    account_admin.message_user = lambda *args, **kwargs: None
    account_admin.reopen(request, Account.objects.all())
    ria.refresh_from_db()
    assert ria.is_active


def test_closed_accounts_are_deleted_after_30_days_leaving_entries_and_profiles(signed_in, ria):
    profile = ResearcherFactory(account=ria)
    suggestion = DatasetFactory(author=ria, status="submitted")
    FollowFactory(user=ria)
    signed_in.post("/accounts/close/", {"password": PASSWORD, "understood": "on"})

    call_command("delete_closed_accounts", verbosity=0)
    assert Account.objects.filter(user=ria).exists()  # not yet: it may still be reopened

    Account.objects.filter(user=ria).update(closed=timezone.now() - timedelta(days=31))
    call_command("delete_closed_accounts", verbosity=0)
    assert not type(ria).objects.filter(pk=ria.pk).exists()
    assert Researcher.objects.get(pk=profile.pk).account is None
    assert Dataset.objects.get(pk=suggestion.pk).author is None
    assert not Follow.objects.exists()


def test_the_reopen_action_leaves_accounts_closed_too_long_ago(db):
    user = UserFactory(username="old", is_active=False)
    Account.objects.create(user=user, closed=timezone.now() - timedelta(days=40))
    account_admin = admin.site._registry[Account]
    account_admin.message_user = lambda *args, **kwargs: None
    account_admin.reopen(None, Account.objects.all())
    user.refresh_from_db()
    assert not user.is_active


def test_sign_ups_never_verified_are_deleted_after_a_week(db):
    from django.contrib.auth import get_user_model

    old = get_user_model().objects.create_user("old", "old@example.org", is_active=False)
    recent = get_user_model().objects.create_user("recent", "recent@example.org", is_active=False)
    deactivated_by_a_curator = get_user_model().objects.create_user(
        "gone", "gone@example.org", is_active=False
    )
    for user in (old, recent):
        Account.objects.create(user=user)
    type(old).objects.filter(pk__in=[old.pk, deactivated_by_a_curator.pk]).update(
        date_joined=timezone.now() - timedelta(days=8)
    )
    call_command("delete_closed_accounts", verbosity=0)
    assert set(type(old).objects.values_list("username", flat=True)) == {"recent", "gone"}
