"""Documents other catalogues really publish (../shared/reference/real-documents): every field the
portal can hold survives the harvest, the same datasets harvested again update rather than duplicate,
and documents built to exhaust the reader get a clear refusal."""

import json

import pytest

from datasets.models import Dataset
from harvest import documents, importer, researchers
from harvest.orcid import parse_record
from harvest.researchers import normalised_name, organisations_matching
from people.models import Link, OtherIdentifier, Researcher
from tests.factories import DatasetFactory, OrganisationFactory, ThemeFactory
from tests.reference import reference_path
from tests.transfer.conftest import as_dicts, read_csv

from .conftest import preview, text_of, upload

pytestmark = pytest.mark.django_db

REAL = "real-documents/"
CARBERRY = "0000-0002-1825-0097"


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


def test_orcid_import_keeps_other_names_links_and_identifiers(curator_user, client):
    researcher = researchers.run(
        real("orcid_carberry_v3.json"), CARBERRY, curator_user, commit=True
    ).researcher
    assert researcher.other_name_list == ["Josiah Stinkney Carberry", "J. Carberry", "J. S. Carberry"]
    assert researcher.link_list == [
        Link("Brown University Page", "http://library.brown.edu/about/hay/carberry.php"),
        Link("Wikipedia Entry", "http://en.wikipedia.org/wiki/Josiah_Carberry"),
    ]
    scopus = "http://www.scopus.com/inward/authorDetails.url?authorID=7007156898&partnerID=MN8TOARS"
    assert researcher.other_identifier_list == [OtherIdentifier("Scopus Author ID", "7007156898", scopus)]
    Researcher.objects.filter(pk=researcher.pk).update(status="published")

    page = text_of(client.get(researcher.get_absolute_url()))
    assert "J. S. Carberry" in page and f'<a href="{scopus}">7007156898</a>' in page
    assert '<a href="http://en.wikipedia.org/wiki/Josiah_Carberry">Wikipedia Entry</a>' in page
    shown = client.get(f"/api/v1/researchers/{researcher.slug}/").json()
    assert shown["other_names"][1] == "J. Carberry"
    assert shown["links"][0] == {
        "name": "Brown University Page",
        "url": "http://library.brown.edu/about/hay/carberry.php",
    }
    assert shown["other_identifiers"] == [
        {"system": "Scopus Author ID", "identifier": "7007156898", "url": scopus}
    ]
    (row,) = as_dicts(read_csv(client.get("/researchers/?format=csv")))
    assert row["other_names"].splitlines()[0] == "Josiah Stinkney Carberry"
    assert row["other_identifiers"] == f"Scopus Author ID | 7007156898 | {scopus}"
    assert row["links"].count("\n") == 1


def test_a_dcat_dataset_keeps_all_three_distributions_on_its_page_api_and_csv(curator_user, client):
    outcome = importer.run(real("ckdcat_catalog.rdf"), "dcat", "data.some.org", curator_user, commit=True)
    assert outcome.imported, outcome.problems
    dataset = Dataset.objects.get(title="Example dataset 1")
    base = "https://data.some.org/the/actual/catalog/"
    assert sorted(dataset.distribution_list) == [
        ("A distribution for this dataset as an API", "", base + "link/to/an/api"),
        ("A distribution for this dataset in CSV format", "text/csv", base + "datasets/1/resources/1.csv"),
        ("A distribution for this dataset in PDF format", "", base + "datasets/1/resources/2.pdf"),
    ]
    Dataset.objects.filter(pk=dataset.pk).update(status="published")
    page = text_of(client.get(dataset.get_absolute_url()))
    assert f'<a href="{base}link/to/an/api">A distribution for this dataset as an API</a>' in page
    shown = client.get(f"/api/v1/datasets/{dataset.slug}/").json()
    assert [distribution["url"] for distribution in shown["distributions"]] == [
        url for _, _, url in dataset.distribution_list
    ]
    (row,) = as_dicts(read_csv(client.get("/datasets/?format=csv")))
    assert row["distributions"] == dataset.distributions and row["distributions"].count("\n") == 2


