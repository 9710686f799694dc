"""Every model has a working admin: list with filters and search, add form, change form."""

import pytest
from django.contrib import admin
from django.urls import reverse

from datasets.models import DictionaryTable, Variable
from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    OutputFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)

DOMAIN_APPS = {"areas", "organisations", "themes", "people", "datasets", "projects"}


@pytest.fixture
def curator_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "curator@example.org", "a-long-password")
    client.force_login(user)
    return client


@pytest.fixture
def one_of_everything(db):
    MembershipFactory()
    DatasetUsageFactory()
    OutputFactory()
    ThemeFactory()
    dataset = DatasetFactory()
    table = DictionaryTable.objects.create(dataset=dataset, name="Main", slug="main")
    Variable.objects.create(dataset=dataset, table=table, name="bmi", label="Body mass index")
    return [dataset, ResearcherFactory(), ProjectFactory(), OrganisationFactory()]


def domain_models():
    return [model for model in admin.site._registry if model._meta.app_label in DOMAIN_APPS]


def test_every_domain_model_is_registered():
    names = {model.__name__ for model in domain_models()}
    assert names == {
        "Area",
        "AreaCodeAlias",
        "PlaceName",
        "Organisation",
        "Theme",
        "Researcher",
        "Dataset",
        "LinkageIdentifier",
        "DictionaryTable",
        "Variable",
        "Project",
        "Membership",
        "DatasetUsage",
        "Output",
    }


@pytest.mark.parametrize("model", domain_models(), ids=lambda model: model.__name__)
def test_admin_pages_load(curator_client, one_of_everything, model):
    meta = model._meta
    changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    assert curator_client.get(changelist).status_code == 200
    assert curator_client.get(changelist + "?q=a").status_code == 200
    assert curator_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add")).status_code == 200
    entry = model.objects.first()
    change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[entry.pk])
    assert curator_client.get(change).status_code == 200


def test_relations_autocomplete_in_the_admin(curator_client, bradford):
    url = reverse("admin:autocomplete")
    response = curator_client.get(
        url, {"app_label": "datasets", "model_name": "dataset", "field_name": "areas", "term": "Bradf"}
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Bradford"]


def test_an_area_is_found_in_the_admin_by_a_retired_code(curator_client, db):
    response = curator_client.get(reverse("admin:areas_area_changelist") + "?q=E07000163")
    assert "North Yorkshire" in response.content.decode()


def test_curators_can_publish_entries_in_bulk(curator_client, db):
    draft = DatasetFactory(status="draft")
    curator_client.post(
        reverse("admin:datasets_dataset_changelist"), {"action": "publish", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == "published"


def test_visitors_cannot_reach_the_admin(client, db):
    response = client.get(reverse("admin:datasets_dataset_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
