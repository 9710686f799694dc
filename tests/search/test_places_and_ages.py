"""The index holds each entry's ages and its places (SearchPlace rows, apart from the facets), and keeps them
current."""

import pytest
from django.db.models import Model

from areas.models import Area
from organisations.models import Organisation
from search.documents import BUILDERS
from search.models import Kind, SearchEntry, SearchPlace
from search.service import search
from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

BRADFORD, LEEDS, SHEFFIELD, YORK = "E08000032", "E08000035", "E08000039", "E06000014"


def area(code: str) -> Area:
    return Area.objects.get(code=code)


def council(code: str, **fields) -> Organisation:
    """A local authority, the one kind of organisation placed in an area."""
    return OrganisationFactory(kind=Organisation.Kind.LOCAL_AUTHORITY, area=area(code), **fields)


def places(entry: Model) -> set[str]:
    kind = {model: kind for kind, (model, _) in BUILDERS.items()}[type(entry)]
    return set(
        SearchPlace.objects.filter(entry__kind=kind, entry__object_id=entry.pk).values_list(
            "value", flat=True
        )
    )


def ages(entry: Model) -> tuple[int | None, int | None]:
    row = SearchEntry.objects.get(kind=Kind.DATASET, object_id=entry.pk)
    return row.age_from, row.age_to


def test_a_dataset_keeps_its_ages_and_an_open_end(committed):
    with committed():
        primary = DatasetFactory(min_age=4, max_age=11)
        adults = DatasetFactory(min_age=16, max_age=None)
        unknown = DatasetFactory(min_age=None, max_age=None)
    assert ages(primary) == (4, 11)
    assert ages(adults) == (16, None)
    assert ages(unknown) == (None, None)


def test_only_datasets_have_ages(committed):
    with committed():
        ProjectFactory()
        ResearcherFactory()
    assert not SearchEntry.objects.exclude(kind=Kind.DATASET).filter(age_from__isnull=False).exists()


def test_a_dataset_is_placed_in_its_areas_or_its_nation(committed):
    with committed():
        local = DatasetFactory()
        local.areas.add(area(BRADFORD), area(LEEDS))
        england = DatasetFactory(coverage_scope="england")
        uk = DatasetFactory(coverage_scope="uk")
    assert places(local) == {BRADFORD, LEEDS}
    assert places(england) == {"england"}
    assert places(uk) == {"uk"}


def test_an_organisation_is_placed_in_its_area(committed):
    with committed():
        leeds = council(LEEDS)
        university = OrganisationFactory()
    assert places(leeds) == {LEEDS}
    assert places(university) == set()


def test_a_project_is_placed_by_its_data_partners_and_members(committed):
    with committed():
        project = ProjectFactory()
        dataset = DatasetFactory()
        dataset.areas.add(area(BRADFORD))
        DatasetUsageFactory(project=project, dataset=dataset)
        DatasetUsageFactory(project=project, dataset=DatasetFactory(coverage_scope="england"))
        project.partner_organisations.add(council(LEEDS))
        MembershipFactory(project=project, researcher=ResearcherFactory(organisation=council(SHEFFIELD)))
    assert places(project) == {BRADFORD, "england", LEEDS, SHEFFIELD}


def test_unpublished_data_and_organisations_place_nothing(committed):
    with committed():
        project = ProjectFactory()
        draft = DatasetFactory(status="draft")
        draft.areas.add(area(BRADFORD))
        DatasetUsageFactory(project=project, dataset=draft)
        project.partner_organisations.add(council(LEEDS, status="draft"))
        MembershipFactory(
            project=project, researcher=ResearcherFactory(organisation=council(YORK), status="draft")
        )
    assert places(project) == set()


def test_a_researcher_is_placed_by_their_organisations_and_projects(committed):
    with committed():
        person = ResearcherFactory(organisation=council(LEEDS))
        person.affiliations.add(council(YORK))
        project = ProjectFactory()
        dataset = DatasetFactory()
        dataset.areas.add(area(BRADFORD))
        DatasetUsageFactory(project=project, dataset=dataset)
        MembershipFactory(project=project, researcher=person)
        unpublished = ProjectFactory(status="draft")
        MembershipFactory(project=unpublished, researcher=person)
        unpublished.partner_organisations.add(council(SHEFFIELD))
    assert places(person) == {LEEDS, YORK, BRADFORD}


def test_places_are_never_offered_as_a_facet(committed):
    with committed():
        DatasetFactory(title="Zephyr cohort").areas.add(area(BRADFORD))
    assert "place" not in search("zephyr").facets


@pytest.fixture
def team(committed):
    """A project using a dataset, with two members: one from a university, one from Leeds council."""
    with committed():
        dataset = DatasetFactory()
        project = ProjectFactory()
        DatasetUsageFactory(project=project, dataset=dataset)
        member = ResearcherFactory()
        colleague = ResearcherFactory(organisation=council(LEEDS))
        MembershipFactory(project=project, researcher=member)
        MembershipFactory(project=project, researcher=colleague)
    return dataset, project, member, colleague


