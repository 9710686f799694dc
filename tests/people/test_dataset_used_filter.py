"""The researcher list's "dataset used" filter: the people on projects that used a dataset."""

from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    ProjectFactory,
    ResearcherFactory,
)


def test_it_lists_the_people_on_published_projects_that_used_the_dataset(client, db):
    cohort = DatasetFactory(title="Born in Bradford")
    other = DatasetFactory(title="Millennium Cohort Study")
    used_it = ResearcherFactory(name="Amara Bhatti")
    unpublished_project = ResearcherFactory(name="Quinn Nuttall")
    elsewhere = ResearcherFactory(name="Isaac Rafiq")
    for person, dataset, status in [
        (used_it, cohort, "published"),
        (unpublished_project, cohort, "draft"),
        (elsewhere, other, "published"),
    ]:
        project = ProjectFactory(status=status)
        MembershipFactory(project=project, researcher=person)
        DatasetUsageFactory(project=project, dataset=dataset)

    page = client.get("/researchers/", {"dataset": cohort.slug})

    assert page.status_code == 200
    assert [person.name for person in page.context["page"]] == ["Amara Bhatti"]
    # Typed by its title, as a person would when the list is long.
    by_title = client.get("/researchers/", {"dataset": "born in bradford"})
    assert [person.name for person in by_title.context["page"]] == ["Amara Bhatti"]


def test_an_unknown_dataset_is_an_error_next_to_the_field(client, db):
    page = client.get("/researchers/", {"dataset": "no-such-dataset"})
    assert page.status_code == 200
    assert "Nothing in the directory is called" in page.text
