"""Drafts and archived entries never reach the public: not on pages, in counts, links, filters or search."""

import pytest

from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)

HIDDEN = ["draft", "archived"]


@pytest.mark.parametrize("status", HIDDEN)
@pytest.mark.parametrize(
    "factory", [DatasetFactory, ResearcherFactory, ProjectFactory, OrganisationFactory, ThemeFactory]
)
def test_a_hidden_entry_has_no_page_and_is_in_no_list(client, db, factory, status):
    entry = factory(status=status)
    assert client.get(entry.get_absolute_url()).status_code == 404
    list_url = entry.get_absolute_url().rsplit("/", 2)[0] + "/"
    assert entry.get_absolute_url() not in client.get(list_url).content.decode()
    assert entry.get_absolute_url() not in client.get("/search/?q=" + str(entry)).content.decode()


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_entries_are_not_counted_on_the_home_page(client, db, status):
    DatasetFactory()
    DatasetFactory(status=status)
    assert '<strong>1</strong> <a href="/datasets/">datasets</a>' in client.get("/").content.decode()


@pytest.mark.parametrize("status", HIDDEN)
def test_a_hidden_project_and_its_people_are_not_linked_from_a_dataset(client, db, status):
    dataset = DatasetFactory()
    hidden_project = ProjectFactory(status=status, title="Secret Project")
    DatasetUsageFactory(project=hidden_project, dataset=dataset)
    MembershipFactory(project=hidden_project, researcher=ResearcherFactory(name="Only On Secret"))
    html = client.get(dataset.get_absolute_url()).content.decode()
    assert "Secret Project" not in html
    assert "Only On Secret" not in html


@pytest.mark.parametrize("status", HIDDEN)
def test_a_hidden_custodian_is_not_named_or_linked(client, db, status):
    dataset = DatasetFactory(custodian=OrganisationFactory(name="Hidden Holder", status=status))
    assert "Hidden Holder" not in client.get(dataset.get_absolute_url()).content.decode()
    assert "Hidden Holder" not in client.get("/datasets/").content.decode()


@pytest.mark.parametrize("status", HIDDEN)
def test_a_hidden_researcher_is_not_on_their_projects_team(client, db, status):
    membership = MembershipFactory(
        researcher=ResearcherFactory(name="Hidden Person", status=status), role="lead"
    )
    assert "Hidden Person" not in client.get(membership.project.get_absolute_url()).content.decode()
    assert "Hidden Person" not in client.get("/projects/").content.decode()


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_themes_are_not_shown_on_entries_or_offered_as_filters(client, db, status):
    theme = ThemeFactory(name="Hidden Theme", status=status)
    dataset = DatasetFactory()
    dataset.themes.add(theme)
    assert "Hidden Theme" not in client.get(dataset.get_absolute_url()).content.decode()
    assert "Hidden Theme" not in client.get("/datasets/").content.decode()
    assert client.get(f"/datasets/?theme={theme.slug}").context["filter"].errors


@pytest.mark.parametrize("status", HIDDEN)
def test_hidden_entries_are_not_counted_on_theme_and_area_pages(client, bradford, status):
    theme = ThemeFactory(name="Counted Theme")
    DatasetFactory(status=status).themes.add(theme)
    DatasetFactory(status=status).areas.add(bradford)
    assert "0 datasets" in client.get("/themes/").content.decode()
    assert 'Bradford</a> <span class="meta">(0 local datasets)' in client.get("/areas/").content.decode()
    assert (
        'Data covering this area <span class="meta">(0)'
        in client.get(bradford.get_absolute_url()).content.decode()
    )
