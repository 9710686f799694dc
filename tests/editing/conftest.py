import pytest
from django.contrib.auth.models import Group

from accounts.policy import CURATORS_GROUP
from tests.factories import OrganisationFactory, ResearcherFactory


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user(
        "curator", "curator@example.org", "pw", first_name="Cara", is_staff=True
    )
    user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    return user


@pytest.fixture
def someone(django_user_model):
    """A signed-in person with no profile and no organisation to edit."""
    return django_user_model.objects.create_user("someone", "someone@example.org", "pw", first_name="Sam")


@pytest.fixture
def researcher(django_user_model):
    """An account with a published researcher profile of its own."""
    user = django_user_model.objects.create_user("ria", "ria@example.org", "pw", first_name="Ria")
    ResearcherFactory(
        account=user, name="Ria Patel", orcid="", organisation=OrganisationFactory(name="Uni A")
    )
    return user


@pytest.fixture
def editor(django_user_model):
    """An organisation editor, and the organisation they edit."""
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    organisation = OrganisationFactory(name="Bradford Council")
    organisation.editors.add(user)
    return user


def form_data(form, **changes) -> dict:
    """What a browser would post back for `form` unchanged, with `changes` applied."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = str(field.prepare_value(value) if hasattr(field, "prepare_value") else value)
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
