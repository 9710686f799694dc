import pytest
from django.contrib.auth.models import Group

from accounts.policy import CURATORS_GROUP


@pytest.fixture
def curator(django_user_model):
    """A member of the Curators group with admin access, but no Django model permissions of their own."""
    user = django_user_model.objects.create_user("curator", "curator@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    return user


@pytest.fixture
def staff(django_user_model):
    """Someone with admin access who is not a curator."""
    return django_user_model.objects.create_user("staff", "staff@example.org", "pw", is_staff=True)
