"""The index follows every change: create, edit, publish, unpublish, delete, and renames of linked entries."""

import pytest
from django.core.management import call_command

from projects.models import Membership
from search.models import SearchEntry
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


def titles(text: str, **facets) -> list[str]:
    return [hit.title for hit in search(text, facets).hits]


def test_a_new_published_entry_is_found(committed):
    with committed():
        DatasetFactory(title="Zephyr cohort")
    assert titles("zephyr") == ["Zephyr cohort"]


def test_an_edit_is_found_under_its_new_words_only(committed):
    with committed():
        dataset = DatasetFactory(title="Zephyr cohort")
    with committed():
        dataset.title = "Quasar cohort"
        dataset.save()
    assert titles("zephyr") == []
    assert titles("quasar") == ["Quasar cohort"]


def test_drafts_are_not_found_until_published_and_not_after_unpublishing(committed):
    with committed():
        dataset = DatasetFactory(title="Zephyr cohort", status="draft")
    assert titles("zephyr") == []
    with committed():
        dataset.status = "published"
        dataset.save()
    assert titles("zephyr") == ["Zephyr cohort"]
    with committed():
        dataset.status = "archived"
        dataset.save()
    assert titles("zephyr") == []


def test_a_deleted_entry_leaves_the_index(committed):
    with committed():
        dataset = DatasetFactory(title="Zephyr cohort")
    with committed():
        dataset.delete()
    assert titles("zephyr") == []
    assert not SearchEntry.objects.filter(title="Zephyr cohort").exists()


def test_renaming_a_theme_updates_the_entries_that_show_it(committed):
    with committed():
        theme = ThemeFactory(name="Zephyr theme")
        dataset = DatasetFactory(title="Plain dataset")
        dataset.themes.add(theme)
    with committed():
        theme.name = "Quasar theme"
        theme.save()
    assert "Plain dataset" in titles("quasar", kind="dataset")
    assert "Plain dataset" not in titles("zephyr", kind="dataset")


def test_renaming_an_organisation_updates_its_people_and_data(committed):
    with committed():
        organisation = OrganisationFactory(name="Zephyr University")
        person = ResearcherFactory(name="Ada Plain", organisation=organisation)
        DatasetFactory(title="Plain dataset", custodian=organisation)
    with committed():
        organisation.name = "Quasar University"
        organisation.save()
    assert set(titles("quasar")) == {"Quasar University", person.display_name, "Plain dataset"}


def test_a_researcher_is_found_by_the_data_their_project_used(committed):
    with committed():
        person = ResearcherFactory(name="Ada Plain")
        project = ProjectFactory(title="Plain project")
        MembershipFactory(project=project, researcher=person, role=Membership.Role.LEAD)
        DatasetUsageFactory(project=project, dataset=DatasetFactory(title="Zephyr register"))
    assert person.display_name in titles("zephyr register", kind="researcher")
    with committed():
        project.memberships.all().delete()
    assert person.display_name not in titles("zephyr register", kind="researcher")


def test_unpublishing_a_project_hides_it_from_its_members_expertise(committed):
    with committed():
        person = ResearcherFactory(name="Ada Plain")
        project = ProjectFactory(title="Zephyr project")
        MembershipFactory(project=project, researcher=person)
    assert person.display_name in titles("zephyr", kind="researcher")
    with committed():
        project.status = "draft"
        project.save()
    assert titles("zephyr") == []


def test_a_rolled_back_change_never_reaches_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        DatasetFactory(title="Zephyr cohort")
    assert titles("zephyr") == []


def test_the_rebuild_command_indexes_every_published_entry(committed):
    DatasetFactory(title="Zephyr cohort")  # never committed: only a rebuild finds it
    DatasetFactory(title="Zephyr draft", status="draft")
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    assert titles("zephyr") == ["Zephyr cohort"]
