"""Several values in one search facet (?area=a&area=b): any of them within a facet, every facet together,
the counts and the page saying so, one cached search whatever their order, a fixed number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from areas.models import Area
from datasets.models import Dataset
from search import service
from search.service import search

pytestmark = pytest.mark.django_db

BRADFORD, LEEDS, SHEFFIELD = "E08000032", "E08000035", "E08000039"


@pytest.fixture
def directory(demo_directory, db):
    """The demo directory (loaded once for the module: these tests only read)."""


def urls(results) -> set[str]:
    return {hit.url for hit in results.hits}


def every_url(text: str, facets: dict) -> set[str]:
    """Every result's address, all pages."""
    first = search(text, facets)
    found = urls(first)
    for page in range(2, first.pages + 1):
        found |= urls(search(text, facets, page=page))
    return found


def test_values_of_one_facet_widen_the_results_and_facets_narrow_them(directory):
    datasets, projects = every_url("", {"kind": "dataset"}), every_url("", {"kind": "project"})
    assert datasets and projects
    assert every_url("", {"kind": ["dataset", "project"]}) == datasets | projects
    bradford, leeds = every_url("", {"area": BRADFORD}), every_url("", {"area": LEEDS})
    both = every_url("", {"area": [BRADFORD, LEEDS]})
    assert both == bradford | leeds and both != bradford
    # Across facets, every one must match.
    assert every_url("", {"area": [BRADFORD, LEEDS], "kind": ["dataset", "project"]}) == both & (
        datasets | projects
    )


def test_several_areas_find_the_datasets_the_dataset_list_finds(directory):
    """The same rule on both engines: the list page's (Dataset.objects.covering), read from the ORM."""
    areas = list(Area.objects.filter(code__in=[BRADFORD, SHEFFIELD]))
    covering = Dataset.objects.published().covering(areas)
    expected = {dataset.get_absolute_url() for dataset in covering}
    assert expected
    assert every_url("", {"area": [SHEFFIELD, BRADFORD], "kind": "dataset"}) == expected


def test_the_order_of_values_makes_no_difference(directory):
    one = search("children", {"area": [BRADFORD, LEEDS], "kind": ["project", "dataset"]})
    other = search("children", {"kind": ["dataset", "project"], "area": [LEEDS, BRADFORD, LEEDS]})
    assert [hit.url for hit in one.hits] == [hit.url for hit in other.hits]
    assert (
        one.active_facets
        == other.active_facets
        == {"kind": ["dataset", "project"], "area": [BRADFORD, LEEDS]}
    )


def test_facet_counts_add_up_with_several_values_chosen(directory):
    everything = search("children")
    kinds = {facet.value: facet.count for facet in everything.facets["kind"]}
    chosen = search("children", {"kind": ["dataset", "project"]})
    assert chosen.exact and chosen.total == kinds["dataset"] + kinds["project"]
    counted = {facet.value: facet for facet in chosen.facets["kind"]}
    # The chosen values add up to the results; the others say how many choosing them would add.
    assert counted["dataset"].count + counted["project"].count == chosen.total
    assert counted["dataset"].active and counted["project"].active and not counted["researcher"].active
    assert counted["researcher"].count == kinds["researcher"]
    # Another facet is counted among the results as they are.
    themes = {facet.value: facet.count for facet in chosen.facets["theme"]}
    theme, number = next(iter(themes.items()))
    assert search("children", {"kind": ["dataset", "project"], "theme": theme}).total == number


def test_a_facet_alone_counts_its_other_values_in_every_entry(directory):
    results = search("", {"kind": ["dataset"]})
    counted = {facet.value: facet.count for facet in results.facets["kind"]}
    assert counted["dataset"] == results.total
    assert counted["project"] == search("", {"kind": "project"}).total


def test_ended_and_active_projects_together(directory):
    active, ended = search("", {"stage": "active"}), search("", {"stage": "ended"})
    both = search("", {"stage": ["active", "ended"]})
    assert both.total == active.total + ended.total
    planned = search("", {"stage": "planned"}).total
    assert search("", {"stage": ["ended", "planned"]}).total == ended.total + planned


