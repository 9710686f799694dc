"""The API lists and searches the published datasets' variables, and its OpenAPI schema says so."""

import pytest

from core.models import Entry
from tests.factories import DatasetFactory, ThemeFactory

from .conftest import add_variables

pytestmark = pytest.mark.django_db
URL = "/api/v1/variables/"


def test_it_lists_variables_with_their_dataset_values_and_ages(client, dataset):
    theme = ThemeFactory(name="Weight test theme")
    add_variables(dataset, 1, values="0 = No\n1 = Yes", ages="4, 10", theme=theme)
    [variable] = client.get(URL).json()["results"]
    assert variable["name"] == "var_0"
    assert variable["dataset"]["name"] == "Born in Bradford"
    assert variable["values"] == [{"code": "0", "label": "No"}, {"code": "1", "label": "Yes"}]
    assert variable["ages"] == [4, 10]
    assert variable["theme"]["name"] == "Weight test theme"
    assert variable["page"].endswith("/datasets/born-in-bradford/variables/main/var_0/")


def test_it_searches_and_filters(client, dataset):
    add_variables(dataset, 3, ages="5")
    other = DatasetFactory(slug="other")
    add_variables(other, 2, ages="14")
    assert client.get(URL, {"q": "number 2"}).json()["count"] == 1
    assert client.get(URL, {"dataset": "other"}).json()["count"] == 2
    assert client.get(URL, {"age": 14}).json()["count"] == 2
    assert client.get(URL, {"age": 200}).status_code == 400
    assert client.get(URL, {"dataset": "nowhere"}).status_code == 400


def test_it_leaves_out_unpublished_datasets(client, dataset):
    draft = DatasetFactory(status=Entry.Status.DRAFT)
    add_variables(draft, 2)
    add_variables(dataset, 1)
    assert client.get(URL).json()["count"] == 1


def test_the_openapi_schema_describes_variables(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/variables/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/variables/"]["get"]["parameters"]}
    assert {"q", "dataset", "theme", "age", "page"} <= parameters


def test_an_age_between_two_sweeps_is_not_an_age_collected(client, dataset):
    add_variables(dataset, 1, ages="7, 11")
    assert client.get(URL, {"age": 11}).json()["count"] == 1
    assert client.get(URL, {"age": 10}).json()["count"] == 0
