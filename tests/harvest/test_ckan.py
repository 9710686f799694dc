"""Harvesting a CKAN package_search answer: each field mapped, and what is not said so."""

import pytest

from areas.models import Area
from datasets.models import Dataset
from tests.factories import OrganisationFactory

from . import samples
from .conftest import confirm, harvest, preview

pytestmark = pytest.mark.django_db


@pytest.fixture
def nhs_england(db):
    return OrganisationFactory(name="NHS England", slug="nhs-england-org")


@pytest.fixture
def harvested(curator_client, nhs_england):
    harvest(curator_client, samples.package_search(), name="data-gov-uk.json")
    return {dataset.title: dataset for dataset in Dataset.objects.all()}


def test_it_maps_a_package_field_by_field(harvested, nhs_england, curator):
    ncmp = harvested["National Child Measurement Programme"]
    assert ncmp.summary == (
        "The National Child Measurement Programme (NCMP) measures the height and weight of children in "
        "Reception and Year 6 in state-maintained schools in England."
    )
    assert ncmp.description.startswith("The National Child Measurement Programme (NCMP) measures")
    assert ncmp.keywords == "obesity, child health, schools"
    assert ncmp.landing_page == samples.NCMP["url"]
    assert ncmp.access_url == "https://files.digital.nhs.uk/ncmp/ncmp-2022-23.csv"
    assert ncmp.formats == "CSV, XLSX"
    assert ncmp.licence == "UK Open Government Licence (OGL)"
    assert ncmp.custodian == nhs_england
    assert (ncmp.start_year, ncmp.end_year) == (2006, 2023)
    assert ncmp.doi == "10.5281/zenodo.7654321"
    assert (ncmp.contact_name, ncmp.contact_email) == ("NCMP team", "ncmp@example.nhs.uk")
    assert ncmp.access_level == Dataset.AccessLevel.OPEN
    assert ncmp.source_kind == Dataset.SourceKind.OTHER
    assert (ncmp.status, ncmp.author) == (Dataset.Status.DRAFT, curator)


def test_the_custodian_is_matched_by_slug_too(curator_client):
    council = OrganisationFactory(
        name="Leeds City Council (Children and Families)", slug="leeds-city-council"
    )
    harvest(curator_client, samples.package_search(samples.SCHOOLS))
    assert Dataset.objects.get().custodian == council


def test_national_and_local_coverage(harvested):
    cla, schools = (
        harvested["Children looked after in England including adoptions"],
        harvested["School places in Leeds"],
    )
    assert cla.coverage_scope == Dataset.CoverageScope.ENGLAND
    assert schools.coverage_scope == Dataset.CoverageScope.LOCAL
    assert list(schools.areas.all()) == [Area.objects.get(code="E08000035")]


def test_open_only_when_public_with_an_open_licence(harvested):
    assert harvested["Children looked after in England including adoptions"].access_level == "open"
    assert harvested["School places in Leeds"].access_level == Dataset.AccessLevel.SAFEGUARDED


def test_the_author_is_the_contact_when_there_is_no_maintainer(harvested):
    schools = harvested["School places in Leeds"]
    assert (schools.contact_name, schools.contact_email) == (
        "Leeds Data Mill",
        "datamill@example.leeds.gov.uk",
    )


def test_the_preview_lists_what_is_not_mapped_and_what_to_check(curator_client, nhs_england):
    page = preview(curator_client, samples.package_search())
    assert "3 to create, 0 to update and 0 unchanged" in page
    # Groups, the dates and the resources' names and descriptions are mapped now.
    assert "not mapped: creator_user_id, state, type, resources[].created" in page
    assert "extras.theme-primary" in page and "extras.update_frequency" not in page
    assert "resources[].description" not in page
    assert "No organisation in the directory is called “Department for Education”" in page
    assert "Access level set to “Safeguarded”" in page
    assert "Kind of source set to “Other”" in page
    assert not Dataset.objects.exists()


def test_package_show_gives_one_dataset(curator_client):
    harvest(curator_client, samples.package_show(samples.CLA))
    assert list(Dataset.objects.values_list("title", flat=True)) == [samples.CLA["title"]]


def test_a_long_description_is_cut_to_the_summary_limit(curator_client):
    package = dict(samples.CLA, notes="Words " * 200)
    harvest(curator_client, samples.package_search(package))
    summary = Dataset.objects.get().summary
    assert len(summary) <= 400
    assert summary.endswith("Words…")


def test_a_value_our_rules_refuse_is_left_out_with_a_note(curator_client):
    package = dict(samples.CLA, maintainer_email="not an address")
    page = preview(curator_client, samples.package_search(package))
    assert "Contact email “not an address” left out: Enter a valid email address." in page
    confirm(curator_client)
    assert Dataset.objects.get().contact_email == ""


def test_a_partial_page_of_results_is_pointed_out(curator_client):
    page = preview(curator_client, samples.package_search(samples.CLA, count=57))
    assert "The response holds 1 of the 57 datasets" in page
