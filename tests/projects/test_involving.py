"""An organisation's page lists the projects it is involved in, through public links only."""

from projects.models import Project
from tests.factories import MembershipFactory, OrganisationFactory, ProjectFactory, ResearcherFactory


def test_a_project_is_not_listed_under_an_organisation_through_an_unpublished_member(client, db):
    organisation = OrganisationFactory()
    hidden_member = ResearcherFactory(organisation=organisation, status="draft")
    project = ProjectFactory(title="Linked only by a draft profile")
    MembershipFactory(project=project, researcher=hidden_member)

    assert not Project.objects.published().involving(organisation).exists()
    assert "Linked only by a draft profile" not in client.get(organisation.get_absolute_url()).text


def test_a_published_member_still_links_the_project(client, db):
    organisation = OrganisationFactory()
    project = ProjectFactory(title="Linked by a published profile")
    MembershipFactory(project=project, researcher=ResearcherFactory(organisation=organisation))

    assert list(Project.objects.published().involving(organisation)) == [project]
    assert "Linked by a published profile" in client.get(organisation.get_absolute_url()).text
