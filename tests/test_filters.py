"""List filters filter, combine, show themselves, and shrug off bad values."""

import pytest

from areas.models import Area
from datasets.models import LinkageIdentifier
from projects.models import Project
from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)


def listed(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [str(entry) for entry in response.context["page"].object_list]


@pytest.fixture
def datasets(bradford, leeds):
    early_bradford = DatasetFactory(title="Early Bradford", min_age=0, max_age=4, access_level="open")
    early_bradford.areas.add(bradford)
    teen_bradford = DatasetFactory(title="Teen Bradford", min_age=11, max_age=15, access_level="controlled")
    teen_bradford.areas.add(bradford)
    early_leeds = DatasetFactory(title="Early Leeds", min_age=0, max_age=3, source_kind="cohort")
    early_leeds.areas.add(leeds)
    DatasetFactory(title="National Everyone", min_age=0, max_age=None, coverage_scope="england")
    return early_bradford


def test_datasets_filter_by_area_including_national_ones(client, datasets):
    assert listed(client, "/datasets/?area=E08000032") == [
        "Early Bradford",
        "National Everyone",
        "Teen Bradford",
    ]


def test_datasets_filters_combine(client, datasets):
    assert listed(client, "/datasets/?area=E08000032&life_stage=early-years") == [
        "Early Bradford",
        "National Everyone",
    ]
    assert listed(client, "/datasets/?area=E08000032&life_stage=early-years&access_level=open") == [
        "Early Bradford"
    ]


def test_a_life_stage_includes_ranges_sharing_its_first_or_last_year_not_those_touching_it(client, db):
    # Secondary is 11–16: 5–12 shares age 11 and 15–18 age 15; 5–11 and 16–18 only touch it.
    DatasetFactory(title="Up to twelve", min_age=5, max_age=12)
    DatasetFactory(title="Up to eleven", min_age=5, max_age=11)
    DatasetFactory(title="From fifteen", min_age=15, max_age=18)
    DatasetFactory(title="From sixteen", min_age=16, max_age=18)
    assert listed(client, "/datasets/?life_stage=secondary") == ["From fifteen", "Up to twelve"]
    api = client.get("/api/v1/datasets/?life_stage=secondary&sort=title").json()
    assert [item["title"] for item in api["results"]] == ["From fifteen", "Up to twelve"]


def test_a_retired_area_code_filters_by_the_area_that_replaced_it(client, db):
    sheffield = DatasetFactory(title="Sheffield data")
    sheffield.areas.add(Area.objects.get(code="E08000039"))
    DatasetFactory(title="Elsewhere")
    assert listed(client, "/datasets/?area=E08000019") == ["Sheffield data"]


def test_datasets_filter_by_theme_custodian_source_and_identifier(client, db):
    theme = ThemeFactory()
    holder = OrganisationFactory(name="Holder")
    themed = DatasetFactory(title="Themed", custodian=holder, source_kind="survey")
    themed.themes.add(theme)
    themed.identifiers.add(LinkageIdentifier.objects.get(slug="nhs-number"))
    DatasetFactory(title="Other")
    assert listed(client, f"/datasets/?theme={theme.slug}") == ["Themed"]
    assert listed(client, f"/datasets/?custodian={holder.slug}") == ["Themed"]
    assert listed(client, "/datasets/?source_kind=survey") == ["Themed"]
    assert listed(client, "/datasets/?identifier=nhs-number") == ["Themed"]


def test_researchers_filter_by_organisation_theme_stage_and_offer(client, db):
    university = OrganisationFactory()
    theme = ThemeFactory()
    match = ResearcherFactory(
        name="Match", organisation=university, career_stage="senior", open_to_supervision=True
    )
    match.themes.add(theme)
    ResearcherFactory(name="Same place", organisation=university, career_stage="student")
    ResearcherFactory(name="Elsewhere", career_stage="senior", open_to_supervision=True)
    url = f"/researchers/?organisation={university.slug}&theme={theme.slug}&career_stage=senior&open_to=supervision"
    assert listed(client, url) == ["Match"]
    assert listed(client, f"/researchers/?organisation={university.slug}") == ["Match", "Same place"]
    assert listed(client, "/researchers/?open_to=supervision") == ["Elsewhere", "Match"]


def test_projects_filter_by_status_theme_organisation_and_dataset(client, db):
    dataset = DatasetFactory()
    theme = ThemeFactory()
    partner = OrganisationFactory()
    match = ProjectFactory(title="Match", stage=Project.Stage.COMPLETED)
    match.themes.add(theme)
    match.partner_organisations.add(partner)
    DatasetUsageFactory(project=match, dataset=dataset)
    ProjectFactory(title="Other", stage=Project.Stage.COMPLETED)
    url = f"/projects/?stage=completed&theme={theme.slug}&organisation={partner.slug}&dataset={dataset.slug}"
    assert listed(client, url) == ["Match"]
    assert listed(client, "/projects/?stage=completed") == ["Match", "Other"]


def test_a_project_is_found_through_its_members_organisation_once(client, db):
    university = OrganisationFactory()
    project = ProjectFactory(title="Staffed")
    project.partner_organisations.add(university)
    MembershipFactory(project=project, researcher=ResearcherFactory(organisation=university))
    MembershipFactory(project=project, researcher=ResearcherFactory(organisation=university))
    assert listed(client, f"/projects/?organisation={university.slug}") == ["Staffed"]


def test_keywords_filter_each_list(client, bradford, committed):
    # The keyword box is the site search, whose index follows each commit.
    with committed():
        DatasetFactory(title="Teen Bradford", min_age=11, max_age=15).areas.add(bradford)
        DatasetFactory(title="Early Leeds", min_age=0, max_age=3)
        ResearcherFactory(name="Teen Expert")
    assert listed(client, "/datasets/?q=teen") == ["Teen Bradford"]
    assert listed(client, "/researchers/?q=teen") == ["Teen Expert"]


def test_sorting_changes_the_order(client, db):
    DatasetFactory(title="Alpha", start_year=2001)
    DatasetFactory(title="Beta", start_year=2020)
    assert listed(client, "/datasets/?sort=title") == ["Alpha", "Beta"]
    assert listed(client, "/datasets/?sort=-start_year") == ["Beta", "Alpha"]


def test_active_filters_are_shown_with_a_link_that_removes_each(client, datasets):
    response = client.get("/datasets/?area=E08000032&life_stage=early-years&page=1")
    active = {item["label"]: item for item in response.context["active_filters"]}
    assert active["Area covered"]["value"] == "Bradford"
    assert active["Life stage"]["value"] == "Early years (0–5: birth to the end of Reception)"
    assert active["Life stage"]["remove_query"] == "area=E08000032"
    html = response.content.decode()
    assert 'href="?area=E08000032"' in html
    assert "(remove this filter)" in html


@pytest.mark.parametrize(
    "query",
    [
        "area=NOT-A-CODE",
        "life_stage=toddlers",
        "theme=%00",
        "custodian=nobody",
        "access_level=secret",
        "sort=password",
        "page=-1",
        "page=99999",
        "page=abc",
        "identifier[]=x",
        "custodian=%00",
        "area=E08%0000032",
        "q=" + "%F0%9F%98%80" * 50,
    ],
)
def test_bad_filter_values_give_a_normal_page(client, datasets, query):
    response = client.get("/datasets/?" + query)
    assert response.status_code == 200
    assert "Datasets" in response.content.decode()


def test_a_bad_value_is_explained_next_to_its_field_and_the_rest_still_apply(client, datasets):
    response = client.get("/datasets/?area=E99999999&access_level=open")
    html = response.content.decode()
    assert "There is no northern local authority with the code E99999999." in html
    assert "were ignored" in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_area_helptext id_area_error"' in html
    assert 'id="id_area_error"' in html
    assert [str(entry) for entry in response.context["page"].object_list] == ["Early Bradford"]


@pytest.mark.parametrize(
    "url",
    [
        "/researchers/?open_to=nothing",
        "/projects/?stage=someday&dataset=x",
        "/projects/?dataset=%00&organisation=%00",
        "/researchers/?organisation=a%00b",
        "/organisations/?kind=alien&n8=maybe",
        "/themes/?family=x&sort=y",
    ],
)
def test_bad_values_on_other_lists_give_a_normal_page(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["filter"].errors


def test_lists_paginate(client, db, settings):
    settings.PAGE_SIZE = 2
    for number in range(5):
        DatasetFactory(title=f"Dataset {number}")
    first = listed(client, "/datasets/?sort=title")
    third = listed(client, "/datasets/?sort=title&page=3")
    assert first == ["Dataset 0", "Dataset 1"]
    assert third == ["Dataset 4"]
    assert "?sort=title&amp;page=2" in client.get("/datasets/?sort=title").content.decode()


def test_an_empty_result_says_so_and_offers_a_way_back(client, datasets):
    html = client.get("/datasets/?q=nothing-matches-this").content.decode()
    assert "Nothing matches these filters." in html
    assert "clear them all" in html


def test_with_many_entries_to_choose_from_a_filter_becomes_a_text_box_that_takes_a_name(
    client, db, monkeypatch
):
    from core.filters import EntryChoiceFilter

    monkeypatch.setattr(EntryChoiceFilter, "max_options", 2)
    used = DatasetFactory(title="Cohort of Many")
    DatasetFactory()
    DatasetFactory()
    DatasetUsageFactory(dataset=used, project=ProjectFactory(title="Match"))
    ProjectFactory(title="Other")
    html = client.get("/projects/").content.decode()
    assert 'type="search" name="dataset"' in html
    assert '<option value="cohort-of-many">' not in html
    assert listed(client, "/projects/?dataset=cohort+of+many") == ["Match"]
    assert listed(client, f"/projects/?dataset={used.slug}") == ["Match"]
    response = client.get("/projects/?dataset=no+such+cohort")
    assert "Nothing in the directory is called “no such cohort”" in response.content.decode()