def test_a_ckan_package_keeps_all_three_resources(curator_user):
    data = json.loads(real("dgu_package_show_update.json"))
    data["result"]["resources"].append(
        {"name": "Ford crossings API", "format": "json", "url": "https://example.org/api"}
    )
    importer.run(json.dumps(data), "ckan", "data.gov.uk", curator_user, commit=True)
    dataset = Dataset.objects.get()
    assert [(d.format, d.url.rsplit("/", 1)[-1]) for d in dataset.distribution_list] == [
        ("CSV", "Ford_crossings.csv"),
        ("HTML", "ford-crossings"),
        ("JSON", "api"),
    ]


def test_dcat_themes_match_ours_by_label_or_address_and_the_others_are_listed_not_matched(curator_client):
    sport = ThemeFactory(name="Deporte")  # datos.gob.es names it by address only: …/sector/deporte
    page = preview(curator_client, real("ckdcat_dataset_gob_es.ttl"), "dataset.ttl")
    assert "Deporte" in page and "not matched" not in page
    manufacturing = ThemeFactory(name="Manufacturing!")  # the POD catalogue's theme, written otherwise
    (record,) = records_of("ckdcat_catalog_pod.jsonld")
    notes: list[str] = []
    assert importer.themes_matching(record, notes.append) == [manufacturing.pk]
    (health,) = records_of("ckdcat_dataset_health.ttl")
    assert importer.themes_matching(health, notes.append) == []
    assert notes == [
        "The theme “http://publications.europa.eu/resource/authority/data-theme/HEAL” is not matched: no "
        "theme in the directory has that name."
    ]
    assert sport.pk not in importer.themes_matching(health, notes.append)


def test_dcat_languages_and_the_sources_dates_are_kept(curator_user, client):
    importer.run(real("ckdcat_dataset_health.ttl"), "dcat", "healthdata.be", curator_user, commit=True)
    dataset = Dataset.objects.get()
    assert dataset.language_codes == ["eng", "fra", "nld"]
    assert (str(dataset.issued), str(dataset.modified)) == ("2024-01-01", "2024-12-31")
    assert dataset.created.date() != dataset.issued  # ours stay ours
    Dataset.objects.filter(pk=dataset.pk).update(status="published")
    page = text_of(client.get(dataset.get_absolute_url()))
    assert "English, French, Dutch" in page and "31 December 2024" in page
    shown = client.get(f"/api/v1/datasets/{dataset.slug}/").json()
    assert (shown["languages"], shown["issued"], shown["modified"]) == (
        ["eng", "fra", "nld"],
        "2024-01-01",
        "2024-12-31",
    )
    (row,) = as_dicts(read_csv(client.get("/datasets/?format=csv")))
    assert (row["language"], row["issued"], row["modified"]) == ("eng, fra, nld", "2024-01-01", "2024-12-31")


def test_ckan_dates_language_and_groups_are_kept(curator_user):
    early_years = ThemeFactory(name="Early years, for tests")
    data = json.loads(real("dgu_new_api_package_show_create.json"))
    data["result"]["groups"] = [
        {"name": "early-years", "title": "Early Years (for tests)"},
        {"title": "Transport"},
    ]
    outcome = importer.run(json.dumps(data), "ckan", "data.gov.uk", curator_user, commit=True)
    dataset = Dataset.objects.get()
    assert list(dataset.themes.all()) == [early_years]
    assert (
        "The theme “Transport” is not matched: no theme in the directory has that name."
        in outcome.results[0].notes
    )
    assert dataset.language_codes == ["eng"]
    assert (str(dataset.issued), str(dataset.modified)) == ("2018-10-25", "2018-10-25")
