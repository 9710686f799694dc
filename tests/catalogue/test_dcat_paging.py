"""The catalogue a page at a time: Hydra links and totals as CKAN writes them, every published dataset
exactly once across the pages, 400 for a page it does not have, and the same queries on every page."""

import pytest
from django.test import override_settings
from hypothesis import example, given
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib import namespace as ns

from catalogue.dcat import HYDRA
from datasets.models import Dataset
from tests.factories import DatasetFactory, OrganisationFactory, ThemeFactory
from tests.hostile.inputs import fuzz

CATALOGUE = "/catalogue/dcat.ttl"
# Published datasets among a few hundred, drafts and archived ones between them so that ids have gaps.
PUBLISHED = 180


@pytest.fixture
def directory(db):
    custodian = OrganisationFactory()
    statuses = ["published", "published", "published", "draft", "published", "archived"]
    created = [
        DatasetFactory(custodian=custodian, status=statuses[number % len(statuses)])
        for number in range(PUBLISHED * len(statuses) // 4)
    ]
    assert sum(dataset.status == "published" for dataset in created) == PUBLISHED
    return created


def fetch(client, address: str) -> tuple[Graph, dict]:
    """The page at `address` (as its links give it), and its Hydra description by term name."""
    response = client.get(address)
    assert response.status_code == 200, response.content
    graph = Graph().parse(data=response.content, format="turtle")
    [page] = graph.subjects(ns.RDF.type, HYDRA.PagedCollection)
    paging = {
        str(term).rsplit("#", 1)[1]: value.toPython() for _, term, value in graph.triples((page, None, None))
    }
    paging["self"] = str(page)
    return graph, paging


def datasets_on(graph: Graph) -> list[str]:
    return sorted(str(node) for node in graph.subjects(ns.RDF.type, ns.DCAT.Dataset))


def address(number: int) -> str:
    return f"http://testserver{CATALOGUE}?page={number}"


@fuzz(3)
@given(size=st.integers(min_value=6, max_value=PUBLISHED + 5))
@example(size=PUBLISHED - 1)
@example(size=PUBLISHED)
@example(size=PUBLISHED + 1)
@example(size=7)
def test_following_the_next_pages_finds_every_published_dataset_once(client, directory, size):
    with override_settings(DCAT_PAGE_SIZE=size):
        walk(client, size)


def walk(client, size: int) -> None:
    last = -(-PUBLISHED // size)
    seen: list[str] = []
    pages: list[dict] = []
    link: str | None = f"http://testserver{CATALOGUE}"
    while link:
        graph, paging = fetch(client, link)
        pages.append(paging)
        seen += datasets_on(graph)
        link = paging.get("nextPage")
        assert len(pages) <= last, "the next links go round in a loop"
    expected = sorted(
        f"http://testserver{dataset.get_absolute_url()}#dataset" for dataset in Dataset.objects.published()
    )
    assert sorted(seen) == expected and len(seen) == len(set(seen))
    assert [page["self"] for page in pages] == [address(number) for number in range(1, last + 1)]
    for number, page in enumerate(pages, start=1):
        assert page["totalItems"] == PUBLISHED and page["itemsPerPage"] == size
        assert page["firstPage"] == address(1) and page["lastPage"] == address(last)
        assert page.get("previousPage") == (address(number - 1) if number > 1 else None)
        assert page.get("nextPage") == (address(number + 1) if number < last else None)


def test_pages_follow_the_order_datasets_were_added_in(client, directory, settings):
    settings.DCAT_PAGE_SIZE = 50
    published = [f"http://testserver{d.get_absolute_url()}#dataset" for d in directory if d.is_published]
    graph, _ = fetch(client, address(2))
    assert datasets_on(graph) == sorted(published[50:100])


def test_an_empty_catalogue_has_one_page_and_says_so(client, db):
    _, paging = fetch(client, CATALOGUE)
    assert paging["totalItems"] == 0
    assert paging["lastPage"] == address(1)
    assert "nextPage" not in paging and "previousPage" not in paging
    assert client.get(CATALOGUE + "?page=2").status_code == 400


@pytest.mark.parametrize("page", ["0", "-1", "4", "99999999999999999999", "abc", "1.5", "", "٣", "1e3"])
@pytest.mark.parametrize("base", ["/catalogue/dcat", "/catalogue/dcat.ttl", "/catalogue/dcat.jsonld"])
def test_a_page_it_does_not_have_is_refused_with_the_pages_it_has(client, db, settings, base, page):
    settings.DCAT_PAGE_SIZE = 2
    DatasetFactory.create_batch(5)
    response = client.get(base, {"page": page})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"from 1 to 3" in response.content and b"5 published datasets, 2 to a page" in response.content


def test_the_last_page_is_served(client, db, settings):
    settings.DCAT_PAGE_SIZE = 2
    DatasetFactory.create_batch(5)
    graph, paging = fetch(client, address(3))
    assert len(datasets_on(graph)) == 1 and "nextPage" not in paging


@pytest.mark.parametrize("number", [1, 4])
def test_every_page_runs_the_same_queries_however_full(
    client, db, settings, bradford, django_assert_num_queries, number
):
    # The whole catalogue's count and dates, the page's rows with custodians, their themes, areas and counts.
    settings.DCAT_PAGE_SIZE = 10
    for _ in range(35):
        dataset = DatasetFactory(custodian=OrganisationFactory(), contact_email="team@example.org")
        dataset.areas.add(bradford)
        dataset.themes.add(ThemeFactory())
    with django_assert_num_queries(5):
        graph, _ = fetch(client, address(number))
    assert len(datasets_on(graph)) == (10 if number == 1 else 5)
    assert len(list(graph.subject_objects(ns.DCAT.theme))) == len(datasets_on(graph))


def test_the_catalogue_dates_describe_every_page_not_only_this_one(client, directory, settings):
    settings.DCAT_PAGE_SIZE = 10
    catalogue = URIRef("http://testserver/catalogue/dcat#catalogue")
    first, _ = fetch(client, address(1))
    later, _ = fetch(client, address(5))
    for term in (ns.DCTERMS.issued, ns.DCTERMS.modified):
        assert first.value(catalogue, term) == later.value(catalogue, term) is not None
