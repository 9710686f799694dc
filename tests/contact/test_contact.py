"""The contact and feedback form: sent to the curators, limited per hour, robots trapped, bad input a form error."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.policy import CURATORS_GROUP
from contact.models import ContactMessage
from introductions.models import IntroductionRequest

pytestmark = pytest.mark.django_db
URL = "/contact/"
MESSAGE = {
    "topic": "correction",
    "message": "The Born in Bradford entry gives the wrong age range.",
    "page": "/datasets/born-in-bradford/",
    "name": "Ada Reader",
    "email": "Ada@Example.com",
}


@pytest.fixture
def curators(django_user_model):
    group = Group.objects.get(name=CURATORS_GROUP)
    for name in ("cara", "cole"):
        django_user_model.objects.create_user(name, f"{name}@example.org", "pw").groups.add(group)
    django_user_model.objects.create_user("gone", "gone@example.org", "pw", is_active=False).groups.add(group)
    django_user_model.objects.create_user("visitor", "visitor@example.org", "pw")


def test_every_page_links_to_it_and_the_trust_pages(client):
    html = client.get("/").content.decode()
    for address in ('href="/contact/"', 'href="/privacy/"', 'href="/accessibility/"', 'href="/cookies/"'):
        assert address in html


def test_a_message_reaches_the_active_curators_only(client, curators):
    response = client.post(URL, MESSAGE)
    assert response.status_code == 200
    assert "Your message has been sent" in response.content.decode()
    [email] = mail.outbox
    assert sorted(email.to) == ["cara@example.org", "cole@example.org"]
    assert email.reply_to == ["ada@example.com"]
    assert MESSAGE["message"] in email.body and "/datasets/born-in-bradford/" in email.body
    assert ContactMessage.objects.get().outcome == ContactMessage.Outcome.SENT


def test_an_anonymous_message_has_no_reply_address(client, curators):
    client.post(URL, {"topic": "other", "message": "Lovely site."})
    assert mail.outbox[0].reply_to == []


def test_robots_are_told_it_went_but_nothing_is_sent_or_kept(client, curators):
    response = client.post(URL, {**MESSAGE, "website": "http://spam.example"})
    assert response.status_code == 200
    assert mail.outbox == [] and not ContactMessage.objects.exists()


def test_it_allows_a_few_messages_an_hour_from_one_address(client, curators, settings):
    settings.CONTACT_MESSAGES_PER_HOUR = 2
    assert [client.post(URL, MESSAGE).status_code for _ in range(3)] == [200, 200, 429]
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    "bad",
    [
        {"topic": "nonsense"},
        {"message": ""},
        {"message": "x" * 3001},
        {"message": "nul \x00 byte"},
        {"email": "not an address"},
        {"name": "Ada\r\nBcc: victim@example.org"},
        {"page": "/x\n/y"},
    ],
)
def test_bad_input_is_a_form_error_never_a_crash(client, curators, bad):
    response = client.post(URL, {**MESSAGE, **bad})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert mail.outbox == [] and not ContactMessage.objects.exists()


def test_a_post_without_any_fields_is_a_form_error(client):
    assert client.post(URL, {}).status_code == 400


def test_messages_and_introductions_are_deleted_after_a_year(curators):
    old = timezone.now() - datetime.timedelta(days=366)
    for created in (old, timezone.now()):
        message = ContactMessage.objects.create(message="hi", outcome="sent")
        request = IntroductionRequest.objects.create(
            requester_name="A", requester_email="a@example.org", message="hi", outcome="sent"
        )
        ContactMessage.objects.filter(pk=message.pk).update(created=created)
        IntroductionRequest.objects.filter(pk=request.pk).update(created=created)
    call_command("forget_old_messages", stdout=open("/dev/null", "w"))
    assert ContactMessage.objects.count() == 1 and IntroductionRequest.objects.count() == 1


@pytest.mark.parametrize("path", ["/privacy/", "/accessibility/", "/cookies/", "/contact/"])
def test_the_trust_pages_answer(client, path):
    response = client.get(path)
    assert response.status_code == 200


def test_the_privacy_notice_says_what_why_basis_how_long_and_rights(client):
    html = client.get("/privacy/").content.decode()
    for words in (
        "Lawful basis",
        "Kept",
        "for one year",
        "Your rights",
        "Information Commissioner",
        'href="/contact/',
    ):
        assert words in html


def test_the_accessibility_statement_follows_the_model_and_lists_known_issues(client):
    html = client.get("/accessibility/").content.decode()
    for words in (
        "How accessible this website is",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ):
        assert words in html
