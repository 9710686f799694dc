"""The search API takes several values of a facet as the search page does (?kind=a&kind=b), documents
them as arrays, and refuses a value a facet cannot take with 400."""

import pytest
from django.core.management import call_command

from search.service import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_repeated_parameters_are_any_of_them(client, demo):
    api = client.get("/api/v1/search/?q=children&kind=dataset&kind=project").json()
    results = search("children", {"kind": ["dataset", "project"]})
    assert api["count"] == results.total > search("children", {"kind": "dataset"}).total
    assert {hit["kind"] for hit in api["results"]} == {"Dataset", "Project"}
    assert [hit["title"] for hit in api["results"]] == [hit.title for hit in results.hits]
    page = client.get("/search/?q=children&kind=project&kind=dataset").context["results"]
    assert [hit.title for hit in page.hits] == [hit["title"] for hit in api["results"]]


@pytest.mark.parametrize(
    "params", ["kind=dataset&kind=spaceship", "stage=finished", "life_stage=" + "x" * 300]
)
def test_a_value_a_facet_cannot_take_is_refused(client, db, params):
    response = client.get("/api/v1/search/?q=children&" + params)
    assert response.status_code == 400
    assert set(response.json()) <= {"kind", "stage", "life_stage", "access_level"}


def test_too_many_values_are_refused(client, db):
    many = "&".join(f"theme=theme-{number}" for number in range(101))
    response = client.get("/api/v1/search/?" + many)
    assert response.status_code == 400 and "theme" in response.json()


def test_the_schema_gives_each_facet_as_an_array(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()
    parameters = {
        parameter["name"]: parameter for parameter in schema["paths"]["/api/v1/search/"]["get"]["parameters"]
    }
    for name in ("kind", "theme", "area", "life_stage", "stage"):
        assert parameters[name]["schema"]["type"] == "array"
        assert parameters[name]["explode"] is True
    assert "ended" in parameters["stage"]["schema"]["items"]["enum"]
    assert "enum" not in parameters["area"]["schema"]["items"]
