"""Completeness: the recommended fields, in Python for one entry and in the database for many."""

import pytest

from curation.completeness import completeness, missing_fields, split_missing, with_completeness
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership, Project
from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    OutputFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def full_dataset():
    dataset = DatasetFactory(
        description="All about it.",
        contact_email="team@example.org",
        keywords="school, health",
        start_year=2010,
        access_instructions="Apply to the panel.",
        licence="OGL",
        landing_page="https://example.org/data",
        doi="10.1234/abc",
        coverage_scope=Dataset.CoverageScope.ENGLAND,
        access_service="secure-environment",
        who_may_apply=["uk-researchers"],
        access_conditions=["none"],
        cost="free",
        weeks_to_access_from=6,
        access_confirmed_on="2026-01-31",
    )
    dataset.themes.add(ThemeFactory())
    dataset.access_steps.create(position=1, title="Apply")
    return dataset


def test_a_bare_dataset_lists_what_it_lacks_in_declared_order():
    dataset = DatasetFactory(custodian=None, min_age=None, max_age=None)

    assert missing_fields(dataset) == [
        "Description",
        "Custodian",
        "Contact point",
        "Themes",
        "Keywords",
        "Age range",
        "Areas covered or geographic scope",
        "Start year",
        "How to get access",
        "How the data is reached",
        "Who may apply",
        "What applicants need",
        "Cost of access",
        "Weeks to access",
        "Steps to access",
        "When the access facts were confirmed",
        "Licence",
        "Landing page",
        "DOI",
    ]
    assert completeness(dataset) == 0


def test_a_full_dataset_is_complete():
    dataset = full_dataset()

    assert missing_fields(dataset) == []
    assert completeness(dataset) == 100


def test_either_of_two_fields_fills_one_recommendation(leeds):
    dataset = DatasetFactory(min_age=None, max_age=None, includes_antenatal=True, contact_name="Data team")
    dataset.areas.add(leeds)

    missing = missing_fields(dataset)

    assert "Age range" not in missing
    assert "Contact point" not in missing
    assert "Areas covered or geographic scope" not in missing


def test_a_project_needs_a_lead_not_just_members():
    project = ProjectFactory()
    MembershipFactory(project=project, role=Membership.Role.RESEARCHER)

    assert "Project lead" in missing_fields(project)

    MembershipFactory(project=project, role=Membership.Role.LEAD)
    assert "Project lead" not in missing_fields(project)


def test_the_percentage_rounds_down():
    organisation = OrganisationFactory(website="https://example.org")  # one of three

    assert completeness(organisation) == 33
    assert missing_fields(organisation) == ["ROR ID", "Description"]


def varied_entries(leeds):
    """Entries of every scored kind, from bare to full, so both ways of scoring can be compared."""
    researcher = ResearcherFactory(biography="Works on things.", orcid="0000-0002-1825-0097")
    researcher.themes.add(ThemeFactory())
    led = ProjectFactory(start_date=None)
    MembershipFactory(project=led, role=Membership.Role.LEAD)
    DatasetUsageFactory(project=led)
    OutputFactory(project=led)
    local = DatasetFactory(description="Local data", custodian=None)
    local.areas.add(leeds)
    return [
        researcher,
        ResearcherFactory(job_title="", organisation=None, expertise=""),
        full_dataset(),
        local,
        DatasetFactory(min_age=None, max_age=None, custodian=None),
        DatasetFactory(who_may_apply=["nhs", "anyone"], weeks_to_access_to=4, cost="charged"),
        led,
        ProjectFactory(end_date=None),
        OrganisationFactory(ror_id="01v29qb04", description="A university."),
    ]


def test_the_database_scores_entries_as_python_does(leeds):
    entries = varied_entries(leeds)

    for entry in entries:
        row = with_completeness(type(entry).objects.filter(pk=entry.pk)).get()
        assert row.completeness == completeness(entry), entry
        assert split_missing(row.missing) == missing_fields(entry), entry


def test_the_database_sorts_least_complete_first(leeds):
    varied_entries(leeds)

    for model in (Researcher, Dataset, Project, Organisation):
        scored = list(with_completeness(model.objects.all()).order_by("completeness", "pk"))
        assert [entry.completeness for entry in scored] == sorted(completeness(entry) for entry in scored)
