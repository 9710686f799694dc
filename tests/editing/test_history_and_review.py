"""History names its editors and numbers its versions; the review queue sends the reviewer to the whole
entry, with what a submission changes, before Publish is offered."""

import reversion

from editing.history import changes_since_published
from tests.factories import DatasetFactory


def save_as(dataset, user, **changes):
    with reversion.create_revision():
        for name, value in changes.items():
            setattr(dataset, name, value)
        dataset.save()
        reversion.set_user(user)


def test_history_numbers_versions_and_names_a_curator_the_address_of_an_unnamed_editor(
    client, curator, django_user_model
):
    unnamed = django_user_model.objects.create_user("x", "jo.bloggs@example.org", "pw")
    dataset = DatasetFactory(title="First")
    save_as(dataset, unnamed, title="Second")
    save_as(dataset, curator, title="Third")
    client.force_login(curator)
    html = client.get(f"/edit/datasets/{dataset.slug}/history/").content.decode()
    assert "v2 of 2" in html and "v1 of 2" in html
    assert "By jo.bloggs (an account without a name)" in html
    assert "jo.bloggs@example.org" not in html


def test_a_submitted_edit_shows_its_reviewer_what_it_changes(curator):
    dataset = DatasetFactory(title="Published title")
    save_as(dataset, curator, title="Published title")
    save_as(dataset, curator, title="Changed title", status="submitted")
    was_published, changes = changes_since_published(dataset)
    assert was_published
    assert [(change.label, change.old, change.new) for change in changes] == [
        ("Title", "Published title", "Changed title")
    ]


def test_the_queue_offers_review_not_publish_and_the_entry_page_the_changes(client, curator):
    dataset = DatasetFactory(title="Waiting", status="submitted")
    client.force_login(curator)
    queue = client.get("/review/").content.decode()
    assert f'href="{dataset.get_absolute_url()}#review-changes-heading">Review it' in queue
    assert "/publish/" not in queue
    page = client.get(dataset.get_absolute_url()).content.decode()
    assert "What this submission changes" in page
    assert "A new entry: everything on this page is new." in page
    assert page.index("What this submission changes") < page.index(">Publish</button>")
