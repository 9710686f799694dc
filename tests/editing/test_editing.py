"""Editing on the site: own profile, suggestions, previews, bad input and refusals."""

import pytest
from django.test import Client

from datasets.models import Dataset
from people.models import Researcher
from projects.models import Membership, Project
from tests.factories import (
    DatasetFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ThemeFactory,
)


def profile_of(user) -> Researcher:
    return Researcher.objects.get(account=user)


def edit_url(kind, slug):
    return f"/edit/{kind}/{slug}/"


def profile_post(profile, **changes):
    data = {
        "name": profile.name,
        "job_title": profile.job_title,
        "organisation": profile.organisation.name if profile.organisation else "",
        "version": profile.updated.isoformat(),
        "action": "save",
    }
    return {**data, **changes}


def dataset_post(custodian, **changes):
    data = {
        "title": "Early years survey",
        "summary": "Development at age five.",
        "custodian": custodian.name,
        "source_kind": "survey",
        "access_level": "open",
        "coverage_scope": "local",
        "action": "save",
    }
    return {**data, **changes}


def project_post(project, **changes):
    data = {
        "title": project.title,
        "summary": project.summary,
        "stage": project.stage,
        "version": project.updated.isoformat(),
        "action": "save",
        **{
            f"{prefix}-{key}": value
            for prefix in ("members", "usages", "outputs")
            for key, value in {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            }.items()
        },
    }
    return {**data, **changes}


def test_a_researcher_edits_their_own_profile(client, researcher):
    profile = profile_of(researcher)
    client.force_login(researcher)
    url = edit_url("researchers", profile.slug)
    assert client.get(url).status_code == 200
    response = client.post(
        url, profile_post(profile, job_title="Senior Lecturer", biography="Works on SEND.")
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.job_title == "Senior Lecturer"
    assert profile.is_published, "an owner's edit of a published profile stays published"


def test_someone_else_may_not_edit_a_profile(client, researcher, someone):
    profile = profile_of(researcher)
    client.force_login(someone)
    url = edit_url("researchers", profile.slug)
    assert client.get(url).status_code == 403
    assert client.post(url, profile_post(profile, job_title="Hacked")).status_code == 403
    profile.refresh_from_db()
    assert profile.job_title != "Hacked"


def test_signed_out_visitors_are_sent_to_sign_in(client, researcher):
    response = client.get(edit_url("researchers", profile_of(researcher).slug))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


@pytest.mark.parametrize(
    "url", ["/edit/researchers/nobody/", "/edit/spaceships/new/", "/edit/datasets/nothing/history/"]
)
def test_missing_entries_and_kinds_are_404(client, someone, url):
    client.force_login(someone)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"orcid": "0000-0002-1825-0098"}, "orcid", "does not match the rest"),
        ({"name": "x" * 201}, "name", "at most 200 characters"),
        ({"name": ""}, "name", "This field is required"),
        ({"organisation": "No Such University"}, "organisation", "Nothing in the directory is called"),
        ({"email": "not-an-address"}, "email", "valid email"),
    ],
)
def test_bad_profile_input_is_explained_and_nothing_changes(client, researcher, changes, field, message):
    profile = profile_of(researcher)
    before = Researcher.objects.filter(pk=profile.pk).values().get()
    client.force_login(researcher)
    response = client.post(edit_url("researchers", profile.slug), profile_post(profile, **changes))
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert 'aria-invalid="true"' in response.text
    assert Researcher.objects.filter(pk=profile.pk).values().get() == before


def test_posts_without_the_csrf_token_are_refused(researcher):
    profile = profile_of(researcher)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(researcher)
    response = browser.post(edit_url("researchers", profile.slug), profile_post(profile, job_title="Forged"))
    assert response.status_code == 403
    profile.refresh_from_db()
    assert profile.job_title != "Forged"


