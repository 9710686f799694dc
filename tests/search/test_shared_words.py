"""Words match the same on PostgreSQL and SQLite: hyphens before digits, dashes, possessives, accents."""

import pytest
from django.db import connection

from search.engines import current_engine
from search.models import SearchEntry
from search.query import WORD, ParsedQuery, Term
from search.text import index_text, normalise, words
from tests.factories import DatasetFactory

pytestmark = pytest.mark.django_db

POST_16 = "Post-16 education destinations"
COVID = "COVID-19 schools survey"
YEAR_6 = "Year-6 transition study"
AGES = "Outcomes for 16–18 year olds"
ALDER_HEY = "Alder Hey Children’s Hospital admissions"
CENTRES = "Children's centres register"


@pytest.fixture
def entries(committed):
    with committed():
        for title in (POST_16, COVID, YEAR_6, AGES, ALDER_HEY, CENTRES):
            DatasetFactory(title=title, summary="Records.", keywords="")


def matching(*terms: str, split=words) -> set[str]:
    """Titles of the entries that match every term, each searched as a phrase of its words."""
    query = ParsedQuery(clauses=[[Term(tuple(split(term)))] for term in terms])
    sql, params = current_engine().matches(query)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT e.title FROM ({sql}) m JOIN search_searchentry e ON e.id = m.id", params)
        return {title for (title,) in cursor.fetchall()}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("post-16", "post 16"),
        ("COVID-19", "covid 19"),
        ("Year-6", "year 6"),
        ("16-18 and 5–11", "16 18 and 5 11"),
        ("children's and children’s", "children and children"),
        ("parents’ views", "parents views"),
        ("nhs.uk 2.5 R&D", "nhs uk 2 5 r d"),
        ("Brádford  Straße", "bradford strasse"),
    ],
)
def test_index_text_keeps_only_words_in_lower_case(text, expected):
    assert index_text(text) == expected
    assert index_text(expected) == expected


@pytest.mark.parametrize(
    "term, title",
    [
        ("post-16", POST_16),
        ("post 16", POST_16),
        ("post-16 education", POST_16),
        ("COVID-19", COVID),
        ("covid 19 schools", COVID),
        ("Year-6", YEAR_6),
        ("year 6 transition", YEAR_6),
        ("16-18", AGES),
        ("16–18 year olds", AGES),
    ],
)
def test_a_hyphen_or_dash_before_a_digit_matches_on_both_engines(entries, term, title):
    assert matching(term) == {title}


@pytest.mark.parametrize("term", ["children's", "children’s", "childrens’", "children"])
def test_straight_and_curly_possessives_match_alike(entries, term):
    assert {ALDER_HEY, CENTRES} <= matching(term)


@pytest.mark.parametrize("phrase", ["children's hospital", "children’s hospital", "alder hey children"])
def test_a_possessive_inside_a_quoted_phrase_matches(entries, phrase):
    assert matching(phrase) == {ALDER_HEY}


@pytest.mark.parametrize("phrase", ["children's centres", "children’s centres"])
def test_a_possessive_split_at_its_apostrophe_still_matches(entries, phrase):
    # As query.py read words until it used search.text.words: "children's" as "children", "s".
    assert matching(phrase, split=lambda text: WORD.findall(normalise(text))) == {CENTRES}


def test_a_phrase_still_needs_its_words_in_order(entries):
    assert matching("16 post") == set()
    assert matching("hospital children's") == set()


def test_the_index_row_keeps_the_original_text_for_snippets(entries):
    assert SearchEntry.objects.filter(title=ALDER_HEY).exists()
    assert SearchEntry.objects.filter(title=POST_16).exists()