def test_a_dataset_area_reaches_the_projects_using_it_and_their_members(committed, team):
    dataset, project, member, _ = team
    with committed():
        dataset.areas.add(area(BRADFORD))
    assert BRADFORD in places(project) and BRADFORD in places(member)
    with committed():
        area(YORK).datasets.add(dataset)
    assert YORK in places(project) and YORK in places(member)
    with committed():
        dataset.areas.remove(area(BRADFORD))
    assert BRADFORD not in places(project) | places(member)
    with committed():
        area(YORK).datasets.clear()
    assert YORK not in places(project) | places(member)


def test_a_dataset_becoming_national_reaches_its_projects(committed, team):
    dataset, project, member, _ = team
    with committed():
        dataset.coverage_scope = "england"
        dataset.save()
    assert "england" in places(project) and "england" in places(member)


def test_a_project_partner_reaches_the_members(committed, team):
    _, project, member, _ = team
    with committed():
        project.partner_organisations.add(council(SHEFFIELD))
    assert SHEFFIELD in places(member)
    with committed():
        project.partner_organisations.clear()
    assert SHEFFIELD not in places(member)


def test_data_added_through_the_project_reaches_the_members(committed, team):
    _, project, member, _ = team
    other = DatasetFactory()
    other.areas.add(area(SHEFFIELD))
    with committed():
        project.datasets.add(other, through_defaults={"note": "Linked."})
    assert SHEFFIELD in places(project) and SHEFFIELD in places(member)
    with committed():
        project.datasets.remove(other)
    assert SHEFFIELD not in places(project) | places(member)


def test_an_organisation_moving_reaches_the_projects_it_works_on_and_their_members(committed, team):
    _, project, member, colleague = team
    with committed():
        organisation = colleague.organisation
        organisation.area = area(YORK)
        organisation.save()
    assert YORK in places(project) and YORK in places(member)
    assert LEEDS not in places(member)


def test_a_member_changing_organisation_reaches_the_other_members(committed, team):
    _, project, member, colleague = team
    with committed():
        colleague.organisation = council(SHEFFIELD)
        colleague.save()
    assert SHEFFIELD in places(project) and SHEFFIELD in places(member)
    assert LEEDS not in places(member)


def test_a_member_joining_or_leaving_reaches_the_other_members(committed, team):
    _, project, member, _ = team
    with committed():
        newcomer = ResearcherFactory(organisation=council(YORK))
        MembershipFactory(project=project, researcher=newcomer)
    assert YORK in places(member)
    with committed():
        project.memberships.get(researcher=newcomer).delete()
    assert YORK not in places(member)
    with committed():
        project.members.add(newcomer, through_defaults={"role": "analyst"})
    assert YORK in places(member)


@pytest.fixture
def connected(committed, bradford):
    """Three of each kind of entry, each linked to the others and placed somewhere."""
    with committed():
        theme = ThemeFactory()
        for _ in range(3):
            organisation = council(LEEDS)
            dataset = DatasetFactory(custodian=organisation)
            dataset.areas.add(bradford)
            dataset.themes.add(theme)
            person = ResearcherFactory(organisation=organisation)
            person.affiliations.add(council(YORK))
            person.themes.add(theme)
            project = ProjectFactory()
            project.themes.add(theme)
            project.partner_organisations.add(council(SHEFFIELD))
            MembershipFactory(project=project, researcher=person)
            MembershipFactory(project=project, researcher=ResearcherFactory(organisation=organisation))
            DatasetUsageFactory(project=project, dataset=dataset)


# Queries to build the documents of a batch, whatever its size: the entries, then one per prefetch.
QUERIES_PER_BATCH = {
    # affiliations, themes, projects, their themes, partners, members, data and the data's areas
    Kind.RESEARCHER: 9,
    # themes, areas, identifiers, linked datasets, the first variables of each
    Kind.DATASET: 6,
    # themes, partners, members, data, the data's areas, outputs
    Kind.PROJECT: 7,
    Kind.ORGANISATION: 1,
    Kind.THEME: 1,
}


@pytest.mark.parametrize("kind", list(QUERIES_PER_BATCH))
def test_a_batch_of_entries_costs_a_fixed_number_of_queries(connected, django_assert_num_queries, kind):
    model, build = BUILDERS[kind]
    queryset = model.objects.published()
    assert queryset.count() >= 3
    with django_assert_num_queries(QUERIES_PER_BATCH[kind]):
        documents = list(build(queryset))
    assert len(documents) == queryset.count()
    if kind != Kind.THEME:
        assert all(any(name == "place" for name, _, _ in document.facets) for document in documents)
