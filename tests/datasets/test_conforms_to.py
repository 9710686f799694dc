"""The standards a dataset's data follows reach the API, the CSV files, HDR UK's conformsTo and DCAT's
dct:conformsTo (a local format, which has no specification, only HDR UK's LOCAL)."""

import csv
import io

import pytest
from rdflib import DCTERMS, RDF, Graph, URIRef

from tests.factories import DatasetFactory

from .test_hdruk import hdruk, problems, validator  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset():
    return DatasetFactory(
        slug="cprd", title="Child records", conforms_to=["omop", "local"], formats="CSV, Stata"
    )


def test_the_dataset_page_names_them_with_a_link_to_each_specification(client, dataset):
    page = client.get(dataset.get_absolute_url()).content.decode()
    assert "<dt>Standards it follows</dt>" in page
    assert (
        '<a href="https://ohdsi.github.io/CommonDataModel/">OMOP Common Data Model</a>, A local format'
        in page
    )


def test_the_api_gives_them(client, dataset):
    assert client.get("/api/v1/datasets/cprd/").json()["conforms_to"] == ["omop", "local"]


def test_the_csv_download_gives_them_as_an_import_reads_them(client, dataset):
    body = b"".join(client.get("/datasets/?format=csv").streaming_content).decode("utf-8-sig")
    [row] = csv.DictReader(io.StringIO(body))
    assert row["conforms_to"] == "omop; local"


def test_hdruk_gives_its_names_and_validates(client, dataset, validator):  # noqa: F811
    document = hdruk(client, dataset)
    assert document["accessibility"]["formatAndStandards"] == {
        "vocabularyEncodingScheme": [],
        "conformsTo": ["OMOP", "LOCAL"],
        "language": ["en"],
        "format": ["CSV", "Stata"],
    }
    assert problems(validator, document) == []


def test_hdruk_leaves_the_section_out_when_none_is_recorded(client, validator):  # noqa: F811
    document = hdruk(client, DatasetFactory(slug="plain"))
    assert document["accessibility"]["formatAndStandards"] is None


def test_dcat_gives_each_standards_address(client, dataset):
    graph = Graph().parse(data=client.get("/datasets/cprd/dcat.jsonld").content, format="json-ld")
    node = next(graph.subjects(RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")))
    standards = set(graph.objects(node, DCTERMS.conformsTo))
    assert standards == {URIRef("https://ohdsi.github.io/CommonDataModel/")}
    assert (URIRef("https://ohdsi.github.io/CommonDataModel/"), RDF.type, DCTERMS.Standard) in graph
