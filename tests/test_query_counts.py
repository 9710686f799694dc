"""Every page runs the same number of SQL queries however many entries it shows."""

import pytest

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

# A page that lists entries must never run more than this many queries.
MAX_QUERIES = 20


@pytest.fixture
def hub(bradford):
    """Entries that every page below shows; `grow` adds more rows around them."""
    theme = ThemeFactory(slug="hub-theme")
    organisation = OrganisationFactory(slug="hub-organisation")
    dataset = DatasetFactory(slug="hub-dataset", custodian=organisation)
    dataset.areas.add(bradford)
    dataset.themes.add(theme)
    person = ResearcherFactory(slug="hub-person", organisation=organisation)
    person.themes.add(theme)
    project = ProjectFactory(slug="hub-project")
    project.themes.add(theme)
    project.partner_organisations.add(organisation)
    MembershipFactory(project=project, researcher=person, role="lead")
    DatasetUsageFactory(project=project, dataset=dataset)

    def grow(rows: int) -> None:
        for _ in range(rows):
            other_theme = ThemeFactory(parent=theme)
            other_dataset = DatasetFactory(custodian=organisation)
            other_dataset.areas.add(bradford)
            other_dataset.themes.add(theme, other_theme)
            other_dataset.linked_datasets.add(dataset)
            other_person = ResearcherFactory(organisation=organisation)
            other_person.themes.add(theme, other_theme)
            other_person.affiliations.add(OrganisationFactory())
            other_project = ProjectFactory()
            other_project.themes.add(theme)
            other_project.partner_organisations.add(organisation)
            MembershipFactory(project=other_project, researcher=other_person, role="lead")
            MembershipFactory(project=project, researcher=other_person)
            DatasetUsageFactory(project=other_project, dataset=dataset)
            DatasetUsageFactory(project=project, dataset=other_dataset)
            OutputFactory(project=project)

    return grow


URLS = [
    "/",
    "/researchers/",
    "/researchers/?theme=hub-theme&organisation=hub-organisation&open_to=collaboration",
    "/datasets/",
    "/datasets/?area=E08000032&life_stage=primary&theme=hub-theme",
    "/projects/",
    "/projects/?dataset=hub-dataset&organisation=hub-organisation",
    "/organisations/",
    "/themes/",
    "/areas/",
    "/search/?q=a",
    "/researchers/hub-person/",
    "/datasets/hub-dataset/",
    "/projects/hub-project/",
    "/organisations/hub-organisation/",
    "/themes/hub-theme/",
    "/areas/E08000032/",
    "/coverage/",
    "/coverage/?theme=hub-theme&national=yes",
    "/coverage/gaps/",
    "/datasets/?page=2",
]


@pytest.mark.parametrize("url", URLS)
def test_queries_do_not_grow_with_the_number_of_rows(count_queries, hub, url):
    # Each count follows a first request, which warms what is cached across requests (the place names
    # search reads, counts kept until the next change).
    hub(2)
    count_queries(url)
    few = count_queries(url)
    hub(25)
    count_queries(url)
    many = count_queries(url)
    assert many == few, f"{url}: {few} queries with few rows, {many} with many"
    assert many <= MAX_QUERIES


@pytest.mark.parametrize("url", URLS)
def test_queries_do_not_grow_with_the_number_of_rows_once_counts_are_kept(count_queries, hub, url):
    """The second visit reads the counts kept by the first (core/cached_counts.py)."""
    hub(2)
    count_queries(url)
    few = count_queries(url)
    hub(25)
    count_queries(url)
    many = count_queries(url)
    assert many == few, f"{url}: {few} queries with few rows, {many} with many"
    assert many <= MAX_QUERIES
