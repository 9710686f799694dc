import datetime

import pytest
from django.utils import timezone

from collection.models import Collection
from tests.factories import (
    CollectionFactory,
    CollectionItemFactory,
    DatasetFactory,
    OutputFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)


def aged(collection: Collection, days: int) -> Collection:
    Collection.objects.filter(pk=collection.pk).update(created=timezone.now() - datetime.timedelta(days=days))
    return collection


def test_the_list_shows_published_collections_newest_first(client, db):
    aged(CollectionFactory(title="Older"), 10)
    aged(CollectionFactory(title="Newer"), 1)
    aged(CollectionFactory(title="A draft", status="draft"), 0)
    response = client.get("/collections/")
    assert [collection.title for collection in response.context["page"].object_list] == ["Newer", "Older"]
    assert "A draft" not in response.content.decode()


def test_the_list_says_when_there_is_nothing_yet(client, db):
    CollectionFactory(status="submitted")
    assert "No collections have been published yet." in client.get("/collections/").content.decode()


def test_the_list_counts_only_the_items_the_public_can_see(client, db):
    collection = CollectionFactory()
    CollectionItemFactory(collection=collection)
    CollectionItemFactory(collection=collection, dataset=DatasetFactory(status="draft"))
    response = client.get("/collections/")
    assert response.context["page"].object_list[0].item_count == 1
    assert "1 item<" in response.content.decode()


def test_a_collection_shows_its_introduction_then_its_items_in_order(client, db):
    collection = CollectionFactory(slug="start-here", introduction="Read these in order.")
    CollectionItemFactory(collection=collection, position=3, dataset=DatasetFactory(title="Third: data"))
    CollectionItemFactory(
        collection=collection, position=1, researcher=ResearcherFactory(name="First: person")
    )
    CollectionItemFactory(
        collection=collection, position=2, project=ProjectFactory(title="Second: project"), note="The pilot."
    )
    CollectionItemFactory(
        collection=collection,
        position=4,
        output=OutputFactory(
            title="Fourth: report", key_finding="It worked.", project=ProjectFactory(title="Home")
        ),
    )
    html = client.get("/collections/start-here/").content.decode()
    positions = [
        html.index(text)
        for text in [
            "Read these in order.",
            "First: person",
            "Second: project",
            "Third: data",
            "Fourth: report",
        ]
    ]
    assert positions == sorted(positions)
    assert "Why it is here:</strong> The pilot." in html
    assert "It worked." in html and 'href="/projects/home/"' in html


def test_items_pointing_at_unpublished_entries_are_skipped(client, db):
    collection = CollectionFactory(slug="start-here")
    CollectionItemFactory(collection=collection, dataset=DatasetFactory(title="Shown data"))
    CollectionItemFactory(collection=collection, dataset=DatasetFactory(title="Draft data", status="draft"))
    CollectionItemFactory(
        collection=collection, researcher=ResearcherFactory(name="Archived", status="archived")
    )
    hidden_project = ProjectFactory(title="Hidden project", status="draft")
    CollectionItemFactory(
        collection=collection, output=OutputFactory(title="Hidden output", project=hidden_project)
    )
    response = client.get("/collections/start-here/")
    html = response.content.decode()
    assert "Shown data" in html
    for hidden in ["Draft data", "Archived", "Hidden output", "Hidden project"]:
        assert hidden not in html
    assert len(response.context["items"]) == 1


@pytest.mark.parametrize("status", ["draft", "submitted", "archived"])
def test_an_unpublished_collection_is_not_found_by_the_public_or_other_people(client, someone, status):
    CollectionFactory(slug="not-yet", status=status)
    assert client.get("/collections/not-yet/").status_code == 404
    client.force_login(someone)
    assert client.get("/collections/not-yet/").status_code == 404


def test_a_curator_previews_a_draft_with_a_link_to_edit_it(client, curator):
    collection = CollectionFactory(slug="not-yet", status="draft")
    client.force_login(curator)
    html = client.get("/collections/not-yet/").content.decode()
    assert "Only curators can see this page." in html
    assert f'href="/admin/collection/collection/{collection.pk}/change/"' in html


def test_the_theme_of_a_collection_is_linked_only_when_published(client, db):
    CollectionFactory(slug="one", theme=ThemeFactory(name="Published theme"))
    CollectionFactory(slug="two", theme=ThemeFactory(name="Draft theme", status="draft"))
    assert "Published theme" in client.get("/collections/one/").content.decode()
    assert "Draft theme" not in client.get("/collections/two/").content.decode()
    assert "Draft theme" not in client.get("/collections/").content.decode()


def test_the_themes_list_links_to_the_collections(client, db):
    assert 'href="/collections/"' in client.get("/themes/").content.decode()


def fill(collection: Collection, rows: int) -> None:
    theme = ThemeFactory()
    for _ in range(rows):
        researcher = ResearcherFactory()
        researcher.themes.add(theme)
        dataset = DatasetFactory()
        dataset.themes.add(theme)
        project = ProjectFactory()
        project.themes.add(theme)
        CollectionItemFactory(collection=collection, researcher=researcher)
        CollectionItemFactory(collection=collection, dataset=dataset)
        CollectionItemFactory(collection=collection, project=project)
        CollectionItemFactory(collection=collection, output=OutputFactory(project=project))
        CollectionItemFactory(collection=collection, dataset=DatasetFactory(status="draft"))


def test_a_collection_runs_the_same_queries_for_3_or_30_items(count_queries, db):
    collection = CollectionFactory(slug="big")
    fill(collection, 1)
    few = count_queries("/collections/big/")
    fill(collection, 6)
    many = count_queries("/collections/big/")
    assert few == many
    assert many <= 12


def test_the_list_runs_the_same_queries_for_3_or_30_collections(count_queries, db):
    def grow(rows: int) -> None:
        for _ in range(rows):
            CollectionItemFactory(collection=CollectionFactory(theme=ThemeFactory()))

    grow(3)
    few = count_queries("/collections/")
    grow(27)
    assert count_queries("/collections/") == few
