"""A relevance set: what people type, and what they should find at the top. Runs on both engines."""

import pytest

from search.service import search
from tests.search.conftest import demo_directory

pytestmark = pytest.mark.django_db
demo = demo_directory


def top_titles(text: str, limit: int, **facets) -> list[str]:
    return [hit.title for hit in search(text, facets).hits[:limit]]


# (what is typed, facets, a title expected among the first `within` results, within)
CASES = [
    ("Born in Bradford", {}, "Born in Bradford", 1),
    ('"National Pupil Database"', {}, "National Pupil Database (NPD)", 1),
    ("NPD", {}, "National Pupil Database (NPD)", 3),
    ("Hospital Episode Statistics", {}, "Hospital Episode Statistics (HES)", 1),
    ("HES", {}, "Hospital Episode Statistics (HES)", 3),
    ("Millennium Cohort", {}, "Millennium Cohort Study", 1),
    ("ECHILD", {}, "Education and Child Health Insights from Linked Data (ECHILD)", 1),
    ("Fingertips", {}, "Child and maternal health profiles (Fingertips)", 1),
    # The project of that name and its Get involved opportunity come first, as they should.
    ("youth voice", {}, "Youth voice survey", 4),
    ("Alder Hey", {}, "Alder Hey Children’s NHS Foundation Trust", 1),
    ("University of Leeds", {}, "University of Leeds", 1),
    ("mental health", {"kind": "theme"}, "Mental health", 1),
    ("SEND", {}, "Special educational needs", 3),
    ("special educational needs", {"kind": "dataset"}, "SEND support panel records", 2),
    ("EHCP", {"kind": "dataset"}, "SEND support panel records", 1),
    ("CAMHS", {"kind": "dataset"}, "CAMHS referrals and waiting times extract", 2),
    ("looked after children", {}, "Children looked after return (SSDA903)", 3),
    ("LAC", {}, "Children looked after return (SSDA903)", 3),
    ("CIN", {}, "Children in need census", 3),
    ("CHILDREN IN NEED", {}, "Children in need census", 3),
    ("FSM", {}, "Free school meals and children’s health", 3),
    ("free school meals", {}, "Free school meals and children’s health", 1),
    ("obesity", {"kind": "dataset"}, "National Child Measurement Programme (NCMP)", 2),
    ("maternity", {}, "Maternity Services Data Set (MSDS)", 2),
    (
        "linkage",
        {"kind": "project"},
        "Linking for children: a guide to joining health and education records",
        2,
    ),
    ("readyness", {}, "School readiness", 3),
    ("bradfrod cohort", {"kind": "dataset"}, "Born in Bradford", 3),
    ("Brádford", {"kind": "dataset"}, "Born in Bradford", 4),
    ("wellbeing Greater Manchester", {"kind": "dataset"}, "#BeeWell survey", 1),
    ("care leavers", {"kind": "project"}, "Leaving care well: education and health after care", 1),
    ("survey", {"access_level": "open"}, "Youth voice survey", 1),
    # Expertise through links: the people who used a dataset are found by its name.
    ("Born in Bradford", {"kind": "researcher"}, "Professor Amara Ashworth", 5),
    ("National Pupil Database", {"kind": "researcher"}, "Dr Eilidh Ibbotson", 10),
    # A dataset is found by the areas it covers and by its custodian.
    ("Bradford", {"kind": "dataset"}, "Connected Bradford", 4),
    ("Department for Education", {"kind": "dataset"}, "National Pupil Database (NPD)", 6),
]


@pytest.mark.parametrize("text, facets, expected, within", CASES, ids=[case[0] for case in CASES])
def test_relevance(demo, text, facets, expected, within):
    assert expected in top_titles(text, within, **facets)


def test_there_are_at_least_thirty_relevance_cases():
    assert len(CASES) >= 30


def test_a_title_match_outranks_a_keyword_match_outranking_a_description_match(demo):
    titles = [hit.title for hit in search("cohort", {"kind": "dataset"}).hits]
    # Titled cohorts, then cohort in keywords only (ALSPAC), then in the description only.
    assert titles.index("Millennium Cohort Study") < titles.index(
        "Avon Longitudinal Study of Parents and Children (ALSPAC)"
    )


def test_excluded_words_remove_results(demo):
    assert "Children looked after return (SSDA903)" in top_titles("children looked after", 5)
    assert "Children looked after return (SSDA903)" not in top_titles("children looked after -return", 50)


def test_or_finds_either_word(demo):
    titles = top_titles("camhs OR obesity", 50, kind="dataset")
    assert "CAMHS referrals and waiting times extract" in titles
    assert "National Child Measurement Programme (NCMP)" in titles


def test_a_phrase_must_appear_in_order(demo):
    assert search('"school free meals"').total == 0
    assert search('"free school meals"').total > 0


def test_stemming_joins_word_forms(demo):
    assert search("measurements").total == search("measurement").total > 0


def test_synonyms_are_shown_to_the_user(demo):
    results = search("SEND")
    assert "special educational needs and disabilities" in results.parsed.also_searched


def test_a_misspelt_query_with_no_results_is_corrected(demo):
    results = search("readyness")
    assert results.corrected_from == "readyness"
    assert results.text == "readiness"
    assert results.total > 0


def test_every_misspelt_word_of_a_query_is_corrected(demo):
    results = search("nationl pupill databse")
    assert results.corrected_from == "nationl pupill databse"
    assert results.text == "national pupil database"
    assert "National Pupil Database (NPD)" in [hit.title for hit in results.hits]


def test_a_known_word_is_not_corrected(demo):
    results = search("readiness")
    assert not results.suggestion and not results.corrected_from
