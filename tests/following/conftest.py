import pytest

from tests.factories import UserFactory


@pytest.fixture
def person(db):
    return UserFactory(username="follower", email="follower@example.org", first_name="Fola")


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "http://testserver.example/"
