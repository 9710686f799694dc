"""The JSON API: published entries only, public fields only, the pages' filters, stable pages."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

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

pytestmark = pytest.mark.django_db


def test_lists_hold_only_published_entries(client):
    DatasetFactory(title="Public data")
    DatasetFactory(title="Draft data", status="draft")
    DatasetFactory(title="Waiting data", status="submitted")
    body = client.get("/api/v1/datasets/").json()
    assert [item["title"] for item in body["results"]] == ["Public data"]
    assert body["count"] == 1


@pytest.mark.parametrize("status", ["draft", "submitted", "archived"])
def test_unpublished_entries_are_404(client, status):
    dataset = DatasetFactory(status=status)
    assert client.get(f"/api/v1/datasets/{dataset.slug}/").status_code == 404


def test_links_to_related_entries_are_urls_and_leave_out_drafts(client):
    theme, hidden = ThemeFactory(name="Public theme"), ThemeFactory(name="Hidden theme", status="draft")
    dataset = DatasetFactory()
    dataset.themes.add(theme, hidden)
    body = client.get(f"/api/v1/datasets/{dataset.slug}/").json()
    assert body["custodian"]["url"] == f"http://testserver/api/v1/organisations/{dataset.custodian.slug}/"
    assert body["page"] == f"http://testserver/datasets/{dataset.slug}/"
    assert [link["name"] for link in body["themes"]] == ["Public theme"]
    assert client.get(body["themes"][0]["url"]).json()["name"] == "Public theme"


def test_a_draft_custodian_is_not_named(client):
    dataset = DatasetFactory(custodian=OrganisationFactory(status="draft"))
    assert client.get(f"/api/v1/datasets/{dataset.slug}/").json()["custodian"] is None


def test_personal_details_only_as_their_owner_chose(client):
    private = ResearcherFactory(
        email="quiet@example.org",
        show_email=False,
        has_lived_experience=True,
        lived_experience="My story",
        show_lived_experience=False,
    )
    public = ResearcherFactory(
        email="open@example.org",
        show_email=True,
        has_lived_experience=True,
        lived_experience="Care leaver",
        show_lived_experience=True,
    )
    text = client.get("/api/v1/researchers/").content.decode()
    assert "quiet@example.org" not in text and "My story" not in text
    shown = client.get(f"/api/v1/researchers/{public.slug}/").json()
    assert (shown["email"], shown["lived_experience"]) == ("open@example.org", "Care leaver")
    hidden = client.get(f"/api/v1/researchers/{private.slug}/").json()
    assert (hidden["email"], hidden["lived_experience"]) == (None, None)


def test_projects_show_public_members_usages_and_outputs(client):
    project = ProjectFactory()
    MembershipFactory(project=project, researcher=ResearcherFactory(name="Visible Person"), role="lead")
    MembershipFactory(project=project, researcher=ResearcherFactory(name="Draft Person", status="draft"))
    DatasetUsageFactory(project=project, dataset=DatasetFactory(title="Draft data", status="draft"))
    OutputFactory(project=project, title="Final report", key_finding="It worked.")
    body = client.get(f"/api/v1/projects/{project.slug}/").json()
    assert [(m["person"]["name"], m["role"]) for m in body["members"]] == [("Visible Person", "lead")]
    assert body["datasets_used"] == []
    assert body["outputs"][0]["key_finding"] == "It worked."
    assert "Draft" not in str(body)


PAGE_QUERIES = [
    ("datasets", "area=E08000032"),
    ("datasets", "life_stage=early-years&access_level=open"),
    ("datasets", "q=cohort&sort=-start_year"),
    ("researchers", "open_to=collaboration"),
    ("researchers", "career_stage=student&sort=name"),
    ("projects", "stage=completed"),
    ("organisations", "q=leeds"),
    ("themes", "family=child-of-the-north"),
]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


@pytest.mark.parametrize("kind, query", PAGE_QUERIES)
def test_filters_find_what_the_pages_find(client, demo, kind, query):
    page_path = "/researchers/" if kind == "researchers" else f"/{kind}/"
    page = client.get(f"{page_path}?{query}")
    on_page = [entry.slug for entry in page.context["page"].paginator.object_list]
    api = client.get(f"/api/v1/{kind}/?{query}&page_size=100").json()
    assert [item["slug"] for item in api["results"]] == on_page
    assert api["count"] == len(on_page) > 0


@pytest.mark.parametrize(
    "query",
    ["area=NOWHERE", "life_stage=middle-age", "access_level=secret", "theme=no-such-theme", "sort=;drop"],
)
def test_a_filter_value_it_cannot_use_is_400_with_the_reason(client, db, query):
    response = client.get(f"/api/v1/datasets/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_walking_the_pages_sees_every_entry_once(client, db):
    DatasetFactory.create_batch(7, title="Same title")
    seen, url = [], "/api/v1/datasets/?page_size=3"
    while url:
        body = client.get(url).json()
        seen += [item["slug"] for item in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 7


def test_a_page_past_the_last_is_404(client, db):
    assert client.get("/api/v1/datasets/?page=999").status_code == 404


@pytest.mark.parametrize(
    "query", ["page=0", "page=abc", "page=-1", "page_size=0", "page_size=x", "page_size=101"]
)
def test_a_malformed_page_or_page_size_is_400_naming_it(client, db, query):
    response = client.get(f"/api/v1/datasets/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


@pytest.mark.parametrize("kind", ["researchers", "datasets", "projects", "organisations", "themes"])
def test_lists_cost_the_same_queries_with_few_or_many_entries(client, db, kind):
    def grow():
        project = ProjectFactory()
        dataset = DatasetFactory()
        dataset.themes.add(ThemeFactory())
        MembershipFactory(project=project)
        DatasetUsageFactory(project=project, dataset=dataset)
        OutputFactory(project=project)
        ResearcherFactory().themes.add(ThemeFactory())

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/v1/{kind}/?page_size=100").status_code == 200
        return len(captured)

    for _ in range(2):
        grow()
    few = queries()
    for _ in range(15):
        grow()
    assert queries() == few


def test_search_answers_as_the_search_page(client, demo, committed):
    page = client.get("/search/?q=bradford&kind=dataset")
    api = client.get("/api/v1/search/?q=bradford&kind=dataset").json()
    assert api["count"] == page.context["results"].total > 0
    assert [hit["title"] for hit in api["results"]] == [hit.title for hit in page.context["results"].hits]
    assert "<mark>" not in str(api)


@pytest.mark.parametrize("page", ["0", "x", "100000"])
def test_search_refuses_a_page_it_cannot_show(client, db, page):
    assert client.get(f"/api/v1/search/?q=x&page={page}").status_code == 400


def test_areas_are_found_by_ons_code(client, db):
    body = client.get("/api/v1/areas/E08000032/").json()
    assert body["name"] == "Bradford" and body["region"] == "Yorkshire and The Humber"


def test_the_schema_is_valid_openapi_3_without_warnings(db):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


def test_the_schema_and_the_documentation_are_published(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/datasets/" in schema["paths"]
    page = client.get("/api/")
    assert page.status_code == 200 and "/api/v1/schema/" in page.text


def test_the_api_takes_no_writes(client, db):
    assert client.post("/api/v1/datasets/", {}, content_type="application/json").status_code == 405
