"""The DCAT-AP output conforms to the DCAT-AP 3.0.1 SHACL shapes (mdr-vocabularies.shape.ttl is not
used: it demands EU Publications Office vocabularies and fails any correct UK catalogue)."""

from rdflib import DCAT, DCTERMS, XSD, Graph, Literal, Namespace, URIRef

from tests.catalogue.conftest import shacl_results
from tests.factories import DatasetFactory

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HEALTH = Namespace("http://healthdataportal.eu/ns/health#")
MANDATORY = ("shapes.ttl", "range.ttl")

# Recommended properties we cannot give without inventing facts, so the only warnings allowed:
# - dct:Location dcat:bbox and dcat:centroid: we record ONS codes, not geometry;
# - dcat:Distribution dcatap:availability: we do not know how long a custodian plans to keep
#   an access route available.
# - the access service (dcat:DataService: a secure environment or data service) has no machine-readable
#   endpoint description, standard, keywords or themes of its own, and who runs it (its dct:publisher) is
#   not recorded: it is often not the custodian (the ONS runs the Secure Research Service for DfE data).
UNAVOIDABLE_WARNINGS = {
    "http://www.w3.org/ns/dcat#bbox",
    "http://www.w3.org/ns/dcat#centroid",
    "http://data.europa.eu/r5r/availability",
    "http://www.w3.org/ns/dcat#endpointDescription",
    "http://purl.org/dc/terms/conformsTo",
    "http://www.w3.org/ns/dcat#keyword",
    "http://www.w3.org/ns/dcat#theme",
    "http://purl.org/dc/terms/publisher",
}
SERVICE_WARNINGS = {
    "http://www.w3.org/ns/dcat#endpointDescription",
    "http://purl.org/dc/terms/conformsTo",
    "http://www.w3.org/ns/dcat#keyword",
    "http://www.w3.org/ns/dcat#theme",
    "http://purl.org/dc/terms/publisher",
}


def graph_at(client, url: str) -> Graph:
    response = client.get(url)
    assert response.status_code == 200, url
    return Graph().parse(data=response.content, format="json-ld")


def assert_conforms(graph: Graph) -> None:
    conforms, results, text = shacl_results(graph, *MANDATORY)
    violations = [result for result in results if result["severity"] == "Violation"]
    assert conforms and not violations, text


def test_the_catalogue_conforms(client, complete_dataset):
    DatasetFactory(start_year=2019, is_ongoing=True)
    DatasetFactory(
        custodian=None, access_level="controlled", licence="Ask the custodian", formats="SPSS, Stata"
    )
    assert_conforms(graph_at(client, "/catalogue/dcat.jsonld"))


def test_a_single_dataset_conforms(client, complete_dataset):
    assert_conforms(graph_at(client, "/datasets/born-in-bradford/dcat.jsonld"))


def test_a_bare_dataset_conforms(client, db):
    bare = DatasetFactory(custodian=None, min_age=None, max_age=None)
    assert_conforms(graph_at(client, f"/datasets/{bare.slug}/dcat.jsonld"))


def test_a_complete_dataset_has_only_the_unavoidable_recommended_warnings(client, complete_dataset):
    graph = graph_at(client, "/datasets/born-in-bradford/dcat.jsonld")
    _, results, text = shacl_results(graph, *MANDATORY, "shapes_recommended.ttl")
    warned = {result["path"] for result in results if result["severity"] == "Warning"}
    assert warned == UNAVOIDABLE_WARNINGS, text
    assert all(result["severity"] == "Warning" for result in results), text
    # The service's own gaps are warned about for the service alone, never for the dataset.
    for result in results:
        if result["path"] in SERVICE_WARNINGS:
            assert result["focus"].endswith("#access-service"), text


def test_the_catalogue_has_only_the_unavoidable_recommended_warnings_and_no_licence(client, complete_dataset):
    graph = graph_at(client, "/catalogue/dcat.jsonld")
    _, results, text = shacl_results(graph, *MANDATORY, "shapes_recommended.ttl")
    warned = {result["path"] for result in results if result["severity"] == "Warning"}
    # The portal has not chosen a licence for its metadata, so the catalogue states none.
    assert warned == UNAVOIDABLE_WARNINGS | {"http://purl.org/dc/terms/license"}, text


def test_the_access_route_is_a_data_service_and_the_contact_point_the_enquiry_form(client, complete_dataset):
    graph = graph_at(client, "/datasets/born-in-bradford/dcat.jsonld")
    assert_conforms(graph)
    page = "http://testserver/datasets/born-in-bradford/"
    service = URIRef(page + "#access-service")
    assert (None, DCAT.accessService, service) in graph
    assert (service, DCTERMS.title, Literal("Born in Bradford data service", lang="en")) in graph
    assert (service, DCAT.endpointURL, URIRef(complete_dataset.access_url)) in graph
    assert (URIRef(page + "#contact-point"), VCARD.hasURL, URIRef(page + "#enquiry")) in graph
    assert (
        URIRef(page + "#dataset"),
        HEALTH.numberOfUniqueIndividuals,
        Literal(13_776, datatype=XSD.nonNegativeInteger),
    ) in graph


def test_a_dataset_without_a_contact_still_has_the_enquiry_form_as_its_contact_point(client, db):
    bare = DatasetFactory(contact_name="", contact_email="")
    graph = graph_at(client, f"/datasets/{bare.slug}/dcat.jsonld")
    assert_conforms(graph)
    page = f"http://testserver/datasets/{bare.slug}/"
    assert (URIRef(page + "#contact-point"), VCARD.hasURL, URIRef(page + "#enquiry")) in graph
