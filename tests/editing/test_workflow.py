"""The review workflow, history and restore, archiving and deleting."""

import pytest
from django.core import mail
from reversion.models import Version

from datasets.models import Dataset
from editing import history
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership
from search.service import search
from tests.factories import (
    DatasetFactory,
    MembershipFactory,
    ProjectFactory,
    ResearcherFactory,
)


def move(client, entry, kind, name, **data):
    return client.post(f"/edit/{kind}/{entry.slug}/move/{name}/", data)


def test_the_review_queue_lists_what_each_reviewer_may_publish(client, curator, editor, someone):
    theirs = DatasetFactory(status="submitted", custodian=Organisation.objects.get(name="Bradford Council"))
    elsewhere = DatasetFactory(status="submitted")
    client.force_login(editor)
    page = client.get("/review/")
    assert theirs.title in page.text and elsewhere.title not in page.text
    client.force_login(curator)
    page = client.get("/review/")
    assert theirs.title in page.text and elsewhere.title in page.text
    client.force_login(someone)
    assert client.get("/review/").status_code == 403


def test_a_deactivated_author_is_not_told_of_the_decision(client, curator, someone, committed):
    someone.is_active = False
    someone.save()
    dataset = DatasetFactory(status="submitted", author=someone, title="Healthy Start uptake")
    client.force_login(curator)
    with committed():
        move(client, dataset, "datasets", "publish", next="/review/")
    dataset.refresh_from_db()
    assert dataset.status == "published"
    assert mail.outbox == []


def test_approving_publishes_records_the_review_and_tells_the_author(
    client, curator, someone, bradford, committed, django_capture_on_commit_callbacks
):
    dataset = DatasetFactory(status="submitted", author=someone, title="Healthy Start uptake")
    dataset.areas.add(bradford)
    client.force_login(curator)
    with committed():
        response = move(client, dataset, "datasets", "publish", next="/review/")
    assert response.status_code == 302 and response["Location"] == "/review/"
    dataset.refresh_from_db()
    assert dataset.status == "published" and dataset.last_reviewed is not None
    assert [message.to for message in mail.outbox] == [["someone@example.org"]]
    assert "is published" in mail.outbox[0].subject
    assert "http://testserver/datasets/" in mail.outbox[0].body
    assert search("Healthy Start").total == 1
    assert "Healthy Start uptake" in client.get(bradford.get_absolute_url()).text


def test_returning_needs_a_comment_and_sends_it_to_the_author(
    client, curator, someone, django_capture_on_commit_callbacks
):
    dataset = DatasetFactory(status="submitted", author=someone)
    client.force_login(curator)
    move(client, dataset, "datasets", "return", comment="   ")
    dataset.refresh_from_db()
    assert dataset.status == "submitted", "no comment, no return"
    with django_capture_on_commit_callbacks(execute=True):
        move(client, dataset, "datasets", "return", comment="Please add the age range.")
    dataset.refresh_from_db()
    assert dataset.status == "draft" and dataset.review_comment == "Please add the age range."
    assert "Please add the age range." in mail.outbox[0].body
    assert f"/edit/datasets/{dataset.slug}/" in mail.outbox[0].body
    client.force_login(someone)
    assert "Please add the age range." in client.get(dataset.get_absolute_url()).text


def test_an_author_cannot_approve_their_own_suggestion(client, someone):
    dataset = DatasetFactory(status="submitted", author=someone)
    client.force_login(someone)
    assert move(client, dataset, "datasets", "publish").status_code == 403
    dataset.refresh_from_db()
    assert dataset.status == "submitted"


def test_a_step_out_of_order_is_refused_with_a_message(client, curator):
    dataset = DatasetFactory(status="published")
    client.force_login(curator)
    response = move(client, dataset, "datasets", "return", comment="Why not")
    assert response.status_code == 302
    dataset.refresh_from_db()
    assert dataset.status == "published"
    assert "cannot be moved on" in client.get(response["Location"]).text


def test_unknown_steps_are_refused(client, curator):
    dataset = DatasetFactory(status="draft")
    client.force_login(curator)
    move(client, dataset, "datasets", "teleport")
    dataset.refresh_from_db()
    assert dataset.status == "draft"


