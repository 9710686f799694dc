"""Following "Next" reads the page after the last entry shown (core/keyset.py), on the list pages and the
API: every entry exactly once, in the order of the numbered pages, ties broken by primary key, empty
values last; a cursor that was not made here is a 400, never a server error."""

import base64
import html
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import DatasetFactory, ProjectFactory, ResearcherFactory

NEXT = re.compile(r'class="pagination-next" href="([^"]+)"')


def next_link(response) -> str | None:
    found = NEXT.search(response.content.decode())
    return html.unescape(found.group(1)) if found else None


def walk(client, address: str) -> tuple[list[int], list[str]]:
    """The entries met following Next from the first page, and the addresses read."""
    path, _, query = address.partition("?")
    url, seen, addresses = address, [], []
    while url:
        assert len(addresses) < 20, "Next never ends"
        response = client.get(url)
        assert response.status_code == 200, url
        seen += [entry.pk for entry in response.context["page"].object_list]
        addresses.append(url)
        link = next_link(response)
        url = path + link if link else None
    return seen, addresses


def numbered(client, address: str, pages: int) -> list[int]:
    joiner = "&" if "?" in address else "?"
    return [
        entry.pk
        for number in range(1, pages + 1)
        for entry in client.get(f"{address}{joiner}page={number}").context["page"].object_list
    ]


@pytest.fixture
def many_alike(db):
    """Eleven datasets with ties on every sort, and three without a first year (empty values)."""
    datasets = [DatasetFactory(title="Same title", start_year=2020) for _ in range(5)]
    datasets += [DatasetFactory(title=f"Title {n}", start_year=None) for n in range(3)]
    datasets += [DatasetFactory(title="Same title", start_year=2010 + n) for n in range(3)]
    return datasets


@pytest.mark.parametrize("sort", ["", "title", "-updated", "-start_year"])
def test_following_next_meets_every_entry_once_in_the_numbered_pages_order(
    client, many_alike, settings, sort
):
    settings.PAGE_SIZE = 3
    address = f"/datasets/?sort={sort}" if sort else "/datasets/"
    seen, addresses = walk(client, address)
    assert len(seen) == len(set(seen)) == len(many_alike)
    assert seen == numbered(client, address, 4)
    # Pages after the first are read after a cursor, not by number.
    assert all("after=" in url and "page=" not in url for url in addresses[1:])
    assert len(addresses) == 4


def test_ties_are_broken_by_primary_key_and_empty_values_come_last(client, many_alike, settings):
    settings.PAGE_SIZE = 2
    seen, _ = walk(client, "/datasets/?sort=-start_year")
    years = {dataset.pk: dataset.start_year for dataset in many_alike}
    assert [years[pk] for pk in seen] == [2020] * 5 + [2012, 2011, 2010] + [None] * 3
    assert seen[:5] == sorted(seen[:5]) and seen[-3:] == sorted(seen[-3:])


def test_a_page_after_a_cursor_is_numbered_and_links_back(client, many_alike, settings):
    settings.PAGE_SIZE = 3
    second = client.get("/datasets/" + next_link(client.get("/datasets/")))
    page = second.context["page"]
    assert page.number == 2 and page.has_previous() and page.has_next()
    nav = second.content.decode().split('<nav class="pagination"')[1].split("</nav>")[0]
    assert 'href="?page=1" rel="prev"' in nav
    assert 'aria-label="Page 2 of 4, this page"' in nav


def test_the_researcher_and_project_lists_follow_next_with_filters(client, db, settings):
    settings.PAGE_SIZE = 2
    people = [ResearcherFactory(name="Alex Smith", career_stage="senior") for _ in range(5)]
    ResearcherFactory(name="Alex Smith", career_stage="early")
    seen, _ = walk(client, "/researchers/?career_stage=senior&sort=name")
    assert seen == sorted(person.pk for person in people)
    projects = [ProjectFactory(start_date=None) for _ in range(2)] + [ProjectFactory() for _ in range(3)]
    seen, _ = walk(client, "/projects/?sort=-start_date")
    assert sorted(seen) == sorted(project.pk for project in projects) and len(seen) == 5
    assert set(seen[-2:]) == {project.pk for project in projects[:2]}


def cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


BAD_CURSORS = [
    "garbage!",
    "x" * 5000,
    cursor("not json"),
    cursor("[1]"),
    cursor('[0, ["a", "1"]]'),
    cursor('["1", ["a", "1"]]'),
    cursor('[1, ["a"]]'),
    cursor('[1, ["a", "one"]]'),
    cursor("[1, [3, 1]]"),
    cursor('[1, ["a", "99999999999999999999999"]]'),
    cursor('[1, ["a", null]]'),
    "%00",
]


@pytest.mark.parametrize("bad", BAD_CURSORS)
def test_a_cursor_not_made_here_shows_the_first_page_with_the_reason_and_400(client, many_alike, bad):
    response = client.get("/datasets/", {"after": bad})
    assert response.status_code == 400
    assert "This link to a later page is damaged or out of date" in response.content.decode()
    assert response.context["page"].number == 1


