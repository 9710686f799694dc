"""Filters that take several values: any of them within a filter, all filters together, on the pages
and in the API alike."""

import pytest

from tests.factories import DatasetFactory, ProjectFactory, ResearcherFactory, ThemeFactory


def titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [str(entry) for entry in response.context["page"].object_list]


@pytest.fixture
def datasets(bradford, leeds):
    DatasetFactory(title="Bradford primary", min_age=4, max_age=11).areas.add(bradford)
    DatasetFactory(title="Leeds teens", min_age=13, max_age=16).areas.add(leeds)
    DatasetFactory(title="Leeds infants", min_age=0, max_age=2).areas.add(leeds)
    DatasetFactory(title="Nowhere in particular", min_age=4, max_age=11)
    DatasetFactory(title="All of England", min_age=18, max_age=25, coverage_scope="england")


def test_several_areas_find_datasets_covering_any_of_them(client, datasets):
    assert titles(client, "/datasets/?area=E08000032&area=E08000035") == [
        "All of England",
        "Bradford primary",
        "Leeds infants",
        "Leeds teens",
    ]


def test_several_life_stages_find_any_and_combine_with_areas(client, datasets):
    assert titles(client, "/datasets/?life_stage=primary&life_stage=young-adults") == [
        "All of England",
        "Bradford primary",
        "Nowhere in particular",
    ]
    assert titles(client, "/datasets/?life_stage=primary&life_stage=secondary&area=E08000035") == [
        "Leeds teens"
    ]


def test_the_summary_says_or_within_a_filter_and_and_across(client, datasets):
    page = client.get("/datasets/?area=E08000032&area=E08000035&life_stage=primary").content.decode()
    assert "match Area covered: Bradford or Leeds, and Life stage: Primary" in page


def test_each_value_can_be_removed_on_its_own(client, datasets):
    response = client.get("/datasets/?area=E08000032&area=E08000035")
    removals = {item["value"]: item["remove_query"] for item in response.context["active_filters"]}
    assert removals == {"Bradford": "area=E08000035", "Leeds": "area=E08000032"}


def test_the_ticked_boxes_stay_ticked_grouped_by_region(client, datasets):
    page = client.get("/datasets/?area=E08000032").content.decode()
    assert "<legend>Yorkshire and The Humber</legend>" in page
    assert 'value="E08000032" id="id_area_' in page
    assert page.count(" checked>") == 1


def test_one_bad_value_among_several_is_reported_and_the_rest_used(client, datasets):
    response = client.get("/datasets/?area=E08000032&area=NOWHERE")
    assert response.status_code == 200
    assert "There is no northern local authority with the code NOWHERE" in response.content.decode()


def test_too_many_values_are_refused_not_looked_up(client, datasets):
    query = "&".join(f"life_stage=primary{number}" for number in range(101))
    response = client.get(f"/datasets/?{query}")
    assert response.status_code == 200
    assert "Choose at most 100 at once." in response.content.decode()


def test_several_themes_find_people_in_any(client, db):
    health, play, other = ThemeFactory(name="Health"), ThemeFactory(name="Play"), ThemeFactory(name="Other")
    ResearcherFactory(name="Ann Health").themes.add(health)
    ResearcherFactory(name="Bob Play").themes.add(play)
    ResearcherFactory(name="Cat Other").themes.add(other)
    assert titles(client, f"/researchers/?theme={health.slug}&theme=Play") == ["Ann Health", "Bob Play"]
    ProjectFactory(title="Healthy play").themes.add(health, play)
    ProjectFactory(title="Something else").themes.add(other)
    assert titles(client, f"/projects/?theme={health.slug}&theme={play.slug}") == ["Healthy play"]


def test_the_api_takes_repeated_values_and_refuses_bad_ones(client, datasets):
    found = client.get("/api/v1/datasets/?area=E08000032&area=E08000035&life_stage=secondary").json()
    assert [row["title"] for row in found["results"]] == ["Leeds teens"]
    assert client.get("/api/v1/datasets/?area=E08000032&area=NOWHERE").status_code == 400


def test_the_api_schema_documents_repeated_values(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/datasets/"]["get"]["parameters"]}
    for name in ("area", "life_stage", "theme"):
        assert parameters[name]["schema"]["type"] == "array"
        assert parameters[name]["explode"] is True