def test_drafts_are_hidden_from_the_public_and_shown_to_editors_with_their_status(client, editor):
    draft = DatasetFactory(status="draft", custodian=Organisation.objects.get(name="Bradford Council"))
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(editor)
    page = client.get(draft.get_absolute_url())
    assert page.status_code == 200
    assert "Only the people who look after this entry can see this page." in page.text


def test_archiving_hides_an_entry_and_keeps_it(client, editor, someone):
    dataset = DatasetFactory(custodian=Organisation.objects.get(name="Bradford Council"))
    client.force_login(someone)
    assert client.get(f"/edit/datasets/{dataset.slug}/archive/").status_code == 403
    assert move(client, dataset, "datasets", "archive").status_code == 403
    client.force_login(editor)
    assert "Nothing is deleted" in client.get(f"/edit/datasets/{dataset.slug}/archive/").text
    move(client, dataset, "datasets", "archive")
    dataset.refresh_from_db()
    assert dataset.status == "archived"
    client.logout()
    assert client.get(dataset.get_absolute_url()).status_code == 404


def test_only_curators_delete_after_seeing_what_goes_with_it(client, curator, editor):
    project = ProjectFactory(title="Moving on up")
    membership = MembershipFactory(project=project)
    project.partner_organisations.add(Organisation.objects.get(name="Bradford Council"))
    client.force_login(editor)
    assert client.get(f"/edit/projects/{project.slug}/delete/").status_code == 403
    client.force_login(curator)
    page = client.get(f"/edit/projects/{project.slug}/delete/")
    assert str(membership) in page.text, "the confirmation lists what goes with it"
    response = client.post(f"/edit/projects/{project.slug}/delete/")
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_an_organisation_with_datasets_cannot_be_deleted(client, curator):
    dataset = DatasetFactory()
    client.force_login(curator)
    response = client.post(f"/edit/organisations/{dataset.custodian.slug}/delete/")
    assert response.status_code == 409
    assert "cannot be deleted while these entries depend on it" in response.text
    assert dataset.title in response.text
    assert Organisation.objects.filter(pk=dataset.custodian_id).exists()


def edit_profile(client, profile, **changes):
    profile.refresh_from_db()
    data = {"name": profile.name, "version": profile.updated.isoformat(), "action": "save", **changes}
    response = client.post(f"/edit/researchers/{profile.slug}/", data)
    assert response.status_code == 302, response.content[:2000]


def test_history_shows_who_changed_which_field_from_what_to_what(client, researcher):
    profile = Researcher.objects.get(account=researcher)
    client.force_login(researcher)
    edit_profile(client, profile, job_title="Lecturer")
    edit_profile(client, profile, job_title="Senior Lecturer")
    page = client.get(f"/edit/researchers/{profile.slug}/history/")
    steps = page.context["steps"]
    assert len(steps) == 3, "two edits and the version before them"
    newest = {change.label: (change.old, change.new) for change in steps[0].changes}
    assert newest["Job title"] == ("Lecturer", "Senior Lecturer")
    assert steps[0].revision.user == researcher
    assert "Senior Lecturer" in page.text and "Ria" in page.text


def test_history_is_for_editors_only(client, researcher, someone):
    profile = Researcher.objects.get(account=researcher)
    client.force_login(someone)
    assert client.get(f"/edit/researchers/{profile.slug}/history/").status_code == 403


def test_an_earlier_version_is_restored_and_the_status_is_kept(client, researcher):
    profile = Researcher.objects.get(account=researcher)
    client.force_login(researcher)
    edit_profile(client, profile, job_title="Lecturer", biography="First words.")
    edit_profile(client, profile, job_title="Professor", biography="")
    first_edit = client.get(f"/edit/researchers/{profile.slug}/history/").context["steps"][1].version
    confirm = client.get(f"/edit/researchers/{profile.slug}/history/{first_edit.pk}/restore/")
    assert "Professor" in confirm.text and "Lecturer" in confirm.text
    client.post(f"/edit/researchers/{profile.slug}/history/{first_edit.pk}/restore/")
    profile.refresh_from_db()
    assert (profile.job_title, profile.biography, profile.status) == ("Lecturer", "First words.", "published")
    assert profile.account == researcher
    latest = client.get(f"/edit/researchers/{profile.slug}/history/").context["steps"][0]
    assert latest.revision.comment.startswith("Restored the version of")


