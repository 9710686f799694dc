"""Holes an independent review found, each kept closed by a test."""

import reversion
from django.urls import reverse

from editing import history
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership
from tests.editing.test_editing import dataset_post, profile_of, project_post
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
)


def test_a_draft_cannot_be_linked_by_typing_its_name(client, researcher, someone):
    project = ProjectFactory()
    MembershipFactory(project=project, researcher=profile_of(researcher), role="lead")
    ResearcherFactory(name="JANE SMITH", status="draft", account=someone)
    client.force_login(researcher)
    data = project_post(
        project,
        **{"members-TOTAL_FORMS": "1", "members-0-researcher": "Jane Smith", "members-0-role": "analyst"},
    )
    response = client.post(f"/edit/projects/{project.slug}/", data)
    assert response.status_code == 400
    assert "Nothing in the directory is called" in response.text
    assert not project.memberships.filter(researcher__account=someone).exists()


def test_an_ambiguous_name_is_refused_and_the_slug_is_offered(client, someone):
    OrganisationFactory(name="Health Trust", slug="health-trust-north")
    OrganisationFactory(name="Health Trust", slug="health-trust-south")
    client.force_login(someone)
    response = client.post("/edit/datasets/new/", dataset_post(Organisation(name="Health Trust")))
    assert response.status_code == 400
    assert "More than one entry is called" in response.text and "health-trust-" in response.text
    response = client.post("/edit/datasets/new/", dataset_post(Organisation(name="health-trust-south")))
    assert response.status_code == 302


def test_restoring_a_profile_leaves_other_entries_rows_alone(researcher):
    profile = profile_of(researcher)
    project = ProjectFactory()
    with reversion.create_revision():
        membership = MembershipFactory(project=project, researcher=profile, role="lead")
        reversion.add_to_revision(profile)
        reversion.add_to_revision(membership)
    membership.delete()
    version = history.versions_of(profile).first()
    history.restore(profile, version, researcher)
    assert not Membership.objects.filter(project=project).exists()


def test_a_reopened_entry_is_not_its_suggesters_again(client, someone, curator):
    profile = ResearcherFactory(status="submitted", author=someone, email="private@example.org")
    client.force_login(curator)
    for step in ("publish", "archive", "reopen"):
        client.post(f"/edit/researchers/{profile.slug}/move/{step}/")
    profile.refresh_from_db()
    assert profile.status == "draft"
    client.force_login(someone)
    # Hidden from them now, so it answers as a missing entry would (not 403, which would confirm it).
    assert client.get(f"/edit/researchers/{profile.slug}/").status_code == 404
    assert client.get(profile.get_absolute_url()).status_code == 404


def test_the_starting_version_survives_a_form_shown_again(client, researcher, curator):
    profile = profile_of(researcher)
    started = profile.updated.isoformat()
    client.force_login(curator)
    data = {"name": profile.name, "version": started, "action": "save", "job_title": "Curator's edit"}
    assert client.post(f"/edit/researchers/{profile.slug}/", data).status_code == 302
    client.force_login(researcher)
    invalid = client.post(
        f"/edit/researchers/{profile.slug}/", {"name": "", "version": started, "action": "save"}
    )
    assert invalid.status_code == 400 and invalid.context["version"] == started
    again = client.post(
        f"/edit/researchers/{profile.slug}/", {"name": "Ria", "version": started, "action": "save"}
    )
    assert again.status_code == 409
    profile.refresh_from_db()
    assert profile.job_title == "Curator's edit"


def test_handing_the_lead_to_another_member_saves(client, researcher):
    project = ProjectFactory()
    lead = MembershipFactory(project=project, researcher=profile_of(researcher), role="lead")
    colleague = MembershipFactory(project=project, role="co-investigator")
    client.force_login(researcher)
    rows = {
        "members-TOTAL_FORMS": "2",
        "members-INITIAL_FORMS": "2",
        "members-0-id": str(colleague.pk),
        "members-0-researcher": colleague.researcher.name,
        "members-0-role": "lead",
        "members-1-id": str(lead.pk),
        "members-1-researcher": lead.researcher.name,
        "members-1-role": "co-investigator",
    }
    response = client.post(f"/edit/projects/{project.slug}/", project_post(project, **rows))
    assert response.status_code == 302
    assert project.memberships.get(role="lead").researcher == colleague.researcher


def test_a_step_that_does_not_apply_is_explained_not_a_server_error(client, curator):
    project = ProjectFactory(title="Already public")
    client.force_login(curator)
    response = client.post(
        f"/edit/projects/{project.slug}/", project_post(project, action="submit", title="Changed")
    )
    assert response.status_code == 400
    assert "cannot be moved on" in response.text
    project.refresh_from_db()
    assert project.title == "Already public"


def test_suggestions_give_names_as_stored_without_titles(client, someone, committed):
    with committed():
        ResearcherFactory(title="Dr", name="Jane Smithson")
    assert client.get("/edit/choices/researchers/?q=smithson").json() == {"choices": ["Jane Smithson"]}


def test_an_editor_of_an_empty_organisation_sees_an_empty_queue(client, editor):
    assert not Researcher.objects.filter(organisation__editors=editor).exists()
    client.force_login(editor)
    response = client.get(reverse("editing:review-queue"))
    assert response.status_code == 200 and "Nothing is waiting for review" in response.text


def test_a_preview_shows_even_when_the_edit_hands_the_entry_to_others(client, researcher):
    project = ProjectFactory(status="draft")
    lead = MembershipFactory(project=project, researcher=profile_of(researcher), role="lead")
    client.force_login(researcher)
    rows = {
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "1",
        "members-0-id": str(lead.pk),
        "members-0-researcher": lead.researcher.name,
        "members-0-role": "analyst",
        "action": "preview",
    }
    response = client.post(f"/edit/projects/{project.slug}/", project_post(project, **rows))
    assert response.status_code == 200 and "Preview: nothing is saved yet" in response.text
    assert project.memberships.get().role == "lead"
