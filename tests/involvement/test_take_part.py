"""Taking part goes through the introductions: the organisers' address is never shown, the same hourly
limit and robot trap apply, and every message is logged."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.models import Entry
from introductions.models import IntroductionRequest
from tests.factories import ProjectFactory

from .conftest import CONTACT, make_opportunity

Outcome = IntroductionRequest.Outcome
MESSAGE = {
    "name": "Sam Student",
    "organisation": "University of Leeds",
    "email": "Sam@Example.com",
    "message": "I grew up in care and would like to join the advisory group.",
}


def url_for(opportunity) -> str:
    return f"/introductions/opportunities/{opportunity.slug}/"


def test_it_emails_the_organisers_with_reply_to_the_person(client, opportunity):
    response = client.post(url_for(opportunity), MESSAGE)
    assert response.status_code == 200
    assert "on its way" in response.content.decode()
    assert CONTACT not in response.content.decode()
    [email] = mail.outbox
    assert email.to == [CONTACT]
    assert email.reply_to == ["Sam Student <sam@example.com>"]
    assert (
        email.subject
        == "Sam Student (University of Leeds) would like to take part in Join our young advisers"
    )
    assert "would like to take part in an opportunity you published" in email.body
    assert IntroductionRequest.objects.get().opportunity == opportunity


def test_the_form_page_words_it_as_taking_part(client, opportunity):
    response = client.get(url_for(opportunity))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Take part in “Join our young advisers”" in html
    assert "any support you need" in html
    assert CONTACT not in html


def test_a_closed_opportunity_takes_no_message(client, db):
    closed = make_opportunity(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    response = client.post(url_for(closed), MESSAGE)
    assert response.status_code == 403
    assert "It has closed" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize("hidden", ["draft", "draft project"])
def test_unpublished_ones_are_not_found(client, db, hidden):
    if hidden == "draft":
        opportunity = make_opportunity(status=Entry.Status.DRAFT)
    else:
        opportunity = make_opportunity(project=ProjectFactory(status=Entry.Status.DRAFT))
    response = client.post(url_for(opportunity), MESSAGE)
    assert response.status_code in (403, 404)
    assert mail.outbox == []


def test_robots_are_told_it_went_but_nothing_is_sent(client, opportunity):
    response = client.post(url_for(opportunity), {**MESSAGE, "website": "http://spam.example"})
    assert response.status_code == 200
    assert mail.outbox == []
    assert IntroductionRequest.objects.get().outcome == Outcome.HONEYPOT


def test_the_hourly_limit_counts_take_part_messages_too(client, opportunity, settings):
    settings.INTRODUCTIONS_PER_HOUR = 1
    assert client.post(url_for(opportunity), MESSAGE).status_code == 200
    assert client.post(url_for(opportunity), MESSAGE).status_code == 429
    assert len(mail.outbox) == 1


def test_bad_input_is_a_form_error_not_a_crash(client, opportunity):
    response = client.post(
        url_for(opportunity), {"name": "Sam\nBcc: x@example.com", "email": "nope", "message": "\x00"}
    )
    assert response.status_code == 400
    assert mail.outbox == []
