import io

import pytest
from django.contrib.auth.models import Group

from accounts.policy import CURATORS_GROUP
from datasets.models import DictionaryTable, Variable
from tests.factories import DatasetFactory, OrganisationFactory


@pytest.fixture
def custodian(db):
    return OrganisationFactory(name="Bradford Institute for Health Research")


@pytest.fixture
def dataset(custodian):
    return DatasetFactory(title="Born in Bradford", slug="born-in-bradford", custodian=custodian)


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator@example.org", "curator@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
    return user


@pytest.fixture
def editor(django_user_model, custodian):
    """An editor of the dataset's custodian."""
    user = django_user_model.objects.create_user("editor@example.org", "editor@example.org", "pw")
    custodian.editors.add(user)
    return user


@pytest.fixture
def stranger(django_user_model):
    return django_user_model.objects.create_user("someone@example.org", "someone@example.org", "pw")


def signed_in(client, user):
    client.force_login(user)
    return client


def a_file(content: str | bytes, name: str = "dictionary.csv") -> io.BytesIO:
    upload = io.BytesIO(content.encode() if isinstance(content, str) else content)
    upload.name = name
    return upload


def add_variables(dataset, count: int, table_name: str = "Main", **fields) -> list[Variable]:
    table, _ = DictionaryTable.objects.get_or_create(
        dataset=dataset, name=table_name, defaults={"slug": table_name.lower().replace(" ", "-")}
    )
    variables = []
    for number in range(count):
        variable = Variable(
            dataset=dataset,
            table=table,
            name=f"var_{number}",
            label=f"Variable number {number}",
            position=number,
            **fields,
        )
        variable.set_age_span()
        variables.append(variable)
    return Variable.objects.bulk_create(variables)
