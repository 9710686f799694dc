"""Enquiries about a dataset without a contact mailbox reach its custodian's team, whose editors answer them."""

import pytest
from django.core import mail

from introductions.models import IntroductionRequest
from tests.factories import DatasetFactory, OrganisationFactory

Outcome = IntroductionRequest.Outcome
EDITOR_ADDRESS = "editor.person@example.org"
ENQUIRIES = "/introductions/enquiries/"


@pytest.fixture
def custodian(django_user_model):
    organisation = OrganisationFactory(name="Test Town Council")
    editor = django_user_model.objects.create_user("editor", EDITOR_ADDRESS, "pw")
    organisation.editors.add(editor)
    return organisation


@pytest.fixture
def dataset(custodian):
    return DatasetFactory(title="School nurse visits", custodian=custodian, contact_email="")


def enquire(client, dataset, request_data, **extra):
    return client.post(f"/introductions/datasets/{dataset.slug}/", {**request_data, **extra})


def test_a_dataset_without_a_mailbox_offers_the_form_without_the_editors_address(client, dataset):
    html = client.get(dataset.get_absolute_url()).content.decode()
    assert 'id="enquiry"' in html
    assert f'action="/introductions/datasets/{dataset.slug}/"' in html
    assert EDITOR_ADDRESS not in html


def test_the_enquiry_reaches_the_custodians_editors(client, dataset, request_data):
    response = enquire(client, dataset, request_data)
    assert response.status_code == 200
    assert EDITOR_ADDRESS not in response.content.decode()
    [email] = mail.outbox
    assert email.to == [EDITOR_ADDRESS]
    assert email.reply_to == ["Ada Requester <ada@example.com>"]


def test_an_unpublished_custodian_has_no_team_to_reach(client, dataset, custodian, request_data):
    custodian.status = "archived"
    custodian.save()
    assert enquire(client, dataset, request_data).status_code == 403
    assert mail.outbox == []


def test_the_honeypot_and_the_hourly_limit_apply(client, dataset, request_data, settings):
    assert enquire(client, dataset, request_data, website="http://spam.example").status_code == 200
    assert mail.outbox == []
    settings.INTRODUCTIONS_PER_HOUR = 1
    assert [enquire(client, dataset, request_data).status_code for _ in range(2)] == [200, 429]
    assert len(mail.outbox) == 1


def test_an_editor_sees_open_enquiries_and_marks_them_answered(client, custodian, dataset, request_data):
    enquire(client, dataset, request_data)
    client.force_login(custodian.editors.get())
    html = client.get(ENQUIRIES).content.decode()
    assert "Ada Requester" in html and "School nurse visits" in html
    enquiry = IntroductionRequest.objects.get()
    response = client.post(f"{ENQUIRIES}{enquiry.pk}/answered/")
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.answered is not None and enquiry.answered_by.username == "editor"
    assert f'id="enquiry-{enquiry.pk}"' not in client.get(ENQUIRIES).content.decode()
    assert f'id="enquiry-{enquiry.pk}"' in client.get(f"{ENQUIRIES}?show=answered").content.decode()


def test_other_organisations_editors_neither_see_nor_answer_them(
    client, dataset, request_data, django_user_model
):
    enquire(client, dataset, request_data)
    other = django_user_model.objects.create_user("other", "other@example.org", "pw")
    OrganisationFactory().editors.add(other)
    client.force_login(other)
    assert "Ada Requester" not in client.get(ENQUIRIES).content.decode()
    enquiry = IntroductionRequest.objects.get()
    assert client.post(f"{ENQUIRIES}{enquiry.pk}/answered/").status_code == 404
    enquiry.refresh_from_db()
    assert enquiry.answered is None


def test_people_without_enquiries_to_answer_are_kept_out(client, db, django_user_model):
    assert client.get(ENQUIRIES).status_code == 302  # to sign in
    client.force_login(django_user_model.objects.create_user("someone", "someone@example.org", "pw"))
    assert client.get(ENQUIRIES).status_code == 403
