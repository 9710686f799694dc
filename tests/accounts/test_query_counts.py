"""The account pages run the same number of queries however much the person has."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import ProfileClaim
from tests.factories import FollowFactory, OrganisationFactory, ResearcherFactory, UserFactory


def queries_for(client, address: str) -> int:
    client.get(address)  # warm-up: sessions, content types
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_the_account_and_claims_pages_do_not_grow_with_rows(client, db):
    editor = UserFactory(username="ed")
    organisation = OrganisationFactory()
    organisation.editors.add(editor)
    client.force_login(editor)

    def grow(rows: int) -> None:
        for _ in range(rows):
            FollowFactory(user=editor)
            ProfileClaim.objects.create(
                user=UserFactory(), researcher=ResearcherFactory(organisation=organisation)
            )
            ProfileClaim.objects.create(user=editor, researcher=ResearcherFactory())

    grow(1)
    few = {address: queries_for(client, address) for address in ["/accounts/", "/accounts/claims/"]}
    grow(6)
    many = {address: queries_for(client, address) for address in ["/accounts/", "/accounts/claims/"]}
    assert few == many
    assert max(many.values()) <= 20
