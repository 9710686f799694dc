"""The API gives a dataset's route to access and dated counts, and its schema documents them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from datasets.access_facts import ACCESS_FACTS
from datasets.models import AccessStep, Observation
from tests.factories import DatasetFactory

pytestmark = pytest.mark.django_db


def test_a_dataset_carries_its_access_facts_steps_and_counts(client):
    dataset = DatasetFactory(
        access_service="secure-environment",
        who_may_apply=["nhs"],
        access_conditions=["training"],
        weeks_to_access_from=4,
        weeks_to_access_to=8,
        jurisdiction="GB-ENG",
    )
    AccessStep.objects.create(dataset=dataset, position=1, title="Apply", url="https://example.org/apply")
    Observation.objects.create(
        dataset=dataset, measure="records", count=99, observed_on=datetime.date(2024, 3, 31)
    )
    data = client.get(f"/api/v1/datasets/{dataset.slug}/").json()
    assert set(ACCESS_FACTS) <= set(data)
    assert data["who_may_apply"] == ["nhs"] and data["access_conditions"] == ["training"]
    assert data["time_to_access"] == "4–8 weeks" and data["jurisdiction"] == "GB-ENG"
    assert data["access_steps"] == [
        {"position": 1, "title": "Apply", "description": "", "url": "https://example.org/apply"}
    ]
    assert data["observations"] == [
        {"measure": "records", "count": 99, "observed_on": "2024-03-31", "description": ""}
    ]


def test_the_schema_documents_every_access_fact(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    properties = schema["components"]["schemas"]["Dataset"]["properties"]
    assert set(ACCESS_FACTS) | {"access_steps", "observations", "time_to_access"} <= set(properties)
    assert properties["access_conditions"]["type"] == "array"
    parameters = {p["name"] for p in schema["paths"]["/api/v1/datasets/"]["get"]["parameters"]}
    assert "within" in parameters


def test_the_list_costs_the_same_with_many_steps(client, django_assert_max_num_queries):
    for _ in range(3):
        DatasetFactory()
    client.get("/api/v1/datasets/")  # warm-up
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/datasets/")
    few_queries = len(few)  # read now: the next request empties the query log
    for dataset in [DatasetFactory() for _ in range(10)]:
        for number in range(1, 6):
            AccessStep.objects.create(dataset=dataset, position=number, title=f"Step {number}")
            Observation.objects.create(
                dataset=dataset, count=number, observed_on=datetime.date(2020, 1, number)
            )
    client.get("/api/v1/datasets/")  # warm-up again: the change forgot the kept count
    with django_assert_max_num_queries(few_queries):
        client.get("/api/v1/datasets/")
