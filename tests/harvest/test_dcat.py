"""Harvesting a DCAT catalogue, in Turtle or JSON-LD: the same datasets either way."""

import pytest

from areas.models import Area
from datasets.models import Dataset
from harvest.models import HarvestedRecord
from tests.factories import OrganisationFactory

from . import samples
from .conftest import harvest, preview

pytestmark = pytest.mark.django_db

FIELDS = [
    "title",
    "summary",
    "description",
    "keywords",
    "landing_page",
    "access_url",
    "formats",
    "licence",
    "custodian__name",
    "start_year",
    "end_year",
    "coverage_scope",
    "doi",
    "contact_name",
    "contact_email",
    "access_level",
    "source_kind",
    "status",
]


@pytest.fixture
def bihr(db):
    return OrganisationFactory(name="Bradford Institute for Health Research")


def test_it_maps_a_turtle_dataset_field_by_field(curator_client, bihr):
    harvest(curator_client, samples.TURTLE, name="catalogue.ttl")
    bib = Dataset.objects.get(title="Born in Bradford")
    assert bib.summary == "A birth cohort of 13,776 children born in Bradford between 2007 and 2011."
    assert bib.description.endswith("Families were recruited in pregnancy.")
    assert bib.keywords == "birth cohort, child health"
    assert bib.landing_page == "https://borninbradford.nhs.uk/"
    assert bib.access_url == "https://borninbradford.nhs.uk/research/how-to-access-data/"
    assert bib.formats == "CSV"
    assert bib.licence == "Open Government Licence v3.0"
    assert bib.custodian == bihr
    assert (bib.start_year, bib.end_year) == (2007, 2024)
    assert list(bib.areas.all()) == [Area.objects.get(code="E08000032")]
    assert bib.coverage_scope == Dataset.CoverageScope.LOCAL
    assert bib.doi == "10.1093/ije/dys064"
    assert (bib.contact_name, bib.contact_email) == ("Born in Bradford data team", "bib.data@example.nhs.uk")
    assert bib.access_level == Dataset.AccessLevel.SAFEGUARDED
    assert HarvestedRecord.objects.get(dataset=bib).identifier == f"dcat:{samples.BIB_IRI}"


def test_a_blank_node_dataset_is_known_by_its_identifier(curator_client):
    harvest(curator_client, samples.TURTLE, name="catalogue.ttl")
    send = Dataset.objects.get(title="Special educational needs in the North West")
    assert send.coverage_scope == Dataset.CoverageScope.UK
    assert send.access_level == Dataset.AccessLevel.OPEN
    assert send.summary == send.title
    assert HarvestedRecord.objects.get(dataset=send).identifier == "dcat:nw-send-2023"


def test_json_ld_gives_the_same_datasets_as_turtle(curator_client, bihr):
    harvest(curator_client, samples.TURTLE, name="catalogue.ttl")
    from_turtle = list(Dataset.objects.order_by("title").values(*FIELDS))
    Dataset.objects.all().delete()
    harvest(curator_client, samples.JSON_LD, name="catalogue.jsonld")
    assert list(Dataset.objects.order_by("title").values(*FIELDS)) == from_turtle


def test_the_preview_lists_unused_predicates_and_notes(curator_client):
    page = preview(curator_client, samples.TURTLE, name="catalogue.ttl")
    assert (
        "The theme “http://publications.europa.eu/resource/authority/data-theme/HEAL” is not matched" in page
    )
    assert "not mapped: dcat:theme" not in page
    assert "The spatial coverage “Isle of Man” is not an ONS code; not mapped." in page
    assert "No organisation in the directory is called “Bradford Institute for Health Research”" in page
    assert "It has no description: the summary repeats the title." in page


def test_bare_datasets_without_a_catalogue(curator_client):
    turtle = (
        samples.TURTLE.split("<https://data.example.org/catalogue>")[0]
        + samples.TURTLE.split("_:send .\n", 1)[1]
    )
    harvest(curator_client, turtle, name="datasets.ttl", kind="dcat")
    assert Dataset.objects.count() == 2


def test_json_ld_is_read_when_the_kind_is_given(curator_client):
    harvest(curator_client, samples.JSON_LD, name="catalogue.json", kind="dcat")
    assert Dataset.objects.count() == 2
