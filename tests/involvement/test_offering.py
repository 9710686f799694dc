"""Who may offer an opportunity (project leads, organisation editors, curators), and the review it goes through."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.models import Entry
from involvement.models import Opportunity
from projects.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, ProjectFactory, ResearcherFactory

pytestmark = pytest.mark.django_db
NEW = "/edit/opportunities/new/"


@pytest.fixture
def lead(django_user_model):
    """The lead of a published project at an organisation with an editor."""
    user = django_user_model.objects.create_user("lee", "lee@example.org", "pw", first_name="Lee")
    organisation = OrganisationFactory(name="Uni of the North")
    person = ResearcherFactory(account=user, organisation=organisation, orcid="")
    project = ProjectFactory(title="Youth voice in local policy", end_date=timezone.localdate())
    MembershipFactory(project=project, researcher=person, role=Membership.Role.LEAD)
    return user


@pytest.fixture
def project(lead):
    return lead.researcher_profile.projects.get()


def offer(for_project, **changes) -> dict:
    return {
        "title": "Join our young advisers",
        "summary": "Six evening sessions to shape the policy asks.",
        "project": for_project.title,
        "organisation": "",
        "wants_students": "on",
        "wants_lived_experience": "on",
        "commitment": "Six two-hour sessions",
        "setting": "either",
        "location": "Liverpool",
        "payment": "paid",
        "payment_details": "£25 an hour",
        "accessibility": "Step-free venue.",
        "closes_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "contact_email": "team@example.org",
        "action": "submit",
        **changes,
    }


def test_visitors_are_asked_to_sign_in(client):
    response = client.get(NEW)
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_someone_who_leads_nothing_and_edits_nothing_may_not_offer_one(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("sam", "sam@example.org", "pw"))
    assert client.get(NEW).status_code in (403, 404)
    assert client.post(NEW, offer(ProjectFactory())).status_code in (403, 404)
    assert not Opportunity.objects.exists()


def test_a_project_lead_offers_one_for_review(client, lead, project):
    client.force_login(lead)
    page = client.get(f"{NEW}?project={project.slug}")
    assert page.status_code == 200 and "Suggest a new opportunity" in page.content.decode()
    assert project.title in page.content.decode()
    response = client.post(NEW, offer(project))
    assert response.status_code == 302
    opportunity = Opportunity.objects.get()
    assert (opportunity.project, opportunity.status, opportunity.author) == (project, "submitted", lead)
    assert client.get("/get-involved/").context["page"].paginator.count == 0


def test_a_lead_cannot_offer_one_for_someone_elses_project(client, lead):
    client.force_login(lead)
    other = ProjectFactory(title="Someone else's project")
    response = client.post(NEW, offer(other))
    assert response.status_code == 400
    assert not Opportunity.objects.exists()


def test_it_must_say_who_is_wanted_and_who_offers_it(client, lead, project):
    client.force_login(lead)
    data = offer(project, project="")
    del data["wants_students"], data["wants_lived_experience"]
    response = client.post(NEW, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say which project or organisation offers it." in html
    assert "Tick at least one group" in html


def test_the_organisations_editor_reviews_and_publishes_it(
    client, lead, project, django_user_model, committed
):
    client.force_login(lead)
    client.post(NEW, offer(project))
    opportunity = Opportunity.objects.get()
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    lead.researcher_profile.organisation.editors.add(editor)
    client.force_login(editor)
    assert opportunity.title in client.get("/review/").content.decode()
    with committed():
        response = client.post(f"/edit/opportunities/{opportunity.slug}/move/publish/")
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == Entry.Status.PUBLISHED
    assert mail.outbox[-1].to == ["lee@example.org"]
    assert opportunity.title in client.get("/get-involved/").content.decode()


def test_an_editor_of_an_unrelated_organisation_may_not_publish_it(client, lead, project, django_user_model):
    client.force_login(lead)
    client.post(NEW, offer(project))
    opportunity = Opportunity.objects.get()
    stranger = django_user_model.objects.create_user("st", "st@example.org", "pw")
    OrganisationFactory().editors.add(stranger)
    client.force_login(stranger)
    assert client.post(f"/edit/opportunities/{opportunity.slug}/move/publish/").status_code in (403, 404)
    opportunity.refresh_from_db()
    assert opportunity.status == Entry.Status.SUBMITTED


def test_a_project_past_its_end_date_asks_its_owner_to_update_it(client, lead, project):
    project.end_date = timezone.localdate() - datetime.timedelta(days=1)
    project.save()
    public = client.get(project.get_absolute_url()).content.decode()
    assert "Ended" in public and "has passed" not in public
    client.force_login(lead)
    assert "has passed" in client.get(project.get_absolute_url()).content.decode()
    assert "has passed" in client.get(f"/edit/projects/{project.slug}/").content.decode()


def test_the_owners_account_page_flags_a_project_past_its_end_date(client, lead, project):
    client.force_login(lead)
    assert "its end date has passed" not in client.get("/accounts/").content.decode()
    project.end_date = timezone.localdate() - datetime.timedelta(days=1)
    project.save()
    assert "its end date has passed" in client.get("/accounts/").content.decode()


def test_the_account_page_lists_the_opportunities_one_looks_after(client, lead, project, django_user_model):
    client.force_login(lead)
    client.post(NEW, offer(project))
    page = client.get("/accounts/").content.decode()
    assert "<h3>Opportunities</h3>" in page and "Join our young advisers" in page
    client.force_login(django_user_model.objects.create_user("sam", "sam@example.org", "pw"))
    assert "<h3>Opportunities</h3>" not in client.get("/accounts/").content.decode()
