"""A theme's page as an evidence hub: its projects' findings, newest first, filterable, with its data and people."""

import pytest

from projects.models import Output
from tests.factories import (
    CollectionFactory,
    CollectionItemFactory,
    DatasetFactory,
    OutputFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)


@pytest.fixture
def theme(db):
    return ThemeFactory(slug="early-years-hub", name="Early years hub")


def project_in(theme, **fields):
    project = ProjectFactory(**fields)
    project.themes.add(theme)
    return project


def finding_titles(response) -> list[str]:
    return [output.title for output in response.context["findings"].object_list]


def test_findings_are_newest_first_by_year_then_by_project(client, theme):
    alpha, beta = project_in(theme, title="Alpha"), project_in(theme, title="Beta")
    OutputFactory(project=beta, title="Beta 2021", year=2021)
    OutputFactory(project=alpha, title="Alpha 2021", year=2021)
    OutputFactory(project=alpha, title="Alpha undated", year=None)
    OutputFactory(project=beta, title="Beta 2024", year=2024)
    response = client.get(theme.get_absolute_url())
    assert finding_titles(response) == ["Beta 2024", "Alpha 2021", "Beta 2021", "Alpha undated"]


def test_findings_show_the_key_finding_the_type_and_the_project(client, theme):
    project = project_in(theme, title="Reading at five")
    OutputFactory(
        project=project,
        kind=Output.Kind.POLICY_BRIEF,
        title="Brief for councils",
        key_finding="Book gifting raised reading scores.",
        doi="10.1234/brief",
    )
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "Book gifting raised reading scores." in html
    assert "Policy brief, 2024" in html
    assert 'href="https://doi.org/10.1234/brief"' in html
    assert f'href="{project.get_absolute_url()}"' in html


def test_findings_include_the_projects_of_sub_themes(client, theme):
    sub_theme = ThemeFactory(parent=theme)
    OutputFactory(project=project_in(sub_theme), title="From the sub-theme")
    assert finding_titles(client.get(theme.get_absolute_url())) == ["From the sub-theme"]


def test_it_hides_the_findings_data_and_people_that_are_not_published(client, theme):
    OutputFactory(project=project_in(theme, status="draft"), title="Draft finding")
    OutputFactory(project=project_in(theme, status="archived"), title="Archived finding")
    DatasetFactory(title="Draft dataset", status="draft").themes.add(theme)
    ResearcherFactory(name="Draft person", status="submitted").themes.add(theme)
    CollectionFactory(title="Draft collection", theme=theme, status="draft")
    html = client.get(theme.get_absolute_url()).content.decode()
    for hidden in ["Draft finding", "Archived finding", "Draft dataset", "Draft person", "Draft collection"]:
        assert hidden not in html


def test_it_filters_findings_by_type_and_year(client, theme):
    project = project_in(theme)
    OutputFactory(project=project, title="Report 2023", kind=Output.Kind.REPORT, year=2023)
    OutputFactory(project=project, title="Report 2024", kind=Output.Kind.REPORT, year=2024)
    OutputFactory(project=project, title="Software 2024", kind=Output.Kind.SOFTWARE, year=2024)
    url = theme.get_absolute_url()
    assert finding_titles(client.get(url, {"output_kind": "report"})) == ["Report 2024", "Report 2023"]
    assert finding_titles(client.get(url, {"year": "2024"})) == ["Report 2024", "Software 2024"]
    assert finding_titles(client.get(url, {"output_kind": "software", "year": "2023"})) == []


def test_the_year_filter_offers_the_years_that_have_findings(client, theme):
    project = project_in(theme)
    OutputFactory(project=project, year=2019)
    OutputFactory(project=project, year=2022)
    OutputFactory(project=project, year=None)
    form = client.get(theme.get_absolute_url()).context["finding_filter"].form
    assert [value for value, _ in form.fields["year"].choices] == ["", 2022, 2019]
    assert form.fields["output_kind"].label == "Type of output"


@pytest.mark.parametrize("query", [{"output_kind": "poem"}, {"year": "1850"}, {"year": "abc"}, {"page": "x"}])
def test_invalid_filter_values_are_reported_next_to_the_field_and_ignored(client, theme, query):
    OutputFactory(project=project_in(theme), title="Still shown")
    response = client.get(theme.get_absolute_url(), query)
    assert response.status_code == 200
    assert finding_titles(response) == ["Still shown"]
    if "page" not in query:
        html = response.content.decode()
        assert "Some filters could not be used" in html
        assert f'id="id_{next(iter(query))}_error"' in html


def test_findings_are_paged_and_a_page_past_the_end_shows_the_last(client, theme):
    project = project_in(theme)
    for number in range(25):
        OutputFactory(project=project, title=f"Finding {number:02}", year=2000 + number)
    url = theme.get_absolute_url()
    first = client.get(url, {"year": "2024"})
    assert finding_titles(first) == ["Finding 24"]
    page_one = client.get(url)
    assert len(finding_titles(page_one)) == 20
    assert 'href="?page=2"' in page_one.content.decode()
    assert finding_titles(client.get(url, {"page": "99"})) == [f"Finding {n:02}" for n in range(4, -1, -1)]


def test_it_says_so_when_no_finding_matches(client, theme):
    OutputFactory(project=project_in(theme), kind=Output.Kind.REPORT)
    html = client.get(theme.get_absolute_url(), {"output_kind": "software"}).content.decode()
    assert "No findings match these filters." in html


def test_it_links_to_every_dataset_and_person_in_the_theme(client, theme):
    for _ in range(13):
        DatasetFactory().themes.add(theme)
        ResearcherFactory().themes.add(theme)
    html = client.get(theme.get_absolute_url()).content.decode()
    assert 'href="/datasets/?theme=early-years-hub"' in html
    assert 'href="/researchers/?theme=early-years-hub"' in html


def test_it_lists_the_published_collections_of_the_theme(client, theme):
    collection = CollectionFactory(title="Start here on early years", theme=theme)
    CollectionItemFactory(collection=collection)
    CollectionFactory(title="About something else")
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "Start here on early years" in html
    assert "1 item" in html
    assert "About something else" not in html


def test_a_draft_theme_is_not_found_by_the_public(client, db):
    theme = ThemeFactory(status="draft")
    assert client.get(theme.get_absolute_url()).status_code == 404


def test_the_page_runs_the_same_queries_for_2_or_20_of_everything(client, count_queries, theme):
    def grow(rows: int) -> None:
        for _ in range(rows):
            project = project_in(theme, status="published")
            OutputFactory(project=project)
            OutputFactory(project=project, year=None, kind=Output.Kind.SOFTWARE)
            DatasetFactory().themes.add(theme)
            ResearcherFactory().themes.add(theme)
            collection = CollectionFactory(theme=theme)
            CollectionItemFactory(collection=collection)
            ThemeFactory(parent=theme)

    url = theme.get_absolute_url() + "?output_kind=report&year=2024"
    grow(2)
    few = count_queries(url)
    grow(18)
    many = count_queries(url)
    assert few == many
    assert many <= 20
