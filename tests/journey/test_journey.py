"""The journey to data: a basket of datasets in the session, and the combined route to them."""

import csv
import io
import xml.etree.ElementTree as ElementTree

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from datasets.models import LinkageIdentifier
from tests.factories import DatasetFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three():
    nhs = LinkageIdentifier.objects.get(slug="nhs-number")
    first = DatasetFactory(
        title="Births",
        trusted_research_environment="Connected Bradford",
        weeks_to_access_from=8,
        weeks_to_access_to=13,
    )
    second = DatasetFactory(
        title="School records", custodian=first.custodian, access_level="controlled", weeks_to_access_from=26
    )
    third = DatasetFactory(
        title='=HYPERLINK("http://evil")', custodian=OrganisationFactory(name="Other body")
    )
    first.identifiers.add(nhs)
    second.identifiers.add(nhs)
    first.linked_datasets.add(third)
    return first, second, third


def collect(client, *datasets):
    for dataset in datasets:
        response = client.post(f"/journey/add/{dataset.slug}/", {"next": dataset.get_absolute_url()})
        assert response.status_code == 302 and response["Location"] == dataset.get_absolute_url()


def test_the_route_groups_custodians_access_and_links(client, three):
    first, second, third = three
    collect(client, *three)
    page = client.get("/journey/")
    route = page.context["route"]
    assert [d.title for d in route.datasets] == ["Births", "School records", third.title]
    assert sorted(route.by_custodian) == sorted([first.custodian.name, "Other body"])
    assert route.environments == ["Connected Bradford"]
    links = {(link.first.title, link.second.title): link for link in route.links}
    assert links[("Births", "School records")].identifiers == ("NHS number",)
    assert links[("Births", third.title)].already_linked
    svg = page.text[page.text.index('<svg class="linkage-graph"') : page.text.index("</svg>") + 6]
    assert len(ElementTree.fromstring(svg).findall("line")) == 2


def test_the_basket_belongs_to_one_visitor(client, three):
    collect(client, three[0])
    assert Client().get("/journey/").context["route"].datasets == []


def test_removing_and_emptying(client, three):
    collect(client, *three)
    client.post(f"/journey/remove/{three[1].slug}/")
    assert [d.title for d in client.get("/journey/").context["route"].datasets] == ["Births", three[2].title]
    client.post("/journey/clear/")
    assert "Nothing collected yet" in client.get("/journey/").text


def test_drafts_cannot_be_collected_and_unpublished_ones_drop_out(client, three):
    draft = DatasetFactory(status="draft")
    assert client.post(f"/journey/add/{draft.slug}/").status_code == 404
    collect(client, three[0])
    three[0].status = "archived"
    three[0].save()
    assert client.get("/journey/").context["route"].datasets == []


def test_adding_needs_a_post_with_the_csrf_token(three):
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(f"/journey/add/{three[0].slug}/").status_code == 405
    assert browser.post(f"/journey/add/{three[0].slug}/").status_code == 403


def test_an_offsite_next_is_not_followed(client, three):
    response = client.post(f"/journey/add/{three[0].slug}/", {"next": "https://evil.example/"})
    assert response["Location"] == three[0].get_absolute_url()


def test_the_csv_summary_is_safe_for_spreadsheets(client, three):
    collect(client, *three)
    response = client.get("/journey/summary.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][0] == "Dataset" and len(rows) == 4
    assert rows[3][0].startswith("'="), "a formula in a title is defused"
    assert rows[1][8] == "School records (NHS number)"


def test_the_page_costs_the_same_with_two_or_twelve_datasets(client):
    def queries(count):
        browser = Client()
        collect(browser, *DatasetFactory.create_batch(count))
        with CaptureQueriesContext(connection) as captured:
            browser.get("/journey/")
        return len(captured)

    assert queries(2) == queries(12)


def test_the_menu_shows_the_journey_once_something_is_collected(client, three):
    assert "Data journey" not in client.get("/").text
    collect(client, three[0])
    assert "Data journey (1)" in client.get("/").text


def test_the_longest_wait_decides_the_time_to_access_them_all(client, three):
    first, second, third = three
    collect(client, first)
    assert client.get("/journey/").context["route"].wait.weeks == (8, 13)
    collect(client, second, third)
    page = client.get("/journey/")
    wait = page.context["route"].wait
    # Births takes 8–13 weeks, School records about 26: side by side, 26 weeks in all.
    assert wait.weeks == (26, 26) and wait.longest == [second] and wait.unknown == [third]
    assert "about 26 weeks" in page.text and "Not yet known for 1 dataset" in page.text
    assert f'href="{third.get_absolute_url()}#enquiry"' in page.text
