import pytest
from django.contrib.auth.models import Group

from accounts.policy import CURATORS_GROUP
from tests.factories import DatasetFactory, ResearcherFactory

HIDDEN_ADDRESS = "hidden.person@example.org"
TEAM_ADDRESS = "data-team@example.org"


@pytest.fixture
def researcher(db):
    """A published researcher who accepts introductions and does not show their address."""
    return ResearcherFactory(name="Grace Hidden", email=HIDDEN_ADDRESS, show_email=False)


@pytest.fixture
def dataset(db):
    return DatasetFactory(title="Born in Test Town", contact_name="Data team", contact_email=TEAM_ADDRESS)


@pytest.fixture
def request_data():
    return {
        "name": "Ada Requester",
        "organisation": "Leeds City Council",
        "email": "ada@example.com",
        "message": "I am looking at school readiness and would value a conversation.",
    }


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator", "curator@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    return user
