"""Snippets: why a result matched, cut from readable text, with only the words that matched marked."""

import pytest

from search.highlight import Highlighter
from search.models import Kind, SearchEntry
from search.query import ParsedQuery, Term
from search.service import search
from search.text import words
from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    ProjectFactory,
    ResearcherFactory,
)

pytestmark = pytest.mark.django_db


def highlighter(*terms: str) -> Highlighter:
    return Highlighter(ParsedQuery(clauses=[[Term(tuple(words(term)))] for term in terms]))


def snippet(entry, *terms: str) -> str:
    row = SearchEntry.objects.get(kind=type(entry)._meta.model_name, object_id=entry.pk)
    return highlighter(*terms).result_snippet(row.kind, row.summary, row.keywords, row.linked, row.body)


def test_stop_words_are_never_marked():
    text = "Children in need of help and support, in the care of the local authority."
    marked = highlighter("children", "in", "need", "of", "the").snippet([text])
    assert "<mark>Children</mark> in <mark>need</mark> of help" in marked
    assert "<mark>in</mark>" not in marked and "<mark>the</mark>" not in marked


def test_a_word_that_stems_like_a_stop_word_does_not_mark_it():
    # "ins" stems to "in", a stop word.
    assert "<mark>" not in highlighter("ins").snippet(["Children in care."])


def test_a_phrase_with_a_stop_word_marks_its_other_words():
    marked = highlighter("children in need").snippet(["The children in need census."])
    assert marked == "The <mark>children</mark> in <mark>need</mark> census."


@pytest.fixture
def researcher(committed):
    with committed():
        person = ResearcherFactory(
            name="Ada Plain",
            job_title="Senior statistician",
            biography="Ada studies how families use early help services.",
            expertise="school readiness, data linkage",
            methods="multilevel models",
        )
        project = ProjectFactory(title="Zephyr study of transitions")
        MembershipFactory(project=project, researcher=person)
        DatasetUsageFactory(
            project=project, dataset=DatasetFactory(title="Quasar register", keywords="attendance")
        )
    return person


def test_a_researchers_snippet_marks_their_biography_or_expertise(researcher):
    assert "<mark>families</mark>" in snippet(researcher, "families")
    marked = snippet(researcher, "linkage")
    assert "Expertise: school readiness, data <mark>linkage</mark>" in marked


@pytest.mark.parametrize("term", ["zephyr", "quasar", "attendance", "statistician", "multilevel"])
def test_a_researcher_found_through_linked_names_shows_their_biography(researcher, term):
    shown = snippet(researcher, term)
    assert shown.startswith("Ada studies how families use early help services.")
    assert "|" not in shown and "<mark>" not in shown


@pytest.fixture
def dataset(committed, bradford):
    with committed():
        dataset = DatasetFactory(
            title="Plain records",
            summary="Records of children's early help.",
            description="Collected by councils every year.",
            keywords="attendance, exclusions",
        )
        dataset.areas.add(bradford)
    return dataset


def test_a_dataset_snippet_prefers_its_summary_then_its_description(dataset):
    assert snippet(dataset, "help") == "Records of children&#x27;s early <mark>help</mark>."
    assert "<mark>councils</mark>" in snippet(dataset, "councils")


@pytest.mark.parametrize(
    "term, shown", [("exclusions", "<mark>exclusions</mark>"), ("bradford", "<mark>Bradford</mark>")]
)
def test_a_match_in_keywords_or_linked_names_shows_that_name_only(dataset, term, shown):
    marked = snippet(dataset, term)
    assert shown in marked
    assert "|" not in marked
    row = SearchEntry.objects.get(kind=Kind.DATASET, object_id=dataset.pk)
    assert "|" in row.keywords + row.linked  # the index's joined lists, which a snippet never shows


def test_a_project_found_through_its_data_shows_the_data_name_only(committed):
    with committed():
        project = ProjectFactory(summary="How children move between schools.", funder="Plain Trust")
        DatasetUsageFactory(project=project, dataset=DatasetFactory(title="Quasar register"))
    marked = snippet(project, "quasar")
    assert "<mark>Quasar</mark> register" in marked and "|" not in marked


def test_a_researcher_result_on_the_search_page_shows_their_biography(researcher):
    hit = next(hit for hit in search("zephyr").hits if hit.title == researcher.display_name)
    assert hit.snippet.startswith("Ada studies how families use early help services.")