@pytest.mark.parametrize("bad", BAD_CURSORS)
def test_the_api_answers_a_cursor_not_made_here_with_400_naming_it(client, many_alike, bad):
    response = client.get("/api/v1/datasets/", {"after": bad})
    assert response.status_code == 400
    assert "after" in response.json()


def test_a_bad_date_in_a_cursor_is_400(client, many_alike):
    bad = cursor('[1, ["2026-13-45T99:00:00", "1"]]')
    assert client.get("/datasets/", {"sort": "-updated", "after": bad}).status_code == 400
    assert client.get("/api/v1/datasets/", {"sort": "-updated", "after": bad}).status_code == 400


def test_the_api_follows_next_by_cursor_with_ties_and_empty_values(client, many_alike):
    seen, url = [], "/api/v1/datasets/?page_size=2&sort=-start_year"
    while url:
        assert len(seen) <= len(many_alike), "next never ends"
        body = client.get(url).json()
        assert body["count"] == len(many_alike)
        seen += [item["slug"] for item in body["results"]]
        url = body["next"]
        assert url is None or ("after=" in url and "page=" not in url.replace("page_size", ""))
    numbered_slugs = [
        item["slug"]
        for number in range(1, 7)
        for item in client.get(f"/api/v1/datasets/?page_size=2&sort=-start_year&page={number}").json()[
            "results"
        ]
    ]
    assert seen == numbered_slugs and len(set(seen)) == len(many_alike)


def test_the_api_refuses_page_and_after_together(client, many_alike):
    first = client.get("/api/v1/datasets/?page_size=2").json()
    after = first["next"].split("after=")[1].split("&")[0]
    response = client.get(f"/api/v1/datasets/?page=2&after={after}")
    assert response.status_code == 400 and "after" in response.json()


def test_a_page_after_a_cursor_costs_the_queries_of_the_first_and_skips_nothing_by_offset(
    client, many_alike, settings
):
    settings.PAGE_SIZE = 2
    client.get("/datasets/")  # warm what is kept across requests
    with CaptureQueriesContext(connection) as first:
        response = client.get("/datasets/")
    deep = "/datasets/" + next_link(client.get("/datasets/" + next_link(response)))
    client.get(deep)
    with CaptureQueriesContext(connection) as after:
        assert client.get(deep).status_code == 200
    assert len(after) == len(first) == 3
    assert not any("OFFSET" in query["sql"].upper() for query in after.captured_queries)


def test_an_api_page_after_a_cursor_costs_the_queries_of_the_first(client, many_alike):
    first_url = "/api/v1/researchers/?page_size=1"
    ResearcherFactory.create_batch(3)
    client.get(first_url)  # counts the list, and keeps its count for the pages that follow
    with CaptureQueriesContext(connection) as first:
        body = client.get(first_url).json()
    with CaptureQueriesContext(connection) as after:
        assert client.get(body["next"]).status_code == 200
    assert len(after) == len(first) == 3
    assert not any("OFFSET" in query["sql"].upper() for query in after.captured_queries)


def test_a_list_past_the_counting_limit_says_more_than_and_offers_no_last_page(
    client, many_alike, settings, monkeypatch
):
    monkeypatch.setattr("core.listing.COUNTED_UP_TO", 5)
    settings.PAGE_SIZE = 2
    response = client.get("/datasets/")
    text = response.content.decode()
    assert "More than 5 datasets." in text and f"{len(many_alike)} datasets" not in text
    nav = text.split('<nav class="pagination"')[1].split("</nav>")[0]
    assert "the last" not in nav and "of 4" not in nav and 'aria-label="Page 1, this page"' in nav
    # Every entry is still reached by Next, in order, also from the last page counted.
    seen, _ = walk(client, "/datasets/")
    assert len(seen) == len(set(seen)) == len(many_alike)
    seen, _ = walk(client, "/datasets/?page=3")
    assert len(seen) == len(many_alike) - 4


def test_a_list_within_the_counting_limit_counts_exactly(client, many_alike, settings, monkeypatch):
    monkeypatch.setattr("core.listing.COUNTED_UP_TO", len(many_alike))
    settings.PAGE_SIZE = 2
    text = client.get("/datasets/").content.decode()
    assert f"{len(many_alike)} datasets." in text
    assert 'aria-label="Page 6, the last"' in text


def test_the_api_past_the_counting_limit_says_its_count_is_not_exact(client, many_alike, monkeypatch):
    body = client.get("/api/v1/datasets/?page_size=2").json()
    assert body["count"] == len(many_alike) and body["count_exact"] is True
    monkeypatch.setattr("core.listing.COUNTED_UP_TO", 5)
    cache.clear()  # the exact count is kept; a portal's limit changes only with a new release
    body = client.get("/api/v1/datasets/?page_size=2").json()
    assert body["count"] == 6 and body["count_exact"] is False
    seen, url = [], "/api/v1/datasets/?page_size=2"
    while url:
        assert len(seen) <= len(many_alike), "next never ends"
        body = client.get(url).json()
        seen += [item["slug"] for item in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == len(many_alike)
