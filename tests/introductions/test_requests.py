import pytest
from django.core import mail
from django.test import Client

from introductions.models import IntroductionRequest
from tests.factories import DatasetFactory, ResearcherFactory

from .conftest import HIDDEN_ADDRESS, TEAM_ADDRESS

Outcome = IntroductionRequest.Outcome


def url_for(entry) -> str:
    kind = "datasets" if hasattr(entry, "contact_email") else "researchers"
    return f"/introductions/{kind}/{entry.slug}/"


def test_a_researcher_page_offers_the_form_without_the_address(client, researcher):
    html = client.get(researcher.get_absolute_url()).content.decode()
    assert "Ask for an introduction" in html
    assert f'action="{url_for(researcher)}"' in html
    assert HIDDEN_ADDRESS not in html


def test_it_emails_the_researcher_with_reply_to_the_requester(client, researcher, request_data):
    response = client.post(url_for(researcher), request_data)
    assert response.status_code == 200
    assert "on its way" in response.content.decode()
    [email] = mail.outbox
    assert email.to == [HIDDEN_ADDRESS]
    assert email.reply_to == ["Ada Requester <ada@example.com>"]
    assert "Ada Requester" in email.subject
    assert "Leeds City Council" in email.body and request_data["message"] in email.body
    assert IntroductionRequest.objects.get().outcome == Outcome.SENT


def test_it_uses_the_account_address_when_the_profile_has_none(client, django_user_model, request_data):
    account = django_user_model.objects.create_user("grace", "grace.account@example.org")
    researcher = ResearcherFactory(account=account)
    client.post(url_for(researcher), request_data)
    assert mail.outbox[0].to == ["grace.account@example.org"]


def test_it_emails_a_dataset_contact_point(client, dataset, request_data):
    response = client.post(url_for(dataset), request_data)
    assert response.status_code == 200
    assert TEAM_ADDRESS not in response.content.decode()
    [email] = mail.outbox
    assert email.to == [TEAM_ADDRESS]
    assert "Born in Test Town" in email.subject
    assert IntroductionRequest.objects.get().dataset == dataset


def test_the_address_never_appears_in_any_response(client, researcher, request_data, settings):
    settings.INTRODUCTIONS_PER_HOUR = 1
    url = url_for(researcher)
    responses = [
        client.get(researcher.get_absolute_url()),
        client.get(url),
        client.post(url, {**request_data, "message": ""}),
        client.post(url, request_data),
        client.post(url, request_data),
    ]
    assert [response.status_code for response in responses] == [200, 200, 400, 200, 429]
    for response in responses:
        assert HIDDEN_ADDRESS not in response.content.decode()


def test_the_honeypot_is_hidden_from_people(client, researcher):
    html = client.get(researcher.get_absolute_url()).content.decode()
    assert '<div class="introduction-trap" aria-hidden="true">' in html
    assert "Leave this empty" in html
    assert 'name="website" id="introduction-website" tabindex="-1"' in html


def test_a_filled_honeypot_pretends_success_and_sends_nothing(client, researcher, request_data):
    response = client.post(url_for(researcher), {**request_data, "website": "http://spam.example"})
    assert response.status_code == 200
    assert "on its way" in response.content.decode()
    assert mail.outbox == []
    assert IntroductionRequest.objects.get().outcome == Outcome.HONEYPOT


def post_as(address: str, ip: str, url: str, data: dict):
    """A new client each time, as separate visitors or processes would be."""
    return Client().post(url, data, REMOTE_ADDR=ip)


def test_the_sixth_request_from_one_email_address_in_an_hour_is_refused(researcher, request_data):
    url = url_for(researcher)
    for number in range(5):
        assert post_as("ada", f"10.0.0.{number}", url, request_data).status_code == 200
    refused = post_as("ada", "10.0.0.99", url, {**request_data, "email": "ADA@example.com"})
    assert refused.status_code == 429
    assert "Too many requests" in refused.content.decode()
    assert len(mail.outbox) == 5
    assert IntroductionRequest.objects.filter(outcome=Outcome.RATE_LIMITED).count() == 1


