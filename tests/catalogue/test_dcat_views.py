"""The DCAT-AP addresses: formats by suffix and Accept header, published datasets only, fixed queries.

Paging of the catalogue is in test_dcat_paging.py.
"""

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic

from catalogue.dcat import HYDRA
from tests.factories import DatasetFactory, OrganisationFactory, ThemeFactory

CATALOGUE = "/catalogue/dcat"
ONE = "/datasets/born-in-bradford/dcat"
HIDDEN = ["draft", "submitted", "archived"]


def parsed(response, rdf_format: str) -> Graph:
    return Graph().parse(data=response.content, format=rdf_format)


def without_paging(graph: Graph) -> Graph:
    """The graph less its Hydra paging, whose links name the format of the page they are on."""
    for page in graph.subjects(ns.RDF.type, HYDRA.PagedCollection):
        graph.remove((page, None, None))
    return graph


@pytest.mark.parametrize("base", [CATALOGUE, ONE])
def test_json_ld_and_turtle_say_the_same(client, complete_dataset, base):
    json_ld = client.get(base + ".jsonld")
    turtle = client.get(base + ".ttl")
    assert json_ld["Content-Type"] == "application/ld+json; charset=utf-8"
    assert turtle["Content-Type"] == "text/turtle; charset=utf-8"
    assert isomorphic(without_paging(parsed(json_ld, "json-ld")), without_paging(parsed(turtle, "turtle")))


@pytest.mark.parametrize("suffix, rdf_format", [(".ttl", "turtle"), (".jsonld", "json-ld"), ("", "json-ld")])
def test_the_page_links_keep_the_format_of_the_page(client, complete_dataset, suffix, rdf_format):
    graph = parsed(client.get(CATALOGUE + suffix), rdf_format)
    first = graph.value(URIRef(f"http://testserver{CATALOGUE}{suffix}?page=1"), HYDRA.firstPage)
    assert first == Literal(f"http://testserver{CATALOGUE}{suffix}?page=1")


def test_json_ld_carries_its_own_context(client, complete_dataset):
    context = client.get(CATALOGUE + ".jsonld").json()["@context"]
    # Only prefix → namespace pairs: nothing a parser would have to fetch.
    assert all(isinstance(value, str) and value.endswith(("#", "/")) for value in context.values())


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
        ("application/ld+json;q=0.2, text/turtle", "text/turtle"),
        ("*/*", "application/ld+json"),
        ("", "application/ld+json"),
    ],
)
@pytest.mark.parametrize("base", [CATALOGUE, ONE])
def test_the_accept_header_chooses_the_format(client, complete_dataset, base, accept, content_type):
    response = client.get(base, headers={"accept": accept} if accept else {})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert "Accept" in response["Vary"]


@pytest.mark.parametrize("base", [CATALOGUE, ONE])
def test_an_unoffered_format_is_refused_with_the_choices(client, complete_dataset, base):
    response = client.get(base, headers={"accept": "text/html"})
    assert response.status_code == 406
    assert response["Content-Type"].startswith("text/plain")
    assert b"text/turtle" in response.content and b"application/ld+json" in response.content


def test_the_suffix_wins_over_the_accept_header(client, complete_dataset):
    response = client.get(ONE + ".ttl", headers={"accept": "application/ld+json"})
    assert response["Content-Type"].startswith("text/turtle")


@pytest.mark.parametrize("status", HIDDEN)
def test_unpublished_datasets_are_neither_catalogued_nor_served(client, db, status):
    shown = DatasetFactory(title="Shown")
    hidden = DatasetFactory(title="Hidden", status=status)
    catalogue = client.get(CATALOGUE + ".ttl").content.decode()
    assert shown.slug in catalogue and hidden.slug not in catalogue and "Hidden" not in catalogue
    for suffix in ("", ".ttl", ".jsonld"):
        assert client.get(f"/datasets/{hidden.slug}/dcat{suffix}").status_code == 404


def test_a_draft_is_not_served_even_to_a_curator(curator_client, db):
    draft = DatasetFactory(status="draft")
    assert curator_client.get(f"/datasets/{draft.slug}/dcat.ttl").status_code == 404


