import pytest
from django.urls import reverse
from reversion.models import Version

from collection.models import CollectionItem
from tests.factories import CollectionFactory, CollectionItemFactory, DatasetFactory, ProjectFactory


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def test_a_curator_opens_the_list_add_and_change_pages(curator_client):
    collection = CollectionFactory()
    CollectionItemFactory(collection=collection)
    assert curator_client.get(reverse("admin:collection_collection_changelist") + "?q=a").status_code == 200
    add = curator_client.get(reverse("admin:collection_collection_add"))
    assert add.status_code == 200
    assert "items-0-researcher" in add.content.decode()
    change = curator_client.get(reverse("admin:collection_collection_change", args=[collection.pk]))
    assert change.status_code == 200
    assert "items-0-note" in change.content.decode()


def management(total: int, initial: int = 0) -> dict:
    return {
        "items-TOTAL_FORMS": str(total),
        "items-INITIAL_FORMS": str(initial),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }


def collection_data(**items) -> dict:
    return {
        "title": "Start here",
        "slug": "start-here",
        "introduction": "Where to begin.",
        "status": "draft",
        **management(1),
        **items,
    }


def test_a_curator_assembles_a_collection_in_the_admin(curator_client):
    dataset = DatasetFactory()
    response = curator_client.post(
        reverse("admin:collection_collection_add"),
        collection_data(
            **{"items-0-position": "1", "items-0-dataset": dataset.pk, "items-0-note": "The core data"}
        ),
    )
    assert response.status_code == 302
    item = CollectionItem.objects.get()
    assert (item.collection.title, item.dataset, item.note) == ("Start here", dataset, "The core data")
    # Versioned with its items, as a project is with its outputs.
    revision = Version.objects.get_for_object(item.collection).get().revision
    assert revision.version_set.get_for_object(item).exists()


def test_the_admin_refuses_an_item_with_two_targets_and_says_why(curator_client):
    response = curator_client.post(
        reverse("admin:collection_collection_add"),
        collection_data(
            **{
                "items-0-position": "1",
                "items-0-dataset": DatasetFactory().pk,
                "items-0-project": ProjectFactory().pk,
            }
        ),
    )
    assert response.status_code == 200
    assert "only one of them" in response.content.decode()
    assert not CollectionItem.objects.exists()


def test_someone_who_is_not_a_curator_cannot_open_the_admin_pages(client, someone):
    someone.is_staff = True
    someone.save()
    client.force_login(someone)
    # Kept out of the admin altogether: it is for curators only (core/admin_site.py).
    assert client.get(reverse("admin:collection_collection_add"))["Location"].startswith("/admin/login/")