def test_the_sixth_request_from_one_ip_address_in_an_hour_is_refused(researcher, dataset, request_data):
    first, second = Client(), Client()
    for number in range(5):
        client = first if number % 2 else second
        target = researcher if number % 2 else dataset
        data = {**request_data, "email": f"sender{number}@example.com"}
        assert client.post(url_for(target), data, REMOTE_ADDR="192.0.2.7").status_code == 200
    data = {**request_data, "email": "someone.new@example.com"}
    assert first.post(url_for(researcher), data, REMOTE_ADDR="192.0.2.7").status_code == 429
    assert len(mail.outbox) == 5
    assert second.post(url_for(researcher), data, REMOTE_ADDR="192.0.2.8").status_code == 200


def test_requests_older_than_an_hour_do_not_count(client, researcher, request_data):
    from datetime import timedelta

    from django.utils import timezone

    for _ in range(5):
        client.post(url_for(researcher), request_data)
    IntroductionRequest.objects.update(created=timezone.now() - timedelta(hours=1, minutes=1))
    assert client.post(url_for(researcher), request_data).status_code == 200
    assert len(mail.outbox) == 6


def test_the_hourly_limit_is_a_setting(client, researcher, request_data, settings):
    settings.INTRODUCTIONS_PER_HOUR = 2
    statuses = [client.post(url_for(researcher), request_data).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_a_researcher_who_turned_introductions_off_gets_none(client, researcher, request_data):
    researcher.accepts_introductions = False
    researcher.save()
    html = client.get(researcher.get_absolute_url()).content.decode()
    assert "Introductions through the portal are not available for this person." in html
    assert f'action="{url_for(researcher)}"' not in html
    response = client.post(url_for(researcher), request_data)
    assert response.status_code == 403
    assert "not available" in response.content.decode()
    assert mail.outbox == []
    assert not IntroductionRequest.objects.filter(outcome=Outcome.SENT).exists()


@pytest.mark.parametrize("entry", ["researcher without address", "dataset without contact"])
def test_entries_without_an_address_offer_no_form(client, db, request_data, entry):
    entry = ResearcherFactory() if entry.startswith("researcher") else DatasetFactory(contact_email="")
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "not available" in html or "The portal has no way to reach" in html
    assert f'action="{url_for(entry)}"' not in html
    assert client.post(url_for(entry), request_data).status_code == 403
    assert mail.outbox == []


@pytest.mark.parametrize("status", ["draft", "submitted", "archived"])
def test_it_hides_entries_that_are_not_published(client, db, request_data, status):
    for entry in (
        ResearcherFactory(status=status, email=HIDDEN_ADDRESS),
        DatasetFactory(status=status, contact_email=TEAM_ADDRESS),
    ):
        assert client.get(url_for(entry)).status_code == 404
        assert client.post(url_for(entry), request_data).status_code == 404
    assert mail.outbox == []
    assert not IntroductionRequest.objects.exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "Ada\r\nBcc: x@example.org"),
        ("name", "Ada\nBcc: x@example.org"),
        ("organisation", "Council\r\nBcc: x@example.org"),
        ("email", "ada@example.com\r\nBcc: x@example.org"),
    ],
)
def test_it_refuses_line_breaks_that_could_add_headers(client, researcher, request_data, field, value):
    response = client.post(url_for(researcher), {**request_data, field: value})
    assert response.status_code == 400
    assert mail.outbox == []
    assert not IntroductionRequest.objects.exists()


@pytest.mark.parametrize(
    "changes, error",
    [
        ({"message": ""}, "Please write a message."),
        ({"email": "not-an-address"}, "Please give an email address like name@example.org."),
        ({"message": "x" * 2001}, "Please shorten your message to 2000 characters or fewer"),
        ({"name": ""}, "Please give your name."),
    ],
)
def test_bad_input_is_shown_next_to_the_field(client, researcher, request_data, changes, error):
    response = client.post(url_for(researcher), {**request_data, **changes})
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert 'class="errorlist"' in html
    assert mail.outbox == []
    assert not IntroductionRequest.objects.exists()


def test_it_needs_the_csrf_token(researcher, request_data):
    client = Client(enforce_csrf_checks=True)
    assert client.post(url_for(researcher), request_data).status_code == 403
    assert mail.outbox == []


def test_signed_in_people_find_their_name_and_address_filled_in(client, researcher, django_user_model):
    user = django_user_model.objects.create_user(
        "ada", "ada.signed.in@example.com", first_name="Ada", last_name="Lovelace"
    )
    client.force_login(user)
    html = client.get(researcher.get_absolute_url()).content.decode()
    assert 'value="Ada Lovelace"' in html
    assert 'value="ada.signed.in@example.com"' in html
