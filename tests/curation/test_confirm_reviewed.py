"""POST /curation/reviewed/<kind>/<slug>/: someone who may edit an entry confirms it is correct."""

import pytest
from django.test import Client

from datasets.models import Dataset
from tests.factories import DatasetFactory

from .conftest import age

pytestmark = pytest.mark.django_db


def url_for(dataset) -> str:
    return f"/curation/reviewed/datasets/{dataset.slug}/"


def test_an_editor_confirms_an_entry_without_changing_its_version(client, editor, edited_organisation):
    dataset = age(DatasetFactory(custodian=edited_organisation), days=400)
    client.force_login(editor)

    response = client.post(url_for(dataset), follow=False)

    refreshed = Dataset.objects.get(pk=dataset.pk)
    assert response.status_code == 302
    assert response["Location"] == dataset.get_absolute_url()
    assert refreshed.last_reviewed is not None
    assert refreshed.updated == dataset.updated


def test_it_says_thank_you(client, editor, edited_organisation):
    dataset = DatasetFactory(custodian=edited_organisation)
    client.force_login(editor)

    response = client.post(url_for(dataset))

    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("confirmed as correct" in message for message in messages)


def test_it_goes_back_to_a_page_on_this_site(client, editor, edited_organisation):
    dataset = DatasetFactory(custodian=edited_organisation)
    client.force_login(editor)

    back = client.post(url_for(dataset), {"next": "/edit/datasets/x/?tab=1"})
    away = client.post(url_for(dataset), {"next": "https://evil.example.com/"})

    assert back["Location"] == "/edit/datasets/x/?tab=1"
    assert away["Location"] == dataset.get_absolute_url()


def test_it_checks_who_may_edit(client, outsider, edited_organisation):
    dataset = DatasetFactory(custodian=edited_organisation)
    client.force_login(outsider)

    assert client.post(url_for(dataset)).status_code == 403
    assert Dataset.objects.get(pk=dataset.pk).last_reviewed is None


def test_a_visitor_may_not_confirm(client, edited_organisation):
    dataset = DatasetFactory(custodian=edited_organisation)

    assert client.post(url_for(dataset)).status_code == 403


def test_unknown_kinds_and_entries_are_not_found(client, curator):
    client.force_login(curator)

    assert client.post("/curation/reviewed/spaceships/x/").status_code == 404
    assert client.post("/curation/reviewed/datasets/no-such-dataset/").status_code == 404


def test_it_only_accepts_post(client, curator):
    dataset = DatasetFactory()
    client.force_login(curator)

    assert client.get(url_for(dataset)).status_code == 405


def test_it_needs_the_csrf_token(curator):
    dataset = DatasetFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)

    assert client.post(url_for(dataset)).status_code == 403
    assert Dataset.objects.get(pk=dataset.pk).last_reviewed is None


def test_a_suggester_cannot_mark_their_own_suggestion_reviewed(client, outsider):
    suggestion = DatasetFactory(status=Dataset.Status.SUBMITTED, author=outsider)
    client.force_login(outsider)

    assert client.post(url_for(suggestion)).status_code == 400

    suggestion.refresh_from_db()
    assert suggestion.last_reviewed is None
    # Still theirs to edit, and still waiting for review.
    assert client.get(f"/edit/datasets/{suggestion.slug}/").status_code == 200


def test_a_hidden_entry_answers_as_a_missing_one(client, outsider, edited_organisation):
    draft = DatasetFactory(custodian=edited_organisation, status=Dataset.Status.DRAFT)
    client.force_login(outsider)

    assert client.post(url_for(draft)).status_code == 404
    assert client.post("/curation/reviewed/datasets/no-such-dataset/").status_code == 404
