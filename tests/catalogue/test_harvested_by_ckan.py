"""Our catalogue read the way ckanext-dcat's DCAT-AP profile reads a harvested catalogue (rdflib, one
value per predicate, the address of each adms:identifier, the distribution's licence and format, the
contact point's vCard, the places' addresses): the DOI, licence, format, contact point and places survive."""

import pytest
from rdflib import DCAT, DCTERMS, RDF, Graph, URIRef
from rdflib.namespace import Namespace

ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ONS = "http://statistics.data.gov.uk/id/statistical-geography/"


def as_ckan_reads_it(graph: Graph, dataset) -> dict:
    """What ckanext-dcat's profile keeps of a dcat:Dataset (ckanext/dcat/profiles/euro_dcat_ap_base.py)."""
    distribution = graph.value(dataset, DCAT.distribution)
    contact = graph.value(dataset, DCAT.contactPoint)
    return {
        "identifier": str(graph.value(dataset, DCTERMS.identifier) or ""),
        "alternate_identifier": [str(node) for node in graph.objects(dataset, ADMS.identifier)],
        "license": str(graph.value(distribution, DCTERMS.license) or ""),
        "format": str(graph.value(distribution, DCTERMS.format) or ""),
        "mimetype": str(graph.value(distribution, DCAT.mediaType) or ""),
        "contact_email": str(graph.value(contact, VCARD.hasEmail) or ""),
        "spatial_uri": sorted(str(place) for place in graph.objects(dataset, DCTERMS.spatial)),
    }


@pytest.mark.parametrize("suffix, syntax", [(".ttl", "turtle"), (".jsonld", "json-ld")])
def test_what_a_ckan_harvester_keeps_of_our_catalogue(client, complete_dataset, suffix, syntax):
    graph = Graph().parse(data=client.get(f"/catalogue/dcat{suffix}").content, format=syntax)
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    kept = as_ckan_reads_it(graph, dataset)
    assert kept["identifier"] == "https://doi.org/10.1234/bib.2024"
    assert kept["alternate_identifier"] == ["https://doi.org/10.1234/bib.2024"]
    assert kept["license"] == "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    assert kept["format"] == "http://publications.europa.eu/resource/authority/file-type/CSV"
    assert kept["mimetype"] == "https://www.iana.org/assignments/media-types/text/csv"
    assert kept["contact_email"] == "mailto:bib@example.org"
    assert kept["spatial_uri"] == [ONS + "E08000032", ONS + "E08000035", ONS + "E92000001"]


def test_the_doi_says_its_scheme(client, complete_dataset):
    graph = Graph().parse(data=client.get("/catalogue/dcat.ttl").content, format="turtle")
    identifier = URIRef("https://doi.org/10.1234/bib.2024")
    notation = graph.value(identifier, URIRef("http://www.w3.org/2004/02/skos/core#notation"))
    assert str(notation) == "10.1234/bib.2024"
    assert notation.datatype == URIRef("http://purl.org/spar/datacite/doi")


def test_a_dataset_without_a_doi_is_identified_by_its_page(client, complete_dataset):
    complete_dataset.doi = ""
    complete_dataset.save()
    graph = Graph().parse(data=client.get("/catalogue/dcat.ttl").content, format="turtle")
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    assert str(graph.value(dataset, DCTERMS.identifier)) == "http://testserver/datasets/born-in-bradford/"
    assert not list(graph.objects(dataset, ADMS.identifier))
