"""What clients nobody here wrote need from the open data: CORS for a page on another site, conditional
GET and caching, JSON for every error, and a schema that documents every answer."""

import pytest

from tests.factories import OrganisationFactory, ThemeFactory

pytestmark = pytest.mark.django_db

ELSEWHERE = {"HTTP_ORIGIN": "https://notebook.example.org"}


def test_a_page_on_another_site_may_read_the_api_without_cookies(client):
    OrganisationFactory()
    response = client.get("/api/v1/organisations/", **ELSEWHERE)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_preflight_allows_reading_only(client):
    response = client.options("/api/v1/datasets/", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **ELSEWHERE)
    assert response.status_code == 200
    allowed = response["Access-Control-Allow-Methods"]
    assert "GET" in allowed and "POST" not in allowed and "DELETE" not in allowed


def test_pages_of_the_site_send_no_cors_headers(client):
    assert "Access-Control-Allow-Origin" not in client.get("/datasets/", **ELSEWHERE)


@pytest.mark.parametrize(
    "url", ["/api/v1/organisations/", "/api/v1/organisations/known/", "/catalogue/dcat.ttl"]
)
def test_a_repeat_request_with_its_validators_is_304(client, url):
    OrganisationFactory(slug="known")
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=300"
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_change_to_the_directory_changes_the_etag(client):
    OrganisationFactory(name="Before")
    first = client.get("/api/v1/organisations/")
    OrganisationFactory(name="After")
    again = client.get("/api/v1/organisations/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and "After" in again.text


def test_errors_are_not_cached(client):
    response = client.get("/api/v1/organisations/?kind=secret")
    assert response.status_code == 400 and "ETag" not in response


@pytest.mark.parametrize("url", ["/api/v1/nothing-here/", "/api/v1/themes/known/extra/", "/api/v1/x"])
def test_an_address_the_api_does_not_have_answers_json_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_an_address_without_its_final_slash_is_sent_to_it(client):
    response = client.get("/api/v1/themes?page_size=5")
    assert response.status_code == 301 and response["Location"] == "/api/v1/themes/?page_size=5"


def test_a_theme_lists_its_published_sub_themes(client):
    parent = ThemeFactory(slug="parent")
    ThemeFactory(name="Shown child", parent=parent)
    ThemeFactory(name="Draft child", parent=parent, status="draft")
    body = client.get("/api/v1/themes/parent/").json()
    assert [link["name"] for link in body["sub_themes"]] == ["Shown child"]


def test_the_schema_documents_every_error_and_the_page_bounds(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"400", "404", "429"} <= set(operation["responses"]), (path, method)
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/datasets/"]["get"]["parameters"]}
    assert parameters["page"]["minimum"] == 1
    assert (parameters["page_size"]["minimum"], parameters["page_size"]["maximum"]) == (1, 100)


def test_search_refuses_a_sort_it_does_not_have(client):
    response = client.get("/api/v1/search/?q=x&sort=AAA")
    assert response.status_code == 400 and "sort" in response.json()


def test_a_blank_choice_filters_nothing_and_the_schema_says_so(client):
    assert client.get("/api/v1/projects/?stage=").status_code == 200
    schema = client.get("/api/v1/schema/?format=json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/projects/"]["get"]["parameters"]}
    assert parameters["stage"]["allowEmptyValue"] is True
    assert "allowEmptyValue" not in parameters["page"]
    n8 = next(p for p in schema["paths"]["/api/v1/organisations/"]["get"]["parameters"] if p["name"] == "n8")
    assert n8["schema"]["type"] == "string" and "true" in n8["schema"]["enum"]
