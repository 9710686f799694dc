"""Spelling: every misspelt word is matched to the closest word in the index, on both engines."""

import pytest

from search.models import SearchWord
from search.query import parse
from search.service import closest_word, spelling_correction
from tests.search.conftest import demo_directory

pytestmark = pytest.mark.django_db
demo = demo_directory

TYPOS = [
    ("nationl", "national"),
    ("databse", "database"),
    ("hospitl", "hospital"),
    ("episod", "episode"),
    ("obesty", "obesity"),
    # Short words whose misspelling shares no inner trigram with them: found by the first and last.
    ("trst", "trust"),
    ("yoth", "youth"),
    ("voce", "voice"),
    ("yers", "years"),
]


@pytest.mark.parametrize("typo, word", TYPOS, ids=[typo for typo, _ in TYPOS])
def test_a_misspelt_word_finds_the_word_it_misspells(demo, typo, word):
    assert SearchWord.objects.filter(word=word).exists()
    assert closest_word(typo) == word


def test_a_word_that_looks_like_nothing_is_left_alone(demo):
    assert closest_word("qwzxv") == ""


def test_every_misspelt_word_of_a_long_query_is_corrected(demo):
    text = "nationl pupill databse hospitl episod"
    assert spelling_correction(parse(text), text) == "national pupil database hospital episode"
