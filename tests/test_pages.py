"""Every page renders and links everything it touches."""

import pytest

from projects.models import Membership
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


@pytest.fixture
def directory(bradford):
    """A small connected directory: a person on a project that used a dataset, all themed."""
    theme = ThemeFactory(name="Early years test theme")
    sub_theme = ThemeFactory(name="School readiness test theme", parent=theme)
    university = OrganisationFactory(name="University of Testing", is_n8_member=True)
    custodian = OrganisationFactory(name="Data Holders Trust", kind="nhs-trust")
    person = ResearcherFactory(name="Ada Example", organisation=university)
    person.themes.add(theme)
    dataset = DatasetFactory(title="Bradford Cohort Test", custodian=custodian)
    dataset.themes.add(sub_theme)
    dataset.areas.add(bradford)
    project = ProjectFactory(title="Ready Test Project")
    project.themes.add(theme)
    project.partner_organisations.add(custodian)
    MembershipFactory(project=project, researcher=person, role=Membership.Role.LEAD)
    DatasetUsageFactory(project=project, dataset=dataset, note="Outcome measures")
    OutputFactory(project=project, title="What we found", key_finding="Early language matters.")
    return {
        "theme": theme,
        "sub_theme": sub_theme,
        "university": university,
        "custodian": custodian,
        "person": person,
        "dataset": dataset,
        "project": project,
    }


def page(client, entry) -> str:
    response = client.get(entry.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_dataset_page_shows_who_knows_the_data(client, directory):
    html = page(client, directory["dataset"])
    assert directory["project"].get_absolute_url() in html
    assert "Outcome measures" in html
    assert directory["person"].get_absolute_url() in html
    assert directory["custodian"].get_absolute_url() in html
    assert directory["sub_theme"].get_absolute_url() in html
    assert "/areas/E08000032/" in html


def test_a_researcher_page_shows_projects_data_themes_and_organisations(client, directory):
    html = page(client, directory["person"])
    assert directory["project"].get_absolute_url() in html
    assert directory["dataset"].get_absolute_url() in html
    assert directory["theme"].get_absolute_url() in html
    assert directory["university"].get_absolute_url() in html


def test_a_project_page_shows_team_data_partners_and_findings(client, directory):
    html = page(client, directory["project"])
    assert directory["person"].get_absolute_url() in html
    assert "Lead" in html
    assert directory["dataset"].get_absolute_url() in html
    assert directory["custodian"].get_absolute_url() in html
    assert "Early language matters." in html


def test_a_theme_page_gathers_its_entries_and_those_of_its_sub_themes(client, directory):
    html = page(client, directory["theme"])
    assert directory["sub_theme"].get_absolute_url() in html
    assert directory["person"].get_absolute_url() in html
    assert directory["project"].get_absolute_url() in html
    assert directory["dataset"].get_absolute_url() in html  # tagged with the sub-theme only


def test_a_sub_theme_page_links_back_to_its_parent(client, directory):
    html = page(client, directory["sub_theme"])
    assert directory["theme"].get_absolute_url() in html


def test_an_organisation_page_shows_its_people_data_and_projects(client, directory):
    university = page(client, directory["university"])
    assert directory["person"].get_absolute_url() in university
    assert directory["project"].get_absolute_url() in university  # through its person
    custodian = page(client, directory["custodian"])
    assert directory["dataset"].get_absolute_url() in custodian
    assert directory["project"].get_absolute_url() in custodian  # as a partner


def test_an_affiliated_person_appears_on_the_affiliated_organisation(client, directory):
    other = OrganisationFactory(name="Partner University")
    directory["person"].affiliations.add(other)
    assert directory["person"].get_absolute_url() in page(client, other)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/about/",
        "/researchers/",
        "/datasets/",
        "/projects/",
        "/organisations/",
        "/themes/",
        "/areas/",
        "/search/",
        "/search/?q=bradford",
    ],
)
def test_every_public_page_renders_with_a_title_and_breadcrumbs(client, directory, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>" in html and "N8 Children &amp; Young People data portal</title>" in html
    assert 'id="content"' in html
    assert "[invalid name]" not in html
    if url != "/":
        assert 'aria-label="Breadcrumb"' in html


def test_the_home_page_counts_published_entries_and_offers_ways_in(client, directory):
    html = client.get("/").content.decode()
    assert (
        "Find expertise" in html
        and "Find data" in html
        and "See projects" in html
        and "Browse themes" in html
    )
    assert '<strong>1</strong> <a href="/datasets/">datasets</a>' in html
    assert 'action="/search/"' in html


def test_an_unknown_entry_is_a_friendly_404(client, db):
    response = client.get("/datasets/no-such-thing/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_server_error_page_needs_nothing_from_the_database(rf):
    from core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def test_an_overlong_search_uses_its_first_200_characters(client, db):
    response = client.get("/search/?q=" + "a" * 201)
    assert response.status_code == 200
    assert "we used its first 200 characters" in response.content.decode()
