import datetime

import pytest
from django.utils import timezone

from core.models import Entry
from tests.factories import ProjectFactory

from .conftest import CONTACT, make_opportunity

pytestmark = pytest.mark.django_db
API = "/api/v1/opportunities/"


def test_it_lists_open_opportunities_without_the_contact_address(client):
    opportunity = make_opportunity(title="Young advisers wanted")
    make_opportunity(title="Closed", closes_on=timezone.localdate() - datetime.timedelta(days=1))
    make_opportunity(title="Draft", status=Entry.Status.DRAFT)
    response = client.get(API)
    assert response.status_code == 200
    [shown] = response.json()["results"]
    assert shown["title"] == "Young advisers wanted"
    assert shown["who_is_wanted"] == ["students", "lived-experience"]
    assert shown["project"]["name"] == opportunity.project.title
    assert shown["take_part"].endswith(f"/introductions/opportunities/{opportunity.slug}/")
    assert CONTACT not in response.content.decode()


def test_it_takes_the_pages_filters_and_refuses_bad_ones(client):
    make_opportunity(
        title="For parents", wants_students=False, wants_lived_experience=False, wants_parents_and_carers=True
    )
    make_opportunity(title="For students")
    titles = [item["title"] for item in client.get(API, {"who": "parents-carers"}).json()["results"]]
    assert titles == ["For parents"]
    assert client.get(API, {"who": "martians"}).status_code == 400


def test_a_closed_one_is_gone_from_the_api(client):
    closed = make_opportunity(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    assert client.get(f"{API}{closed.slug}/").status_code == 404


def test_a_project_past_its_end_date_reads_ended(client):
    today = timezone.localdate()
    ended = ProjectFactory(end_date=today - datetime.timedelta(days=1))
    running = ProjectFactory(end_date=today + datetime.timedelta(days=1))
    stages = {item["slug"]: item["stage"] for item in client.get("/api/v1/projects/").json()["results"]}
    assert stages == {ended.slug: "ended", running.slug: "active"}
    only_ended = client.get("/api/v1/projects/", {"stage": "ended"}).json()["results"]
    assert [item["slug"] for item in only_ended] == [ended.slug]


def test_the_openapi_schema_describes_them(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    assert "/api/v1/opportunities/" in schema["paths"]
    properties = schema["components"]["schemas"]["Opportunity"]["properties"]
    assert "contact_email" not in properties and "take_part" in properties
    project_stage = schema["components"]["schemas"]["Project"]["properties"]["stage"]
    assert "ended" in str(project_stage) or "$ref" in str(project_stage) or "allOf" in str(project_stage)
