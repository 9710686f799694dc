"""Claiming a researcher profile: at once when the verified address matches, else approved by the
profile's organisation editors or a curator."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from accounts.models import ProfileClaim
from accounts.policy import CURATORS_GROUP
from people.models import Researcher
from tests.factories import OrganisationFactory, ResearcherFactory, UserFactory


@pytest.fixture
def claimant(db):
    return UserFactory(username="ria", email="ria@example.org", first_name="Ria")


@pytest.fixture
def organisation_editor(db):
    editor = UserFactory(username="ed", email="ed@example.org")
    return editor


@pytest.fixture
def profile(organisation_editor):
    organisation = OrganisationFactory(name="Uni A")
    organisation.editors.add(organisation_editor)
    return ResearcherFactory(name="Ria Patel", email="r.patel@uni-a.example.org", organisation=organisation)


def claim(client, researcher, message=""):
    return client.post(f"/accounts/claim/{researcher.slug}/", {"message": message})


def test_a_profile_with_the_accounts_address_is_linked_at_once(client, claimant):
    researcher = ResearcherFactory(email="RIA@example.org")
    client.force_login(claimant)
    assert claim(client, researcher)["Location"] == "/accounts/"
    researcher.refresh_from_db()
    assert researcher.account == claimant
    assert mail.outbox == []


def test_otherwise_the_organisations_editors_are_asked_and_approve(
    client, claimant, profile, organisation_editor
):
    client.force_login(claimant)
    claim(client, profile, "I moved from Uni B last year.")
    assert Researcher.objects.get(pk=profile.pk).account is None
    [asked] = mail.outbox
    assert asked.to == ["ed@example.org"]
    assert "I moved from Uni B last year." in asked.body
    assert "Ria Patel" in client.get("/accounts/").text  # shown as waiting

    client.force_login(organisation_editor)
    page = client.get("/accounts/claims/")
    assert "ria@example.org" in page.text
    pending = ProfileClaim.objects.get()
    assert client.post(f"/accounts/claims/{pending.pk}/decide/", {"decision": "approve"}).status_code == 302
    assert Researcher.objects.get(pk=profile.pk).account == claimant
    assert mail.outbox[-1].to == ["ria@example.org"]
    assert "now linked" in mail.outbox[-1].subject


def test_a_refused_claim_links_nothing_and_says_so(client, claimant, profile, organisation_editor):
    client.force_login(claimant)
    claim(client, profile)
    client.force_login(organisation_editor)
    client.post(f"/accounts/claims/{ProfileClaim.objects.get().pk}/decide/", {"decision": "refuse"})
    assert Researcher.objects.get(pk=profile.pk).account is None
    assert "refused" in mail.outbox[-1].subject


def test_without_organisation_editors_the_curators_are_asked(client, claimant):
    curator = UserFactory(username="cura", email="cura@example.org")
    curator.groups.add(Group.objects.get(name=CURATORS_GROUP))
    researcher = ResearcherFactory(organisation=OrganisationFactory())
    client.force_login(claimant)
    claim(client, researcher)
    assert [message.to for message in mail.outbox] == [["cura@example.org"]]


def test_only_the_people_who_look_after_the_profile_decide(client, claimant, profile):
    client.force_login(claimant)
    claim(client, profile)
    pending = ProfileClaim.objects.get()
    outsider = UserFactory(username="out")
    OrganisationFactory().editors.add(outsider)
    client.force_login(outsider)
    assert "ria@example.org" not in client.get("/accounts/claims/").text
    assert client.post(f"/accounts/claims/{pending.pk}/decide/", {"decision": "approve"}).status_code == 404
    client.force_login(claimant)
    assert client.get("/accounts/claims/").status_code == 403
    assert client.post(f"/accounts/claims/{pending.pk}/decide/", {"decision": "approve"}).status_code == 404
    assert Researcher.objects.get(pk=profile.pk).account is None


def test_a_linked_profile_or_account_cannot_be_claimed(client, claimant, profile):
    taken = ResearcherFactory(account=UserFactory(username="other"))
    client.force_login(claimant)
    response = claim(client, taken)
    assert response.status_code == 400 and "already linked" in response.text
    ResearcherFactory(account=claimant)
    response = claim(client, profile)
    assert response.status_code == 400 and "already linked to a profile" in response.text


def test_asking_twice_is_explained(client, claimant, profile):
    client.force_login(claimant)
    claim(client, profile)
    response = claim(client, profile)
    assert response.status_code == 400 and "already asked" in response.text
    assert ProfileClaim.objects.count() == 1


def test_an_unpublished_profile_answers_as_missing(client, claimant):
    draft = ResearcherFactory(status="draft")
    client.force_login(claimant)
    assert client.get(f"/accounts/claim/{draft.slug}/").status_code == 404


def test_the_researcher_page_offers_the_claim_only_for_unlinked_profiles(client, db):
    unlinked = ResearcherFactory()
    linked = ResearcherFactory(account=UserFactory())
    assert f"/accounts/claim/{unlinked.slug}/" in client.get(unlinked.get_absolute_url()).text
    assert "/accounts/claim/" not in client.get(linked.get_absolute_url()).text
