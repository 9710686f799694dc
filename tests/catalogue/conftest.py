import pytest
from django.contrib.auth.models import Group
from pyshacl import validate
from rdflib import Graph

from tests.factories import DatasetFactory, OrganisationFactory, ThemeFactory
from tests.reference import reference_path

SHAPES = "dcat-ap/3.0.1/html/shacl/"


def shapes_graph(*names: str) -> Graph:
    shapes = Graph()
    for name in names:
        shapes.parse(reference_path(SHAPES + name), format="turtle")
    return shapes


def shacl_results(data: Graph, *shape_files: str) -> tuple[bool, list[dict], str]:
    """Whether `data` conforms, and each result as {severity, path, focus} (plus the readable report)."""
    conforms, report, text = validate(data, shacl_graph=shapes_graph(*shape_files), inference="none")
    query = """
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?severity ?path ?focus WHERE {
            ?result a sh:ValidationResult ; sh:resultSeverity ?severity ; sh:focusNode ?focus .
            OPTIONAL { ?result sh:resultPath ?path }
        }"""
    results = [
        {"severity": str(row.severity).rsplit("#", 1)[-1], "path": str(row.path), "focus": str(row.focus)}
        for row in report.query(query)
    ]
    return conforms, results, text


@pytest.fixture
def curator_client(client, django_user_model):
    user = django_user_model.objects.create_user("curator", "curator@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name="Curators")[0])
    client.force_login(user)
    return client


@pytest.fixture
def complete_dataset(db, bradford, leeds):
    """A dataset with every field the DCAT-AP and schema.org descriptions use."""
    custodian = OrganisationFactory(
        name="University of Leeds", ror_id="01v29qb04", website="https://www.leeds.ac.uk/"
    )
    dataset = DatasetFactory(
        slug="born-in-bradford",
        title="Born in Bradford",
        summary="A birth cohort of 13,776 children born in Bradford between 2007 and 2010.",
        description="Families answered questionnaires in pregnancy and at regular points since.",
        custodian=custodian,
        contact_name="BiB data team",
        contact_email="bib@example.org",
        keywords="birth cohort, child health",
        coverage_scope="england",
        start_year=2007,
        end_year=2024,
        access_level="open",
        access_instructions="Apply through the BiB website with a short proposal.",
        access_url="https://borninbradford.nhs.uk/research/how-to-access-data/",
        licence="Open Government Licence v3.0",
        formats="CSV",
        conforms_to=["nhs-data-dictionary", "ddi-codebook", "local"],
        update_frequency="annually",
        landing_page="https://borninbradford.nhs.uk/",
        doi="10.1234/bib.2024",
        access_service="data-service",
        trusted_research_environment="Born in Bradford data service",
    )
    dataset.observations.create(measure="individuals", count=13_776, observed_on="2011-12-31")
    dataset.areas.add(bradford, leeds)
    dataset.themes.add(ThemeFactory(name="Cohort studies for tests"))
    return dataset