def edited_while_published_then_archived(client, researcher, curator) -> tuple[Researcher, Version]:
    """Ria's profile edited to "Lecturer" then "Professor" while published, then archived by the
    curator, who stays signed in; and the "Lecturer" version, whose recorded status is published."""
    profile = Researcher.objects.get(account=researcher)
    client.force_login(researcher)
    edit_profile(client, profile, job_title="Lecturer")
    edit_profile(client, profile, job_title="Professor")
    client.force_login(curator)
    move(client, profile, "researchers", "archive")
    lecturer = next(v for v in history.versions_of(profile) if v.field_dict["job_title"] == "Lecturer")
    assert lecturer.field_dict["status"] == "published"
    return profile, lecturer


def test_restoring_a_version_saved_while_published_leaves_an_archived_entry_archived(
    client, researcher, curator
):
    profile, lecturer = edited_while_published_then_archived(client, researcher, curator)
    client.post(f"/edit/researchers/{profile.slug}/history/{lecturer.pk}/restore/")
    profile.refresh_from_db()
    assert (profile.job_title, profile.status) == ("Lecturer", "archived")
    client.logout()
    assert client.get(profile.get_absolute_url()).status_code == 404


def test_restoring_a_version_saved_while_published_leaves_a_draft_a_draft(client, researcher, curator):
    profile, lecturer = edited_while_published_then_archived(client, researcher, curator)
    move(client, profile, "researchers", "reopen")
    client.post(f"/edit/researchers/{profile.slug}/history/{lecturer.pk}/restore/")
    profile.refresh_from_db()
    assert (profile.job_title, profile.status) == ("Lecturer", "draft")


def test_restoring_a_project_brings_back_its_members(client, curator):
    project = ProjectFactory()
    first = MembershipFactory(project=project, role="lead")
    client.force_login(curator)
    base = {"title": project.title, "summary": project.summary, "stage": project.stage, "action": "save"}
    management = {
        "members-INITIAL_FORMS": "1",
        "members-0-id": str(first.pk),
        "members-0-researcher": first.researcher.name,
        "members-0-role": "lead",
        **{f"{p}-{k}": "0" for p in ("usages", "outputs") for k in ("TOTAL_FORMS", "INITIAL_FORMS")},
    }
    newcomer = ResearcherFactory(name="New Person")
    project.refresh_from_db()
    client.post(
        f"/edit/projects/{project.slug}/",
        {
            **base,
            **management,
            "version": project.updated.isoformat(),
            "members-TOTAL_FORMS": "1",
            "summary": "Version one.",
        },
    )
    project.refresh_from_db()
    response = client.post(
        f"/edit/projects/{project.slug}/",
        {
            **base,
            **management,
            "version": project.updated.isoformat(),
            "members-TOTAL_FORMS": "2",
            "members-1-researcher": "New Person",
            "members-1-role": "analyst",
        },
    )
    assert response.status_code == 302
    assert project.members.filter(pk=newcomer.pk).exists()
    history = client.get(f"/edit/projects/{project.slug}/history/").context["steps"]
    assert any("New Person" in change.new for change in history[0].changes)
    version_one = history[1].version
    client.post(f"/edit/projects/{project.slug}/history/{version_one.pk}/restore/")
    project.refresh_from_db()
    assert project.summary == "Version one."
    assert list(project.members.all()) == [first.researcher]


@pytest.mark.parametrize("version_id", [999999])
def test_restoring_a_version_of_another_entry_is_404(client, curator, version_id):
    dataset = DatasetFactory()
    client.force_login(curator)
    assert client.get(f"/edit/datasets/{dataset.slug}/history/{version_id}/restore/").status_code == 404


def test_the_account_page_lists_entries_and_the_review_queue(client, editor):
    DatasetFactory(
        title="Council survey",
        status="submitted",
        custodian=Organisation.objects.get(name="Bradford Council"),
    )
    client.force_login(editor)
    page = client.get("/accounts/")
    assert "Council survey" in page.text
    assert "1 entry is waiting for your review" in page.text
    assert Dataset.objects.count() == 1
