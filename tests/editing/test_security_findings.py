"""Findings of the security review about editing: hidden entries, same-title clashes, decision emails."""

import pytest
from django.core import mail

from core.models import Entry
from people.models import Researcher
from tests.factories import DatasetFactory, ResearcherFactory


@pytest.mark.parametrize("suffix", ["", "history/", "move/publish/"])
def test_a_hidden_entry_answers_as_a_missing_one(client, someone, suffix):
    draft = DatasetFactory(status="draft")
    client.force_login(someone)
    hidden = client.get(f"/edit/datasets/{draft.slug}/{suffix}")
    missing = client.get(f"/edit/datasets/no-such-dataset/{suffix}")
    assert hidden.status_code == missing.status_code


def test_a_published_entry_someone_may_not_edit_is_still_refused(client, someone):
    published = DatasetFactory()
    client.force_login(someone)
    assert client.get(f"/edit/datasets/{published.slug}/").status_code == 403


def test_two_people_creating_entries_with_the_same_title_at_once_both_succeed(client, someone, monkeypatch):
    """The second save chose its address before the first was saved; it takes the next one instead of
    being told that a person is listed twice."""
    first = ResearcherFactory(name="Sam Jones")
    chosen = iter(["sam-jones"])
    original = Entry.unique_slug
    # As if the other person's entry was not yet saved when this one chose its address.
    monkeypatch.setattr(Entry, "unique_slug", lambda self, text: next(chosen, None) or original(self, text))
    client.force_login(someone)
    response = client.post("/edit/researchers/new/", {"name": "Sam Jones", "action": "save"})
    assert response.status_code == 302, response.content.decode()
    created = Researcher.objects.exclude(pk=first.pk).get(name="Sam Jones")
    assert created.slug == "sam-jones-2"


def test_the_decision_emails_subject_is_plain_text(client, curator, someone, committed):
    dataset = DatasetFactory(status="submitted", author=someone, title="Parents' & carers' survey")
    client.force_login(curator)
    with committed():
        client.post(f"/edit/datasets/{dataset.slug}/move/publish/")
    assert mail.outbox[0].subject == "Your entry “Parents' & carers' survey” is published"