def test_unpublished_custodians_and_themes_are_left_out(client, db):
    dataset = DatasetFactory(custodian=OrganisationFactory(name="Secret Org", status="draft"))
    dataset.themes.add(ThemeFactory(name="Secret theme", status="draft"))
    text = client.get(f"/datasets/{dataset.slug}/dcat.ttl").content.decode()
    assert "Secret" not in text


def test_a_dataset_says_where_when_and_how(client, complete_dataset):
    graph = parsed(client.get(ONE + ".ttl"), "turtle")
    node = URIRef("http://testserver/datasets/born-in-bradford/#dataset")
    places = {str(place) for place in graph.objects(node, ns.DCTERMS.spatial)}
    assert "http://statistics.data.gov.uk/id/statistical-geography/E92000001" in places
    assert "http://statistics.data.gov.uk/id/statistical-geography/E08000032" in places
    period = graph.value(node, ns.DCTERMS.temporal)
    assert graph.value(period, ns.DCAT.startDate) == Literal("2007", datatype=ns.XSD.gYear)
    assert graph.value(period, ns.DCAT.endDate) == Literal("2024", datatype=ns.XSD.gYear)
    rights = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
    assert graph.value(node, ns.DCTERMS.accessRights) == URIRef(rights)
    assert graph.value(node, ns.DCTERMS.publisher) == URIRef("https://ror.org/01v29qb04")
    distribution = graph.value(node, ns.DCAT.distribution)
    assert (distribution, ns.RDF.type, ns.DCAT.Distribution) in graph


@pytest.mark.parametrize("end_year", [2019, None], ids=["ending-that-year", "no-end-year"])
@pytest.mark.parametrize("suffix, rdf_format", [(".ttl", "turtle"), (".jsonld", "json-ld")])
def test_a_single_year_period_ends_the_year_it_starts(client, db, end_year, suffix, rdf_format):
    dataset = DatasetFactory(start_year=2019, end_year=end_year, is_ongoing=False)
    graph = parsed(client.get(f"/datasets/{dataset.slug}/dcat{suffix}"), rdf_format)
    node = URIRef(f"http://testserver/datasets/{dataset.slug}/#dataset")
    period = graph.value(node, ns.DCTERMS.temporal)
    assert graph.value(period, ns.DCAT.startDate) == Literal("2019", datatype=ns.XSD.gYear)
    assert graph.value(period, ns.DCAT.endDate) == Literal("2019", datatype=ns.XSD.gYear)


def test_an_ongoing_dataset_has_no_end_and_uk_wide_is_the_uk(client, db):
    dataset = DatasetFactory(start_year=2019, is_ongoing=True, coverage_scope="uk", access_level="controlled")
    graph = parsed(client.get(f"/datasets/{dataset.slug}/dcat.ttl"), "turtle")
    node = URIRef(f"http://testserver/datasets/{dataset.slug}/#dataset")
    period = graph.value(node, ns.DCTERMS.temporal)
    assert graph.value(period, ns.DCAT.endDate) is None
    assert graph.value(node, ns.DCTERMS.spatial) == URIRef(
        "http://statistics.data.gov.uk/id/statistical-geography/K02000001"
    )
    assert str(graph.value(node, ns.DCTERMS.accessRights)).endswith("/NON_PUBLIC")
    assert graph.value(node, ns.DCAT.distribution) is None


def test_the_catalogue_runs_the_same_queries_for_2_or_20_datasets(
    client, django_assert_num_queries, bradford, complete_dataset
):
    # The whole catalogue's count and dates, the page's rows, their themes, their areas, their counts.
    def grow(rows: int) -> None:
        for _ in range(rows):
            dataset = DatasetFactory(custodian=OrganisationFactory(), contact_email="team@example.org")
            dataset.areas.add(bradford)
            dataset.themes.add(ThemeFactory())

    grow(1)
    with django_assert_num_queries(5):
        client.get(CATALOGUE + ".ttl")
    grow(19)
    with django_assert_num_queries(5):
        assert client.get(CATALOGUE + ".ttl").content.decode().count("a dcat:Dataset") == 21
