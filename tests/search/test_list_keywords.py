"""The list pages' keyword box reads a query as the site search does, and the API and downloads of a
search say how it was read."""

import csv
import io

import pytest

from tests.search.need_directory import (
    ASHWORTH,
    ASTHMA_PROJECT,
    BIB,
    BRADFORD,
    BRADFORD_ADULTHOOD,
    BRADFORD_SEND,
    CLARKE,
    EARLY_YEARS_PROJECT,
    GM_EARLY_YEARS,
    LEEDS_ASTHMA,
    NPD,
    RAHMAN,
    SHAH,
    SHEFFIELD_AIR,
    SUNDERLAND_SEND,
    TOM_LANCASTER,
    need_directory,
)

pytestmark = pytest.mark.django_db
directory = need_directory


def listed(client, path: str, text: str) -> list[str]:
    """The titles (or people's names) a list page shows for `text` in its keyword box."""
    response = client.get(path, {"q": text})
    assert response.status_code == 200
    entries = response.context["page"].object_list
    return [getattr(entry, "display_name", None) or str(entry) for entry in entries]


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def test_people_are_found_by_the_data_their_projects_used(client, directory):
    people = listed(client, "/researchers/", "Born in Bradford")
    assert set(people) == {ASHWORTH, CLARKE}


def test_a_question_in_the_people_list_finds_the_same_people(client, directory):
    assert set(listed(client, "/researchers/", "who has used Born in Bradford")) == {ASHWORTH, CLARKE}


def test_people_are_found_by_where_they_are_based(client, directory):
    assert listed(client, "/researchers/", "air pollution Leeds") == [RAHMAN]
    assert listed(client, "/researchers/", "air pollution Sheffield") == []


def test_the_dataset_list_reads_a_topic_and_a_place(client, directory):
    titles = listed(client, "/datasets/", "SEND Bradford")
    assert BRADFORD_SEND in titles and NPD in titles
    assert SUNDERLAND_SEND not in titles and BIB not in titles


def test_the_dataset_list_reads_an_age(client, directory):
    titles = listed(client, "/datasets/", "SEND Bradford 5-11")
    assert BRADFORD_SEND in titles and NPD in titles
    assert BRADFORD_ADULTHOOD not in titles
    titles = listed(client, "/datasets/", "under 5s Salford")
    assert GM_EARLY_YEARS in titles
    assert LEEDS_ASTHMA not in titles and BIB not in titles


def test_a_quoted_place_in_the_dataset_list_is_a_word(client, directory):
    titles = listed(client, "/datasets/", '"Bradford"')
    assert BIB in titles and BRADFORD_SEND in titles
    assert NPD not in titles


def test_the_project_list_reads_a_place(client, directory):
    assert ASTHMA_PROJECT in listed(client, "/projects/", "asthma Leeds")
    assert ASTHMA_PROJECT not in listed(client, "/projects/", "asthma Sheffield")


def test_the_project_list_finds_projects_on_a_phase_of_childhood(client, directory):
    # "early years" is an age to a dataset; a project has no ages, so its words must decide.
    assert EARLY_YEARS_PROJECT in listed(client, "/projects/", "early years")


def test_the_keyword_box_keeps_the_lists_other_filters(client, directory):
    response = client.get("/datasets/", {"q": "SEND Bradford", "access_level": "open"})
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []


def test_the_dataset_download_has_what_the_keyword_box_found(client, directory):
    rows = read_csv(client.get("/datasets/", {"q": "SEND Bradford", "format": "csv"}))
    titles = {row[rows[0].index("title")] for row in rows[1:]}
    assert BRADFORD_SEND in titles and NPD in titles and SUNDERLAND_SEND not in titles


def test_the_api_says_how_a_search_was_read(client, directory):
    body = client.get("/api/v1/search/", {"q": "is there data on SEND in Bradford 5-11"}).json()
    assert body["reading"] == {
        "words": "SEND",
        "areas": [BRADFORD],
        "area_label": "Bradford",
        "ages": [5, 11],
        "looking_for": "datasets",
        "set_aside": ["is", "there", "on"],
    }
    assert body["relaxed"] == []
    assert body["results"][0]["title"] == BRADFORD_SEND
    assert all(result["does_not_match"] == [] for result in body["results"])


def test_the_api_says_what_a_relaxed_search_left_out(client, directory):
    body = client.get("/api/v1/search/", {"q": "asthma spirometry Leeds aged 5"}).json()
    assert body["results"][0]["title"] == LEEDS_ASTHMA
    assert body["relaxed"] and any("spirometry" in part for part in body["relaxed"])
    assert body["results"][0]["does_not_match"] == body["relaxed"]


def test_the_api_and_the_search_page_agree_on_an_understood_search(client, directory):
    page = client.get("/search/", {"q": "asthma West Yorkshire"}).context["results"]
    api = client.get("/api/v1/search/", {"q": "asthma West Yorkshire"}).json()
    assert [hit["title"] for hit in api["results"]] == [hit.title for hit in page.hits]
    assert SHEFFIELD_AIR not in [hit["title"] for hit in api["results"]]


def test_the_search_download_carries_the_reading(client, directory):
    rows = read_csv(client.get("/search/", {"q": "SEND Bradford 5-11", "format": "csv"}))
    header, first = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert "Search read as" in header and "Does not match" in header
    assert first["Title"] == BRADFORD_SEND
    read_as = first["Search read as"]
    assert "SEND" in read_as and "Bradford" in read_as and "5–11" in read_as
    assert first["Does not match"] == ""
    assert {row[header.index("Search read as")] for row in rows[1:]} == {read_as}


def test_the_search_download_says_what_a_relaxed_search_left_out(client, directory):
    rows = read_csv(client.get("/search/", {"q": "asthma spirometry Leeds aged 5", "format": "csv"}))
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Title"] == LEEDS_ASTHMA
    assert "spirometry" in first["Does not match"]


def test_the_search_page_shows_the_reading_and_its_undo_links(client, directory):
    html = client.get("/search/", {"q": "SEND Bradford 5-11"}).content.decode()
    assert "Bradford" in html and "Ages 5–11" in html
    # Each part can be removed: a link to the query without it.
    assert '?q=SEND+5-11"' in html and '?q=SEND+Bradford"' in html


def test_people_who_know_are_listed_first_for_a_question(client, directory):
    body = client.get("/api/v1/search/", {"q": "researchers working on SEND"}).json()
    assert body["reading"]["looking_for"] == "people"
    assert body["results"][0]["title"] == SHAH


def test_an_ambiguous_place_is_offered_on_the_page_and_in_the_api(client, directory):
    html = client.get("/search/", {"q": "Lancaster"}).content.decode()
    assert "E07000121" in html  # a link that narrows to the area, offered
    assert TOM_LANCASTER in html
    body = client.get("/api/v1/search/", {"q": "Lancaster"}).json()
    assert body["reading"]["areas"] == []
    assert body["results"][0]["title"] == TOM_LANCASTER