def test_anyone_signed_in_suggests_a_dataset_for_review(client, someone, bradford):
    custodian = OrganisationFactory(name="City of Bradford MDC")
    theme = ThemeFactory(name="Starting school well")
    client.force_login(someone)
    data = dataset_post(custodian, action="submit", themes=[theme.pk], areas=[bradford.pk])
    response = client.post("/edit/datasets/new/", data)
    assert response.status_code == 302
    dataset = Dataset.objects.get(title="Early years survey")
    assert dataset.status == "submitted" and dataset.author == someone
    assert list(dataset.areas.all()) == [bradford] and list(dataset.themes.all()) == [theme]
    assert client.get(dataset.get_absolute_url()).status_code == 200, "the author sees their suggestion"
    client.logout()
    assert client.get(dataset.get_absolute_url()).status_code == 404, "the public does not"


def test_a_suggestion_cannot_publish_itself(client, someone):
    custodian = OrganisationFactory()
    client.force_login(someone)
    client.post("/edit/datasets/new/", dataset_post(custodian, action="publish"))
    assert not Dataset.objects.filter(status="published", title="Early years survey").exists()


def test_the_age_range_must_be_in_order(client, someone):
    client.force_login(someone)
    response = client.post(
        "/edit/datasets/new/", dataset_post(OrganisationFactory(), min_age="16", max_age="5")
    )
    assert response.status_code == 400
    assert not Dataset.objects.filter(title="Early years survey").exists()


def test_preview_shows_the_public_page_and_saves_nothing(client, researcher):
    profile = profile_of(researcher)
    client.force_login(researcher)
    response = client.post(
        edit_url("researchers", profile.slug),
        profile_post(profile, action="preview", job_title="Professor of Data"),
    )
    assert response.status_code == 200
    assert "Preview: nothing is saved yet" in response.text
    assert "Professor of Data" in response.text
    assert 'name="job_title" value="Professor of Data"' in response.text, "the banner keeps what was typed"
    profile.refresh_from_db()
    assert profile.job_title != "Professor of Data"


def test_preview_of_a_new_suggestion_leaves_nothing_behind(client, someone):
    client.force_login(someone)
    response = client.post("/edit/datasets/new/", dataset_post(OrganisationFactory(), action="preview"))
    assert response.status_code == 200 and "Development at age five." in response.text
    assert not Dataset.objects.filter(title="Early years survey").exists()


def test_a_lead_edits_members_datasets_and_outputs(client, researcher):
    project = ProjectFactory(title="School readiness")
    MembershipFactory(project=project, researcher=profile_of(researcher), role=Membership.Role.LEAD)
    colleague = MembershipFactory(project=project).researcher
    dataset = DatasetFactory(title="Born in Bradford")
    client.force_login(researcher)
    response = client.get(edit_url("projects", project.slug))
    assert response.status_code == 200
    data = project_post(
        project,
        **{
            "members-TOTAL_FORMS": "2",
            "members-INITIAL_FORMS": "2",
            "members-0-id": str(project.memberships.get(role="lead").pk),
            "members-0-researcher": profile_of(researcher).name,
            "members-0-role": "lead",
            "members-1-id": str(project.memberships.get(researcher=colleague).pk),
            "members-1-researcher": colleague.name,
            "members-1-role": "analyst",
            "usages-TOTAL_FORMS": "1",
            "usages-0-dataset": "Born in Bradford",
            "usages-0-note": "Cohort linkage",
            "outputs-TOTAL_FORMS": "1",
            "outputs-0-kind": "report",
            "outputs-0-title": "Ready to learn",
            "outputs-0-year": "2025",
            "outputs-0-key_finding": "Early help works.",
        },
    )
    response = client.post(edit_url("projects", project.slug), data)
    assert response.status_code == 302, response.context and response.context["parts"]
    assert project.memberships.get(researcher=colleague).role == "analyst"
    assert list(project.datasets.all()) == [dataset]
    assert project.outputs.get().key_finding == "Early help works."


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"start_date": "2024-05-01", "end_date": "2023-01-01"}, "end"),
        (
            {
                "members-TOTAL_FORMS": "2",
                "members-0-researcher": "Ria Patel",
                "members-0-role": "lead",
                "members-1-researcher": "Ria Patel",
                "members-1-role": "analyst",
            },
            "Each person is listed once",
        ),
        (
            {"usages-TOTAL_FORMS": "1", "usages-0-dataset": "Not a real dataset"},
            "Nothing in the directory is called",
        ),
        (
            {
                "outputs-TOTAL_FORMS": "1",
                "outputs-0-kind": "report",
                "outputs-0-title": "A report",
                "outputs-0-doi": "nonsense",
            },
            "DOI",
        ),
    ],
)
def test_bad_project_input_is_explained_and_nothing_changes(client, researcher, changes, message):
    project = ProjectFactory()
    MembershipFactory(project=project, researcher=profile_of(researcher), role=Membership.Role.LEAD)
    before = (Project.objects.filter(pk=project.pk).values().get(), list(project.memberships.values()))
    client.force_login(researcher)
    response = client.post(edit_url("projects", project.slug), project_post(project, **changes))
    assert response.status_code == 400
    assert message in response.text
    assert (
        Project.objects.filter(pk=project.pk).values().get(),
        list(project.memberships.values()),
    ) == before


