import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.policy import Action, can
from collection.models import Collection, CollectionItem
from tests.factories import (
    CollectionFactory,
    CollectionItemFactory,
    DatasetFactory,
    OutputFactory,
    ProjectFactory,
    ResearcherFactory,
)


def test_an_item_with_two_targets_is_refused_by_the_database(db):
    collection = CollectionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        CollectionItem.objects.create(
            collection=collection, dataset=DatasetFactory(), project=ProjectFactory()
        )


def test_an_item_with_no_target_is_refused_by_the_database(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        CollectionItem.objects.create(collection=CollectionFactory())


def test_an_item_with_two_targets_is_explained_next_to_them(db):
    item = CollectionItem(
        collection=CollectionFactory(), researcher=ResearcherFactory(), output=OutputFactory()
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert set(error.value.message_dict) == {"researcher", "output"}
    assert "only one of them" in error.value.message_dict["output"][0]


def test_an_item_with_no_target_is_explained(db):
    with pytest.raises(ValidationError) as error:
        CollectionItem(collection=CollectionFactory()).full_clean()
    assert error.value.messages == [
        "An item is one thing: choose a researcher, a dataset, a project or an output, and only one of them."
    ]


def test_an_item_with_one_target_is_valid(db):
    CollectionItem(
        collection=CollectionFactory(), project=ProjectFactory(), note="The first trial"
    ).full_clean()


def test_items_come_in_position_order(db):
    collection = CollectionFactory()
    third = CollectionItemFactory(collection=collection, position=30)
    first = CollectionItemFactory(collection=collection, position=10)
    second = CollectionItemFactory(collection=collection, position=20)
    assert list(collection.items.all()) == [first, second, third]


def test_a_collection_gets_a_slug_from_its_title(db):
    assert CollectionFactory(title="Start here: school readiness").slug == "start-here-school-readiness"


def test_only_curators_may_see_a_draft_and_only_curators_may_change_a_collection(db, curator, someone):
    draft, published = CollectionFactory(status="draft"), CollectionFactory()
    assert can(curator, Action.VIEW, draft) and can(curator, Action.EDIT, published)
    assert not can(someone, Action.VIEW, draft)
    assert not can(someone, Action.EDIT, published)
    assert not can(someone, Action.SUGGEST, Collection)
    assert can(someone, Action.VIEW, published)
