"""The dataset list and the API filter by a span of ages and by life stage, with the boundary rule of the bands."""

import pytest
from django.core.cache import cache

from datasets.models import Dataset
from tests.factories import DatasetFactory


def listed(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [str(entry) for entry in response.context["page"].object_list]


def api_titles(client, query: str) -> list[str]:
    response = client.get(f"/api/v1/datasets/?{query}&sort=title")
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


@pytest.fixture
def ranges(db):
    DatasetFactory(title="Under fives", min_age=0, max_age=5)
    DatasetFactory(title="Primary pupils", min_age=4, max_age=11)
    DatasetFactory(title="Aged eleven", min_age=11, max_age=11)
    DatasetFactory(title="Secondary pupils", min_age=11, max_age=16)
    DatasetFactory(title="Sixteen and over", min_age=16, max_age=None)
    DatasetFactory(title="Pregnancies", min_age=None, max_age=None, includes_antenatal=True)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("life_stage=primary", ["Primary pupils", "Under fives"]),
        ("life_stage=secondary", ["Aged eleven", "Secondary pupils"]),
        ("life_stage=early-years", ["Primary pupils", "Under fives"]),
        ("life_stage=post-16", ["Sixteen and over"]),
        ("life_stage=antenatal", ["Pregnancies"]),
        ("age_from=5&age_to=5", ["Primary pupils"]),
        ("age_from=4&age_to=11", ["Primary pupils", "Under fives"]),
        ("age_from=11&age_to=11", ["Aged eleven", "Secondary pupils"]),
        ("age_to=5", ["Primary pupils", "Under fives"]),
        ("age_from=16", ["Sixteen and over"]),
        ("age_from=0&age_to=0", ["Under fives"]),
        ("age_from=120", ["Sixteen and over"]),
        ("age_from=4&age_to=12&life_stage=secondary", ["Aged eleven", "Secondary pupils"]),
    ],
)
def test_the_list_and_the_api_filter_at_the_boundaries(client, ranges, query, expected):
    assert listed(client, f"/datasets/?{query}&sort=title") == expected
    assert api_titles(client, query) == expected


def test_the_age_boxes_are_in_the_filter_form_with_how_to_read_them(client, ranges):
    html = client.get("/datasets/").content.decode()
    assert 'name="age_from" inputmode="numeric"' in html
    assert 'name="age_to"' in html and 'aria-describedby="id_age_to_helptext"' in html
    assert "4 to 11 is Reception to Year 6" in html
    response = client.get("/datasets/?age_from=4&age_to=11")
    active = {item["label"]: item["value"] for item in response.context["active_filters"]}
    assert active == {"Aged from": "4", "Up to age": "11"}


def test_life_stages_are_offered_youngest_first(client, db):
    html = client.get("/datasets/").content.decode()
    boxes = html[html.index('name="life_stage"') - 40 :].split("</fieldset>")[0]
    slugs = ["antenatal", "early-years", "primary", "secondary", "post-16", "young-adults"]
    positions = [boxes.index(f'value="{slug}"') for slug in slugs]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "query, field, message",
    [
        ("age_from=999", "age_from", "Give an age from 0 to 120."),
        ("age_from=-5", "age_from", "Give an age from 0 to 120."),
        ("age_to=121", "age_to", "Give an age from 0 to 120."),
        ("age_to=five", "age_to", "Give an age as a whole number of years, such as 5."),
        ("age_from=5.5", "age_from", "Give an age as a whole number of years, such as 5."),
        (
            "age_from=11&age_to=4",
            "age_to",
            "“Up to age” (4) is below “Aged from” (11): give the younger age first.",
        ),
    ],
)
def test_a_bad_age_is_explained_on_the_page_and_refused_by_the_api(client, ranges, query, field, message):
    response = client.get(f"/datasets/?{query}")
    assert response.status_code == 200
    assert response.context["filter"].errors[field] == [message]
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html and "were ignored" in html
    api = client.get(f"/api/v1/datasets/?{query}")
    assert api.status_code == 400
    assert api.json()[field] == [message]


def test_ages_out_of_order_ignore_the_upper_age_and_keep_the_rest(client, ranges):
    assert listed(client, "/datasets/?age_from=16&age_to=4&sort=title") == ["Sixteen and over"]


def test_the_age_filter_adds_no_query(client, count_queries, db):
    for age in range(30):
        DatasetFactory(min_age=age % 20, max_age=age % 20 + 3)
    # Each from an empty cache: the first page would otherwise keep counts the second reads.
    cache.clear()
    filtered = count_queries("/datasets/?age_from=4&age_to=11&life_stage=primary")
    cache.clear()
    assert filtered == count_queries("/datasets/")


def test_the_coverage_map_counts_by_the_lists_ages_too(client, ranges):
    from areas.models import Area

    bradford = Area.objects.get(code="E08000032")
    for dataset in Dataset.objects.all():
        dataset.areas.add(bradford)

    html = client.get("/coverage/?age_from=16&life_stage=post-16").content.decode()

    # The map takes the dataset list's filters, ages included, and counts what the list would show.
    assert 'name="age_from"' in html
    assert "Bradford: 1 dataset" in html
    assert "match Life stage: Post-16 (16–18: Years 12 and 13), and Aged from: 16" in html


def test_the_api_schema_documents_the_age_filters_and_life_stages_youngest_first(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/datasets/"]["get"]["parameters"]}
    assert parameters["age_from"]["schema"]["type"] == "integer"
    assert "0 to 120" in parameters["age_from"]["description"]
    assert "4 to 11 is Reception to Year 6" in parameters["age_to"]["description"]
    described = parameters["life_stage"]["description"]
    slugs = ["antenatal", "early-years", "primary", "secondary", "post-16", "young-adults"]
    positions = [described.index(f"`{slug}`") for slug in slugs]
    assert positions == sorted(positions)