def test_a_second_save_from_a_stale_form_is_refused_with_what_changed(client, researcher, curator):
    profile = profile_of(researcher)
    stale = profile_post(profile, job_title="Mine")
    client.force_login(curator)
    assert (
        client.post(
            edit_url("researchers", profile.slug), profile_post(profile, job_title="Theirs")
        ).status_code
        == 302
    )
    client.force_login(researcher)
    response = client.post(edit_url("researchers", profile.slug), stale)
    assert response.status_code == 409
    assert "Someone else saved this entry after you opened it" in response.text
    assert "Theirs" in response.text, "what changed meanwhile is shown"
    assert 'value="Mine"' in response.text, "what was typed is kept"
    profile.refresh_from_db()
    assert profile.job_title == "Theirs"


def test_choices_suggest_names_of_one_kind(client, someone, committed):
    with committed():
        OrganisationFactory(name="Leeds Beckett University")
        DatasetFactory(title="Leeds children's survey")
    response = client.get("/edit/choices/organisations/?q=leeds")
    assert response.json() == {"choices": ["Leeds Beckett University"]}
    assert client.get("/edit/choices/spaceships/?q=x").status_code == 404


def test_a_signed_in_person_creates_their_own_profile(client, someone):
    client.force_login(someone)
    page = client.get("/edit/researchers/new/?mine=1")
    assert "Create your profile" in page.text
    response = client.post("/edit/researchers/new/?mine=1", {"name": "Sam Jones", "action": "submit"})
    assert response.status_code == 302
    profile = Researcher.objects.get(name="Sam Jones")
    assert profile.account == someone and profile.status == "submitted"


def test_oversized_long_text_is_refused(client, researcher):
    profile = profile_of(researcher)
    client.force_login(researcher)
    response = client.post(
        edit_url("researchers", profile.slug), profile_post(profile, biography="word " * 2001)
    )
    assert response.status_code == 400
    assert "at most 10000 characters" in str(response.context["form"].errors["biography"])
    profile.refresh_from_db()
    assert profile.biography == ""


def test_a_huge_request_body_is_refused_before_it_is_read(client, researcher):
    profile = profile_of(researcher)
    client.force_login(researcher)
    response = client.post(
        edit_url("researchers", profile.slug), profile_post(profile, biography="x" * 3_000_000)
    )
    assert response.status_code == 400
    profile.refresh_from_db()
    assert profile.biography == ""


def test_two_suggestions_with_the_same_title_get_their_own_addresses(client, someone):
    client.force_login(someone)
    custodian = OrganisationFactory()
    client.post("/edit/datasets/new/", dataset_post(custodian))
    client.post("/edit/datasets/new/", dataset_post(custodian))
    slugs = sorted(Dataset.objects.filter(title="Early years survey").values_list("slug", flat=True))
    assert slugs == ["early-years-survey", "early-years-survey-2"]


def test_a_curator_giving_a_taken_address_in_the_admin_is_told(client, curator):
    taken = DatasetFactory(slug="taken")
    other = DatasetFactory()
    client.force_login(curator)
    page = client.get(f"/admin/datasets/dataset/{other.pk}/change/")
    data = {
        name: value
        for name, value in page.context["adminform"].form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    response = client.post(
        f"/admin/datasets/dataset/{other.pk}/change/",
        {**data, "slug": "taken", "custodian": other.custodian_id},
    )
    assert response.status_code == 200
    assert "already exists" in response.text
    other.refresh_from_db()
    assert other.slug != taken.slug
