"""The search page: facets, sorting, paging, autocomplete, hostile input and the demand log."""

import pytest
from django.core.management import call_command

from areas.models import Area
from search.models import SearchLog, SynonymGroup
from search.service import search
from tests.factories import DatasetFactory, ResearcherFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_results_show_type_highlighted_snippet_and_key_facts(client, directory):
    html = client.get("/search/?q=school+readiness").content.decode()
    assert "<mark>readiness</mark>" in html or "<mark>Readiness</mark>" in html
    assert 'class="meta kind">Theme<' in html
    assert "Access: Controlled (trusted research environment)" in html


def test_facet_counts_match_the_results(client, directory):
    results = search("children")
    kinds = {facet.value: facet.count for facet in results.facets["kind"]}
    assert sum(kinds.values()) == results.total
    narrowed = search("children", {"kind": "dataset"})
    assert narrowed.total == kinds["dataset"]
    themes = {facet.value: facet.count for facet in narrowed.facets["theme"]}
    assert search("children", {"kind": "dataset", "theme": "early-years"}).total == themes["early-years"]


def test_facets_combine_and_can_be_removed(client, directory):
    response = client.get("/search/?q=data&kind=dataset&access_level=open")
    results = response.context["results"]
    assert results.total == search("data", {"kind": "dataset", "access_level": "open"}).total > 0
    html = response.content.decode()
    assert "Type: Dataset" in html and "Access level: Open" in html
    assert 'href="?q=data&amp;access_level=open"' in html  # removes the type facet only


def test_an_empty_query_with_a_facet_browses_by_that_facet(client, directory):
    results = client.get("/search/?theme=early-years&kind=dataset").context["results"]
    assert results.total > 0
    assert all(hit.kind == "Dataset" for hit in results.hits)


def test_a_retired_area_code_narrows_by_its_successor(client, committed):
    barnsley = Area.objects.get(code="E08000038")  # E08000016 until 2025
    with committed():
        DatasetFactory(title="Barnsley cohort").areas.add(barnsley)
        DatasetFactory(title="Cohort elsewhere").areas.add(Area.objects.get(code="E08000035"))
    by_current = [hit.title for hit in search("", {"area": "E08000038"}).hits]
    assert by_current == ["Barnsley cohort"]
    assert [hit.title for hit in search("", {"area": "E08000016"}).hits] == by_current
    assert [hit.title for hit in search("cohort", {"area": "E08000016"}).hits] == by_current
    page = client.get("/search/?q=cohort&area=E08000016").context["results"]
    assert [hit.title for hit in page.hits] == by_current


def test_sorting_by_title_and_newest(client, directory):
    by_title = [hit.title for hit in search("children", sort="title").hits]
    assert by_title == sorted(by_title, key=str.lower) or by_title == sorted(by_title)
    assert search("children", sort="newest").total == search("children").total


def test_pages_of_results(client, directory):
    first = client.get("/search/?q=children").context["results"]
    second = client.get("/search/?q=children&page=2").context["results"]
    assert first.total > 20
    assert not {hit.url for hit in first.hits} & {hit.url for hit in second.hits}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "a" * 10_000,
        "!!!",
        "& | ! : * ( ) ' \" \\ < >",
        "'; DROP TABLE search_searchentry; --",
        "1 OR 1=1",
        "NEAR(a b)",
        "title: x",
        '"unclosed phrase',
        "-",
        "- -x",
        "OR OR OR",
        "😀 children 🚸",
        "child\x00ren",
        "%00%27",
        "x" * 300 + " children",
    ],
)
def test_hostile_queries_give_a_normal_page(client, directory, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<h1>Search</h1>" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    ["page=-1", "page=abc", "page=99999", "sort=drop", "kind=" + "x" * 500, "theme=%27%22", "area=NOPE"],
)
def test_bad_parameters_give_a_normal_page(client, directory, params):
    response = client.get("/search/?q=children&" + params)
    assert response.status_code == 200


def test_search_runs_a_bounded_number_of_queries(client, directory, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        client.get("/search/?q=children+OR+data&kind=dataset&theme=early-years&sort=newest&page=2")


def test_autocomplete_suggests_entries_and_themes_by_title(client, directory):
    suggestions = client.get("/search/suggest/?q=born+in+brad").json()["suggestions"]
    assert {
        "kind": "Dataset",
        "title": "Born in Bradford",
        "url": "/datasets/born-in-bradford/",
    } in suggestions
    themes = client.get("/search/suggest/?q=mental").json()["suggestions"]
    assert {"kind": "Theme", "title": "Mental health", "url": "/themes/mental-health/"} in themes


@pytest.mark.parametrize("query", ["", "a", "'", "&&&", "x" * 5000, "\x00"])
def test_autocomplete_answers_bad_input_with_no_suggestions(client, directory, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response.json() == {"suggestions": []}


def test_the_search_box_works_without_javascript_and_is_enhanced_with_it(client, db):
    html = client.get("/").content.decode()
    assert 'action="/search/"' in html and 'name="q"' in html
    assert 'data-suggest-url="/search/suggest/"' in html


def test_curators_edit_the_synonym_list(client, directory):
    assert search("quokka").total == 0
    SynonymGroup.objects.create(terms="quokka, Born in Bradford")
    assert "Born in Bradford" in [hit.title for hit in search("quokka").hits]


def test_drafts_never_appear_in_search_or_suggestions(client, committed):
    with committed():
        DatasetFactory(title="Zephyr draft", status="draft")
        ResearcherFactory(name="Zephyr Person", status="archived")
    assert search("zephyr").total == 0
    assert client.get("/search/suggest/?q=zeph").json() == {"suggestions": []}


def test_each_search_is_logged_without_personal_data(client, directory, django_user_model):
    client.get("/search/?q=nothing+like+this+anywhere")
    client.get("/search/?q=children&kind=dataset")
    logs = list(SearchLog.objects.order_by("created"))
    assert [(log.query, log.result_count == 0) for log in logs] == [
        ("nothing like this anywhere", True),
        ("children", False),
    ]
    assert logs[1].filters == {"kind": ["dataset"]}
    assert {field.name for field in SearchLog._meta.fields} == {
        "id",
        "query",
        "filters",
        "result_count",
        "created",
    }


def test_curators_see_what_people_search_for_and_do_not_find(client, directory, django_user_model):
    for _ in range(2):
        client.get("/search/?q=nothing+like+this+anywhere")
    client.get("/search/?q=children")
    assert client.get("/search/demand/").status_code == 302  # visitors are sent to sign in
    staff = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get("/search/demand/").status_code == 403  # staff status alone is not curating
    client.force_login(django_user_model.objects.create_superuser("curator", password="x"))
    html = client.get("/search/demand/").content.decode()
    assert "nothing like this anywhere" in html
    assert "children" in html