def queries_for(text: str, facets: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        search(text, facets)
    return len(queries.captured_queries)


def test_a_fixed_number_of_queries_whatever_the_number_of_values(directory):
    queries_for("children", {"area": [BRADFORD]})  # warm up
    one = queries_for("children", {"area": [BRADFORD], "kind": ["dataset"]})
    many = queries_for(
        "children",
        {"area": [BRADFORD, LEEDS, SHEFFIELD, "E08000016"], "kind": ["dataset", "project", "researcher"]},
    )
    assert many == one
    assert queries_for("", {"theme": ["early-years"]}) == queries_for(
        "", {"theme": ["early-years", "mental-health", "education"]}
    )


def test_above_the_limit_several_values_are_counted_as_estimates(directory, monkeypatch):
    monkeypatch.setattr(service, "EXACT_UP_TO", 5)
    monkeypatch.setattr(service, "SAMPLE_ENTRIES", 40)
    monkeypatch.setattr(service, "SAMPLE_WINDOWS", 4)
    monkeypatch.setattr(service, "ESTIMATE_FROM", 2)
    results = search("children", {"kind": ["dataset", "project"]})
    assert not results.exact
    assert results.facets["kind"] and all(facet.estimated for facet in results.facets["kind"])
    assert {hit.kind for hit in results.hits} <= {"Dataset", "Project"}


def test_the_page_has_tick_boxes_says_how_they_combine_and_removes_each(client, directory):
    response = client.get(f"/search/?q=children&kind=dataset&kind=project&area={BRADFORD}&area={LEEDS}")
    html = response.content.decode()
    results = response.context["results"]
    assert (
        results.total == search("children", {"kind": ["dataset", "project"], "area": [BRADFORD, LEEDS]}).total
    )
    assert 'type="checkbox" name="kind" value="dataset"' in html and 'value="project"' in html
    assert f'name="area" value="{BRADFORD}"' in html
    summary = html.split('class="results-summary" role="status">')[1].split("</p>")[0]
    assert summary.endswith("match Type: Dataset or Project, and Area covered: Bradford or Leeds.")
    # Each value is removed on its own, the rest kept.
    assert f'href="?q=children&amp;kind=project&amp;area={BRADFORD}&amp;area={LEEDS}"' in html
    assert f'href="?q=children&amp;kind=dataset&amp;kind=project&amp;area={LEEDS}"' in html
    # Without JavaScript: one form that sends the words along with the tick boxes.
    assert '<input type="hidden" name="q" value="children">' in html
    assert 'Filter <span class="filter-count">(4' in html


def test_a_value_a_facet_cannot_take_is_shown_and_left_out(client, directory):
    response = client.get("/search/?q=children&kind=dataset&kind=spaceship")
    assert response.status_code == 200
    assert "“spaceship” is not one of the choices" in response.content.decode()
    assert response.context["results"].total == search("children").total


def test_the_download_has_every_value_chosen(client, directory):
    response = client.get("/search/?q=children&kind=dataset&kind=project&format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert {row["Type"] for row in rows} == {"Dataset", "Project"}
    assert len(rows) == search("children", {"kind": ["dataset", "project"]}).total
    refused = client.get("/search/?q=children&kind=spaceship&format=csv")
    assert refused.status_code == 400 and "spaceship" in refused.content.decode()


def test_one_cached_search_whatever_the_order_of_values(client, directory):
    def index_reads(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return sum("search_searchentry" in query["sql"] for query in queries.captured_queries)

    assert index_reads(f"/search/?q=children&area={BRADFORD}&area={LEEDS}") > 0
    assert index_reads(f"/search/?q=children&area={LEEDS}&area={BRADFORD}") == 0
    assert index_reads(f"/search/?area={BRADFORD}&q=children&area={LEEDS}&area={BRADFORD}") == 0
    assert index_reads(f"/search/?q=children&area={LEEDS}") > 0, "another choice is another search"
