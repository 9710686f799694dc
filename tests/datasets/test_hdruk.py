"""Each dataset offers its metadata in the HDR UK schema 3.0.0, and what it offers validates against it."""

import json

import jsonschema
import pytest
from django.core.management import call_command

from datasets.models import Dataset, Observation
from tests.factories import DatasetFactory
from tests.reference import reference_path

SCHEMA = "real-documents/hdruk_3.0.0_schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(reference_path(SCHEMA).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def hdruk(client, dataset) -> dict:
    response = client.get(f"/datasets/{dataset.slug}/hdruk.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def problems(validator, document) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def test_every_demo_dataset_validates(client, db, validator):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    datasets = list(Dataset.objects.published())
    assert len(datasets) >= 25
    for dataset in datasets:
        assert problems(validator, hdruk(client, dataset)) == [], dataset.slug


def test_it_carries_the_access_route_and_dated_counts(client, db, validator):
    dataset = DatasetFactory(
        access_service="secure-environment",
        trusted_research_environment="ONS Secure Research Service",
        jurisdiction="GB-ENG",
        data_controller="Department for Education",
        cost="free",
        weeks_to_access_from=8,
        weeks_to_access_to=12,
        access_conditions=["ethics-approval", "accredited-researcher"],
        access_url="https://example.org/apply",
        contact_email="data@example.org",
    )
    Observation.objects.create(dataset=dataset, measure="individuals", count=1200, observed_on="2020-03-31")
    Observation.objects.create(dataset=dataset, measure="individuals", count=1500, observed_on="2024-03-31")
    document = hdruk(client, dataset)
    assert problems(validator, document) == []
    access = document["accessibility"]["access"]
    assert access["accessServiceCategory"] == "TRE/SDE"
    assert access["deliveryLeadTime"] == "2-6 months"
    assert access["jurisdiction"] == ["GB-ENG"] and access["accessRights"] == "https://example.org/apply"
    assert document["accessibility"]["usage"] == {"dataUseRequirements": ["Ethics approval required"]}
    assert document["summary"]["populationSize"] == 1500
    assert [each["observationDate"] for each in document["observations"]] == ["2024-03-31", "2020-03-31"]


def test_a_bare_dataset_still_validates(client, db, validator):
    bare = DatasetFactory(custodian=None, summary="Kids", min_age=None, max_age=None)
    document = hdruk(client, bare)
    assert problems(validator, document) == []
    assert document["summary"]["populationSize"] == -1
    assert document["accessibility"]["access"]["accessRights"] == "In Progress"


@pytest.mark.parametrize("status", ["draft", "submitted", "archived"])
def test_unpublished_datasets_have_none(client, db, status):
    dataset = DatasetFactory(status=status)
    assert client.get(f"/datasets/{dataset.slug}/hdruk.json").status_code == 404


def test_the_queries_do_not_grow_with_what_it_holds(client, db, django_assert_num_queries):
    dataset = DatasetFactory()
    for year in range(2000, 2030):
        Observation.objects.create(dataset=dataset, count=year, observed_on=f"{year}-01-01")
    client.get(f"/datasets/{dataset.slug}/hdruk.json")
    # The dataset with its custodian, then its areas, counts, steps and linked datasets, and its data
    # dictionary's tables (datasets/dictionary/hdruk.py).
    with django_assert_num_queries(6):
        client.get(f"/datasets/{dataset.slug}/hdruk.json")
