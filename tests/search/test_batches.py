"""A rebuild builds documents in batches (search.batches): the same documents, text, weights and facets,
as the builders a save reindexes an entry with (search.documents). Runs on both engines."""

import pytest

from search import indexing
from search.batches import Addresses, Batches
from search.documents import BUILDERS
from search.highlight import VARIABLE_MARK
from search.models import Kind, SearchEntry, SearchFacet, SearchPlace
from tests.factories import DatasetFactory, OrganisationFactory, ProjectFactory, ResearcherFactory
from tests.search.conftest import demo_directory

pytestmark = pytest.mark.django_db
demo = demo_directory


def one_by_one(kind: str) -> list:
    """The documents of every published entry of `kind`, each built alone by the per-entry builder."""
    model, build = BUILDERS[kind]
    return [
        document
        for pk in model.objects.published().order_by("pk").values_list("pk", flat=True)
        for document in build(model.objects.filter(pk=pk))
    ]


def in_batches(kind: str, size: int) -> list:
    model, _ = BUILDERS[kind]
    ids = list(model.objects.published().order_by("pk").values_list("pk", flat=True))
    batches = Batches()
    return [
        document
        for start in range(0, len(ids), size)
        for document in batches.documents(kind, ids[start : start + size])
    ]


@pytest.mark.parametrize("kind", list(BUILDERS))
@pytest.mark.parametrize("size", [1, 7, 1000])
def test_batches_build_the_documents_the_per_entry_builders_build(demo, kind, size):
    expected = one_by_one(kind)
    assert len(expected) >= 3
    # A document holds its text column by column in order (so the words' positions, and phrases, are
    # the same), its summary, facts, ages and facets.
    assert in_batches(kind, size) == expected


def test_the_demo_directory_links_what_the_comparison_needs(demo):
    documents = {document.title: document for document in one_by_one(Kind.RESEARCHER)}
    person = documents["Professor Amara Ashworth"]
    # Linked names reach through projects to their themes and data, and places through them to areas.
    assert "Born in Bradford" in person.linked
    assert any(name == "place" for name, _, _ in person.facets)
    # Some datasets name their variables.
    keywords = [text for document in one_by_one(Kind.DATASET) for text in document.keywords]
    assert any(text.startswith(VARIABLE_MARK) for text in keywords)


def rows() -> tuple[list, list, list]:
    entries = list(
        SearchEntry.objects.order_by("kind", "object_id").values_list(
            "kind", "object_id", "url", "title", "keywords", "linked", "body", "summary", "facts", "updated",
            "age_from", "age_to",
        )
    )  # fmt: skip
    facets = sorted(
        SearchFacet.objects.values_list("entry__kind", "entry__object_id", "name", "value", "label")
    )
    places = sorted(SearchPlace.objects.values_list("entry__kind", "entry__object_id", "value"))
    return entries, facets, places


def test_a_rebuild_writes_the_rows_a_reindex_of_each_entry_writes(demo):
    indexing.rebuild()
    rebuilt = rows()
    for model, _ in BUILDERS.values():
        for pk in model.objects.published().values_list("pk", flat=True):
            indexing.reindex(model, [pk])
    assert rows() == rebuilt
    assert len(rebuilt[0]) > 100 and len(rebuilt[1]) > 500 and len(rebuilt[2]) > 100


def test_a_batch_shows_only_published_links():
    hidden = OrganisationFactory(name="Hidden Trust", status="draft")
    person = ResearcherFactory(name="Ada Byrne", organisation=hidden)
    project = ProjectFactory(title="Unseen work", status="draft")
    dataset = DatasetFactory(title="Draft cohort", status="draft")
    person.memberships.create(project=project, role="lead")
    (document,) = Batches().documents(Kind.RESEARCHER, [person.pk])
    assert document.linked == [
        text for text in document.linked if "Hidden" not in text and "Unseen" not in text
    ]
    assert list(Batches().documents(Kind.DATASET, [dataset.pk])) == []


@pytest.mark.parametrize("slug", ["ada-byrne", "Ada_Byrne-2", "people", "datasets", "2024"])
def test_an_address_made_from_a_slug_is_the_one_the_entry_gives(slug):
    addresses = Addresses()
    for factory in (ResearcherFactory, DatasetFactory, ProjectFactory):
        addresses.of(factory.build(slug="first-one"))  # the address's parts, from another entry
        entry = factory.build(slug=slug)
        assert addresses.of(entry) == entry.get_absolute_url()
        assert entry.slug == slug
