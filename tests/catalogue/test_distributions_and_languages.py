"""Every distribution a dataset is published as is its own dcat:Distribution; its languages are EU language
authority addresses; its source catalogue's dates are dct:issued and dct:modified; and the output still
conforms to DCAT-AP 3 (no violation, no new recommended-property warning)."""

import datetime

from rdflib import DCAT, DCTERMS, RDF, URIRef

from tests.catalogue.conftest import shacl_results
from tests.catalogue.test_shacl import assert_conforms, graph_at
from tests.factories import DatasetFactory

DISTRIBUTIONS = (
    "Annual tables | CSV | https://example.org/tables.csv\n"
    "https://example.org/api\n"
    "Codebook |  | https://example.org/codebook"
)


def make_dataset():
    return DatasetFactory(
        slug="published-three-ways",
        access_url="https://example.org/apply",
        licence="Open Government Licence v3.0",
        distributions=DISTRIBUTIONS,
        language="eng, cym",
        issued=datetime.date(2019, 4, 1),
        modified=datetime.date(2024, 2, 29),
    )


def test_each_distribution_is_a_node_of_its_own(client, db):
    make_dataset()
    graph = graph_at(client, "/datasets/published-three-ways/dcat.jsonld")
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    addresses = {
        str(graph.value(distribution, DCAT.accessURL))
        for distribution in graph.objects(dataset, DCAT.distribution)
    }
    assert addresses == {
        "https://example.org/apply",
        "https://example.org/tables.csv",
        "https://example.org/api",
        "https://example.org/codebook",
    }
    tables = next(graph.subjects(DCAT.accessURL, URIRef("https://example.org/tables.csv")))
    assert str(graph.value(tables, DCTERMS.title)) == "Annual tables"
    assert graph.value(tables, DCTERMS.format) == URIRef(
        "http://publications.europa.eu/resource/authority/file-type/CSV"
    )


def test_languages_and_the_sources_dates(client, db):
    make_dataset()
    graph = graph_at(client, "/datasets/published-three-ways/dcat.jsonld")
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    assert set(map(str, graph.objects(dataset, DCTERMS.language))) == {
        "http://publications.europa.eu/resource/authority/language/ENG",
        "http://publications.europa.eu/resource/authority/language/CYM",
    }
    assert str(graph.value(dataset, DCTERMS.issued)).startswith("2019-04-01")
    assert str(graph.value(dataset, DCTERMS.modified)).startswith("2024-02-29")


def test_it_conforms_and_a_distribution_is_warned_of_only_what_it_lacks(client, db):
    make_dataset()
    graph = graph_at(client, "/datasets/published-three-ways/dcat.jsonld")
    assert_conforms(graph)
    _, results, text = shacl_results(graph, "shapes.ttl", "range.ttl", "shapes_recommended.ttl")
    warned = {
        (result["focus"].rsplit("#", 1)[-1], result["path"].rsplit("/", 1)[-1])
        for result in results
        if "#distribution-" in result["focus"]
    }
    # Availability is never known (see test_shacl); the api and the codebook have no format.
    assert warned == {
        ("distribution-1", "availability"),
        ("distribution-2", "availability"),
        ("distribution-2", "format"),
        ("distribution-3", "availability"),
        ("distribution-3", "format"),
    }, text
