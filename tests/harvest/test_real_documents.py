"""Documents other catalogues really publish (../shared/reference/real-documents): every field the
portal can hold survives the harvest, the same datasets harvested again update rather than duplicate,
and documents built to exhaust the reader get a clear refusal."""

import json

import pytest

from datasets.models import Dataset
from harvest import documents, importer
from harvest.orcid import parse_record
from harvest.researchers import normalised_name, organisations_matching
from tests.factories import DatasetFactory, OrganisationFactory
from tests.reference import reference_path

from .conftest import preview, text_of, upload

pytestmark = pytest.mark.django_db

REAL = "real-documents/"


def real(name: str) -> str:
    return reference_path(REAL + name).read_text(encoding="utf-8")


def records_of(name: str):
    text = real(name)
    records, _ = documents.read(text, documents.detect(text, documents.AUTO))
    return records


def test_a_data_gov_uk_inspire_record_keeps_contact_frequency_and_licence():
    (record,) = records_of("dgu_new_api_package_show_inspire.json")
    assert record.contact_email == "commercial.services@landregistry.gov.uk"
    assert record.update_frequency == "monthly"
    assert record.licence.startswith(
        "The data supplied through this service is subject to PSMA licence terms"
    )
    assert record.formats == ["WMS"]
    assert record.access_url.startswith("http://inspire.landregistry.gov.uk/inspire/ows")


def test_a_data_gov_uk_record_keeps_its_temporal_extent_and_every_resource_format():
    (created,) = records_of("dgu_new_api_package_show_create.json")
    assert (created.start_year, created.end_year) == (2002, 2020)
    assert created.update_frequency == "asNeeded"
    assert created.contact_email == "lpg@ashfield-dc.gov.uk"
    (fords,) = records_of("dgu_package_show_update.json")
    assert fords.formats == ["CSV", "HTML"]
    assert fords.licence == "UK Open Government Licence (OGL)"
    assert fords.contact_email == "durham.opendata@gmail.com"


@pytest.mark.parametrize(
    "name, frequency",
    [
        ("ckdcat_dataset_health.ttl", "daily"),  # an EU frequency term
        ("ckdcat_dataset_gob_es.ttl", "annual"),  # a time:DurationDescription of one year
        ("ckdcat_catalog_pod.jsonld", "annual"),  # R/P1Y, as Project Open Data writes it
    ],
)
def test_dcat_keeps_how_often_a_dataset_is_updated(name, frequency):
    assert records_of(name)[0].update_frequency == frequency


def test_a_healthdcat_dataset_keeps_contact_licence_format_and_period():
    (record,) = records_of("ckdcat_dataset_health.ttl")
    assert record.contact_email == "contact@example.com"
    assert record.licence.startswith("Creative Commons Attribution-NonCommercial")
    assert record.formats == ["CSV"]
    assert (record.start_year, record.end_year) == (2020, 2024)


def test_rdf_xml_is_read():
    records = records_of("ckdcat_catalog.rdf")
    assert [record.title for record in records] == ["Example dataset 1", "Example dataset 2"]
    assert records[0].licence == "https://data.some.org/link/to/license"


def test_json_ld_with_a_graph_is_read():
    (record,) = records_of("ckdcat_catalog_with_at_graph.jsonld")
    assert record.title == "Title dataset" and record.contact_email == "jane.doe@agency.gov"


def test_a_turtle_error_keeps_its_cause(curator_client):
    # The DCAT-AP example of ckanext-dcat itself uses a prefix it never declares.
    response = upload(curator_client, real("ckdcat_dataset.ttl"), "dataset.ttl")
    assert response.status_code == 400
    assert 'Prefix "healthdcatap:" not bound' in text_of(response)


def test_harvesting_our_own_catalogue_updates_our_datasets_instead_of_copying_them(client, curator_client):
    DatasetFactory(title="Our cohort", doi="")
    catalogue = client.get("/catalogue/dcat.ttl").content.decode()
    page = preview(curator_client, catalogue, "dcat.ttl")
    assert "0 to create" in page
    assert Dataset.objects.count() == 1


def test_a_dataset_is_matched_by_its_landing_page(curator_user):
    dataset = DatasetFactory(title="Fords", landing_page="http://datamillnorth.org/dataset/ford-crossings")
    text = real("dgu_package_show_update.json").replace('"url": "https://files', '"url": "https://files')
    data = json.loads(text)
    data["result"]["url"] = "http://datamillnorth.org/dataset/ford-crossings"
    outcome = importer.run(json.dumps(data), "ckan", "data.gov.uk", curator_user, commit=True)
    assert [result.action for result in outcome.results] == ["update"]
    assert "Title" in " ".join(outcome.results[0].changed).title()
    dataset.refresh_from_db()
    assert dataset.title == "Ford Crossings" and dataset.update_frequency == ""
    assert Dataset.objects.count() == 1


@pytest.fixture
def curator_user(curator):
    return curator


def test_orcid_employment_matches_an_organisation_by_ror_first():
    data = json.loads(real("orcid_carberry_v3.json"))
    employment = data["activities-summary"]["employments"]["affiliation-group"][0]["summaries"][0]
    employment["employment-summary"]["organization"]["disambiguated-organization"] = {
        "disambiguated-organization-identifier": "https://ror.org/05h7xva58",
        "disambiguation-source": "ROR",
    }
    record = parse_record(data)
    assert record.organisation_ror == "05h7xva58"
    by_ror = OrganisationFactory(name="Wesleyan Univ.", ror_id="05h7xva58")
    OrganisationFactory(name="Wesleyan University")
    assert organisations_matching(record.organisation, record.organisation_ror) == [by_ror.pk]


def test_orcid_employment_matches_an_organisation_by_its_name_written_alike():
    record = parse_record(json.loads(real("orcid_carberry_v3.json")))
    assert record.organisation_ror == ""  # this record's employer is disambiguated by Ringgold only
    wesleyan = OrganisationFactory(name="The Wesleyan  University")
    assert organisations_matching(record.organisation, "") == [wesleyan.pk]
    assert normalised_name("The University of Leeds") == normalised_name("University of Leeds")
    assert normalised_name("Leeds & York") == normalised_name("Leeds and York")


@pytest.mark.parametrize(
    "document",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"success": true, "result": {"id": "x", "title": "T", "num_resources": ' + "9" * 5000 + "}}",
        '{"@context": {}, "@graph": [' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "]}",
    ],
    ids=["deeply nested JSON", "a 5,000-digit number", "deeply nested JSON-LD"],
)
def test_a_document_built_to_exhaust_the_reader_is_refused_clearly(curator_client, document):
    response = upload(curator_client, document)
    assert response.status_code == 400
    page = text_of(response)
    assert "nests objects or lists too deeply" in page or "cannot be read" in page
