"""What people type, in the voices of the portal's three users, and what they must find.

The analyst asks for a topic in a place for an age ("SEND Bradford 5-11"), the researcher asks who
knows or used something ("who has used Born in Bradford"), the curator types exact names ("University
of York"). Each case names what must come first or within the first ten, and what must not appear at
all. Run on both engines: `pytest tests/search/test_need_relevance.py` and again with DATABASE_URL set
to a PostgreSQL server.
"""

from dataclasses import dataclass

import pytest

from search.service import search
from tests.search.need_directory import (
    ASHWORTH,
    ASTHMA_PROJECT,
    BIB,
    BIB_PROJECT,
    BIHR,
    BRADFORD,
    BRADFORD_ADULTHOOD,
    BRADFORD_SEND,
    BURY,
    BURY_PROJECT,
    CLARKE,
    COVID,
    EARLY_YEARS_PROJECT,
    GATESHEAD_NEET,
    GM_EARLY_YEARS,
    HULL,
    HULL_CLA,
    LANCASTER,
    LEEDS,
    LEEDS_ASTHMA,
    LIDDLE,
    MCS,
    NEWCASTLE_UNIVERSITY,
    NPD,
    OKAFOR,
    POST_16,
    RAHMAN,
    SEND_PROJECT,
    SHAH,
    SHEFFIELD_AIR,
    SUNDERLAND_SEND,
    TOM_LANCASTER,
    YORK_UNIVERSITY,
    need_directory,
)

pytestmark = pytest.mark.django_db
directory = need_directory


@dataclass(frozen=True)
class Need:
    text: str
    voice: str  # "analyst", "researcher", "curator" or "edge"
    # The title that must come first, or a tuple of titles one of which must.
    first: str | tuple[str, ...] = ()
    # Titles that must all be among the first `within` results.
    top: tuple[str, ...] = ()
    within: int = 10
    # Titles that must not appear anywhere in the results.
    absent: tuple[str, ...] = ()
    # (a, b): a must come before b.
    before: tuple[tuple[str, str], ...] = ()
    # Every result of this kind (a Hit.kind label) comes before any result of another kind.
    kind_first: str = ""
    # Nothing at all may be found.
    nothing: bool = False


NEEDS = [
    # The analyst: a topic, in a place, for an age.
    Need(
        "SEND Bradford",
        "analyst",
        first=BRADFORD_SEND,
        top=(NPD,),
        absent=(SUNDERLAND_SEND, BIB),
        before=((BRADFORD_SEND, NPD),),
    ),
    Need(
        "SEND Bradford 5-11",
        "analyst",
        first=BRADFORD_SEND,
        top=(NPD,),
        absent=(BRADFORD_ADULTHOOD, SUNDERLAND_SEND),
        before=((BRADFORD_SEND, NPD),),
    ),
    Need("SEND Bradford 5 to 11", "analyst", first=BRADFORD_SEND, absent=(BRADFORD_ADULTHOOD,)),
    Need("5–11 SEND Bradford", "analyst", first=BRADFORD_SEND, absent=(BRADFORD_ADULTHOOD,)),
    Need("special educational needs Bradford", "analyst", first=BRADFORD_SEND, absent=(SUNDERLAND_SEND,)),
    Need("EHCP Bradford", "analyst", first=BRADFORD_SEND, absent=(SUNDERLAND_SEND,)),
    Need(
        "SEND 5-11",
        "analyst",
        top=(BRADFORD_SEND, SUNDERLAND_SEND, NPD),
        absent=(BRADFORD_ADULTHOOD,),
    ),
    Need("SEND in Sunderland", "analyst", first=SUNDERLAND_SEND, absent=(BRADFORD_SEND,)),
    Need("secondary school SEND Sunderland", "analyst", first=SUNDERLAND_SEND, absent=(BRADFORD_SEND,)),
    Need(
        "SEND Liverpool City Region",
        "analyst",
        first=NPD,
        absent=(BRADFORD_SEND, SUNDERLAND_SEND, BRADFORD_ADULTHOOD),
    ),
    Need("young adults SEND", "analyst", first=BRADFORD_ADULTHOOD, absent=(BRADFORD_SEND, NPD)),
    Need(
        "over 16 SEND",
        "analyst",
        top=(BRADFORD_ADULTHOOD, NPD),
        within=3,
        absent=(BRADFORD_SEND, SUNDERLAND_SEND),
    ),
    Need(
        "asthma in Bradford children aged 5",
        "analyst",
        first=BIB,
        absent=(LEEDS_ASTHMA, SHEFFIELD_AIR),
    ),
    Need("asthma in Leeds children aged 5", "analyst", first=LEEDS_ASTHMA, absent=(BIB, SHEFFIELD_AIR)),
    Need("aged 5 asthma Leeds", "analyst", first=LEEDS_ASTHMA, absent=(BIB,)),
    Need("asthma aged 14", "analyst", top=(BIB, SHEFFIELD_AIR), absent=(LEEDS_ASTHMA,)),
    Need("asthma West Yorkshire", "analyst", top=(LEEDS_ASTHMA, BIB), within=3, absent=(SHEFFIELD_AIR,)),
    Need(
        "Leeds and Bradford",
        "analyst",
        top=(LEEDS_ASTHMA, BIB, BRADFORD_SEND),
        within=20,
        absent=(GATESHEAD_NEET, SHEFFIELD_AIR, HULL_CLA),
    ),
    Need("asthma Leeds and Bradford", "analyst", top=(LEEDS_ASTHMA, BIB), within=3, absent=(SHEFFIELD_AIR,)),
    Need("asthma Yorkshire", "analyst", top=(LEEDS_ASTHMA, BIB, SHEFFIELD_AIR), within=6),
    Need("asthma in the North", "analyst", top=(LEEDS_ASTHMA, BIB, SHEFFIELD_AIR), within=6),
    Need("primary school asthma Bradford", "analyst", first=BIB, absent=(LEEDS_ASTHMA,)),
    Need(
        "data on looked after children in Hull",
        "analyst",
        first=HULL_CLA,
        kind_first="Dataset",
    ),
    Need("looked after children Kingston upon Hull", "analyst", first=HULL_CLA),
    Need("CLA Hull", "analyst", first=HULL_CLA),
    Need("LAC in Hull", "analyst", first=HULL_CLA),
    Need("what data is there on children in care in Hull", "analyst", first=HULL_CLA),
    Need("children's services Hull", "analyst", first=HULL_CLA),
    Need("children’s services Hull", "analyst", first=HULL_CLA),
    Need("Hull", "analyst", top=(HULL_CLA,), within=5, absent=(GATESHEAD_NEET, BRADFORD_SEND)),
    Need(
        "NEET 16-18 Gateshead",
        "analyst",
        first=GATESHEAD_NEET,
        top=(POST_16,),
        before=((GATESHEAD_NEET, POST_16),),
    ),
    Need("NEET Tyne and Wear", "analyst", first=GATESHEAD_NEET),
    Need("NEET in the North East", "analyst", first=GATESHEAD_NEET),
    Need("NEET Sheffield", "analyst", top=(POST_16,), within=3, absent=(GATESHEAD_NEET,)),
    Need("teenagers Gateshead", "analyst", first=GATESHEAD_NEET),
    Need("Gateshead", "analyst", top=(GATESHEAD_NEET,), within=5, absent=(HULL_CLA,)),
    Need(
        "early years Greater Manchester",
        "analyst",
        first=GM_EARLY_YEARS,
        absent=(LEEDS_ASTHMA, BIB, GATESHEAD_NEET),
    ),
    Need("under 5s Salford", "analyst", first=GM_EARLY_YEARS, absent=(LEEDS_ASTHMA, BIB, POST_16)),
    Need("EYFS Salford", "analyst", first=GM_EARLY_YEARS, absent=(LEEDS_ASTHMA,)),
    Need("toddlers Manchester", "analyst", first=GM_EARLY_YEARS, absent=(BIB,)),
    Need("early years St Helens", "analyst", top=(MCS,), absent=(GM_EARLY_YEARS, BIB, POST_16)),
    Need(
        "KS2 Bradford",
        "analyst",
        first=(BRADFORD_SEND, BIB),
        top=(NPD,),
        absent=(BRADFORD_ADULTHOOD, POST_16, GATESHEAD_NEET, LEEDS_ASTHMA),
    ),
    Need(
        "year 6 Bradford",
        "analyst",
        first=(BRADFORD_SEND, BIB),
        top=(NPD,),
        absent=(BRADFORD_ADULTHOOD, POST_16),
    ),
    Need("Year-6 Bradford", "analyst", first=(BRADFORD_SEND, BIB), absent=(BRADFORD_ADULTHOOD,)),
    # Reception (ages 4–5) is before a dataset that starts at 5: it is not found.
    Need("reception Bradford", "analyst", first=BIB, absent=(BRADFORD_SEND, BRADFORD_ADULTHOOD)),
    Need("infants Bradford", "analyst", first=BIB, absent=(BRADFORD_SEND, NPD)),
    Need("16+ Bradford", "analyst", first=BRADFORD_ADULTHOOD, absent=(BRADFORD_SEND, BIB)),
    Need("key stage 2 attainment", "analyst", first=NPD),
    Need("KS2 attainment Bradford", "analyst", first=NPD),
    Need("free school meals", "analyst", first=NPD),
    Need("FSM Bradford", "analyst", first=NPD),
    Need("post-16 destinations", "analyst", first=POST_16),
    Need("sixth form destinations", "analyst", first=POST_16),
    Need("COVID-19", "analyst", first=COVID),
    Need("covid 19", "analyst", first=COVID),
    Need("covid", "analyst", first=COVID),
    Need("cohort Bradford", "analyst", first=BIB, top=(MCS,)),
    Need("air pollution Sheffield", "analyst", first=SHEFFIELD_AIR),
    Need("air quality in Sheffield", "analyst", first=SHEFFIELD_AIR),
    Need(
        "data for Bradford", "analyst", first=(BRADFORD_SEND, BRADFORD_ADULTHOOD, BIB), kind_first="Dataset"
    ),
    # The researcher: who knows, who used, what was done.
    Need("who knows about air pollution", "researcher", first=RAHMAN, kind_first="Researcher"),
    Need("experts on asthma", "researcher", first=RAHMAN, kind_first="Researcher"),
    Need("air pollution in Leeds", "researcher", first=RAHMAN, absent=(SHEFFIELD_AIR,)),
    Need("air pollution", "researcher", top=(SHEFFIELD_AIR, RAHMAN), within=2),
    Need(
        "who has used Born in Bradford",
        "researcher",
        top=(ASHWORTH, CLARKE),
        within=2,
        kind_first="Researcher",
    ),
    Need(
        "who has used the National Pupil Database",
        "researcher",
        top=(SHAH, TOM_LANCASTER),
        within=2,
        kind_first="Researcher",
    ),
    Need("who has used the Millennium Cohort Study", "researcher", first=OKAFOR, kind_first="Researcher"),
    Need("researchers working on SEND", "researcher", first=SHAH, kind_first="Researcher"),
    Need("people working on NEET", "researcher", first=LIDDLE, kind_first="Researcher"),
    Need("projects on early years", "researcher", first=EARLY_YEARS_PROJECT, kind_first="Project"),
    Need("research on asthma", "researcher", first=ASTHMA_PROJECT, kind_first="Project"),
    Need("projects using the National Pupil Database", "researcher", first=SEND_PROJECT),
    Need("is there data on NEET in Gateshead", "researcher", first=GATESHEAD_NEET, kind_first="Dataset"),
    Need("any data on asthma in Leeds", "researcher", first=LEEDS_ASTHMA, absent=(SHEFFIELD_AIR, BIB)),
    Need("datasets about air pollution", "researcher", first=SHEFFIELD_AIR, kind_first="Dataset"),
    # The phrase in a dataset's keywords outranks one of its words in a title; a researcher whose
    # expertise is birth cohorts may come first.
    Need(
        "birth cohort",
        "researcher",
        top=(BIB,),
        within=2,
        before=((BIB, "Social mobility in the Millennium Cohort Study"),),
    ),
    # The curator: exact names, taken as typed.
    Need("Born in Bradford", "curator", first=BIB),
    Need("born in bradford", "curator", first=BIB),
    Need("National Pupil Database", "curator", first=NPD),
    Need("Millennium Cohort Study", "curator", first=MCS),
    Need("Bradford Institute for Health Research", "curator", first=BIHR),
    Need("University of York", "curator", first=YORK_UNIVERSITY),
    Need("Newcastle University", "curator", first=NEWCASTLE_UNIVERSITY),
    Need("Growing up in Bradford: outdoor play and wellbeing", "curator", first=BIB_PROJECT),
    Need("Asthma in Leeds primary schools", "curator", first=ASTHMA_PROJECT),
    # Names that are places only sometimes, quotes, exclusions, and nothing to find.
    Need("Lancaster", "edge", first=TOM_LANCASTER),
    Need("bury", "edge", first=BURY_PROJECT),
    Need('"Bradford"', "edge", top=(BIB, BRADFORD_SEND), absent=(NPD, MCS, POST_16)),
    Need('"asthma in Leeds"', "edge", first=ASTHMA_PROJECT, absent=(SHEFFIELD_AIR, BIB)),
    Need("SEND -Bradford", "edge", top=(NPD, SUNDERLAND_SEND), absent=(BRADFORD_SEND, BRADFORD_ADULTHOOD)),
    Need("qwxzv", "edge", nothing=True),
    Need("zzzzzz plmk", "edge", nothing=True),
]


def every_hit(text: str):
    """The results of a search for `text`, and its hits on every page."""
    results = search(text)
    hits = list(results.hits)
    for page in range(2, results.pages + 1):
        hits += search(text, page=page).hits
    return results, hits


@pytest.mark.parametrize("need", NEEDS, ids=[f"{need.voice}: {need.text}" for need in NEEDS])
def test_what_people_ask_for_comes_first(directory, need):
    results, hits = every_hit(need.text)
    titles = [hit.title for hit in hits]
    shown = f"{need.text!r} found {titles}"
    if need.nothing:
        assert results.total == 0 and not hits, shown
        return
    assert titles, shown
    if need.first:
        firsts = need.first if isinstance(need.first, tuple) else (need.first,)
        assert titles[0] in firsts, shown
    for title in need.top:
        assert title in titles[: need.within], shown
    for title in need.absent:
        assert title not in titles, shown
    for earlier, later in need.before:
        assert earlier in titles and later in titles, shown
        assert titles.index(earlier) < titles.index(later), shown
    if need.kind_first:
        kinds = [hit.kind for hit in hits]
        others = [index for index, kind in enumerate(kinds) if kind != need.kind_first]
        assert kinds[0] == need.kind_first, f"{shown} as {kinds}"
        if others:
            assert need.kind_first not in kinds[others[0] :], f"{shown} as {kinds}"


def test_there_are_at_least_sixty_needs():
    assert len(NEEDS) >= 60
    assert {need.voice for need in NEEDS} == {"analyst", "researcher", "curator", "edge"}
    assert len({need.text for need in NEEDS}) == len(NEEDS)


def test_local_data_comes_before_england_wide_data(directory):
    titles = [hit.title for hit in search("SEND Bradford").hits]
    local = [titles.index(title) for title in (BRADFORD_SEND, BRADFORD_ADULTHOOD) if title in titles]
    assert local and NPD in titles
    assert max(local) < titles.index(NPD)


def test_a_place_includes_england_wide_and_uk_wide_data(directory):
    titles = [hit.title for hit in search("cohort Bradford").hits]
    # The UK-wide cohort covers Bradford too, after the local one.
    assert titles.index(BIB) < titles.index(MCS)


def test_people_and_projects_are_placed_by_their_organisations_and_data(directory):
    # Rahman works at a Leeds trust; the asthma project used Leeds data.
    titles = [hit.title for hit in search("asthma Leeds").hits]
    assert RAHMAN in titles and ASTHMA_PROJECT in titles
    # Neither is connected to Sheffield: only national data, people and projects could be.
    titles = [hit.title for hit in search("asthma Sheffield").hits]
    assert RAHMAN not in titles and ASTHMA_PROJECT not in titles and LEEDS_ASTHMA not in titles
    assert titles[0] == SHEFFIELD_AIR


def test_an_age_keeps_people_and_projects_whose_words_match(directory):
    titles = [hit.title for hit in search("asthma aged 5").hits]
    assert RAHMAN in titles and ASTHMA_PROJECT in titles
    assert LEEDS_ASTHMA in titles and BIB in titles


def test_an_age_alone_keeps_only_datasets(directory):
    results = search("under 5s")
    assert results.total > 0
    assert {hit.kind for hit in results.hits} == {"Dataset"}
    assert GM_EARLY_YEARS in [hit.title for hit in results.hits]
    assert POST_16 not in [hit.title for hit in results.hits]


@pytest.mark.parametrize("title", ["Born in Bradford", "National Pupil Database", "University of York"])
def test_an_exact_title_is_taken_as_typed(directory, title):
    reading = search(title).reading
    assert reading.codes == () and reading.ages is None
    assert not reading.chips


def test_an_ambiguous_place_is_offered_not_imposed(directory):
    results = search("Lancaster")
    assert results.reading.codes == ()
    assert LANCASTER in [suggestion.code for suggestion in results.reading.suggestions]
    assert results.hits[0].title == TOM_LANCASTER
    results = search("bury")
    assert results.reading.codes == () and results.reading.words == "bury"
    assert BURY in [suggestion.code for suggestion in results.reading.suggestions]


def test_a_quoted_or_excluded_place_stays_a_word(directory):
    assert search('"Bradford"').reading.codes == ()
    excluded = search("SEND -Bradford")
    assert excluded.reading.codes == ()
    assert BRADFORD not in excluded.reading.codes


def test_a_recognised_place_is_read_with_its_code(directory):
    reading = search("data on looked after children in Hull").reading
    assert reading.codes == (HULL,)
    assert reading.intent == "dataset"
    assert search("asthma in Leeds children aged 5").reading.codes == (LEEDS,)


def test_a_relaxed_search_shows_partial_matches_and_says_what_it_left_out(directory):
    results = search("asthma spirometry Leeds aged 5")
    assert results.total > 0
    assert results.hits[0].title == LEEDS_ASTHMA
    assert any("spirometry" in part for part in results.relaxed), results.relaxed
    assert not any("asthma" in part or "Leeds" in part for part in results.relaxed), results.relaxed
    assert results.hits[0].missing == results.relaxed


def test_a_relaxed_search_can_leave_out_the_age(directory):
    # The tribunal records are of pupils aged 5 to 16, and nobody else is known for tribunals.
    results = search("tribunal Sunderland aged 17")
    assert results.hits and results.hits[0].title == SUNDERLAND_SEND
    assert results.relaxed and all("17" in part for part in results.relaxed), results.relaxed


def test_people_and_projects_are_kept_when_only_a_dataset_is_too_young(directory):
    # People and projects have no ages: their words and place decide. The NEET data is of 16 to 18s.
    titles = [hit.title for hit in search("NEET Gateshead aged 8").hits]
    assert LIDDLE in titles and GATESHEAD_NEET not in titles


def test_a_search_that_meets_every_part_is_not_relaxed(directory):
    results = search("SEND Bradford 5-11")
    assert results.relaxed == []
    assert all(hit.missing == [] for hit in results.hits)


def test_both_apostrophes_find_the_same(directory):
    straight = [hit.title for hit in search("children's services Hull").hits]
    curly = [hit.title for hit in search("children’s services Hull").hits]
    assert straight == curly and HULL_CLA in straight


@pytest.mark.parametrize("pair", [("post-16", "post 16"), ("COVID-19", "covid 19"), ("KS2", "key stage 2")])
def test_word_forms_with_punctuation_find_the_same(directory, pair):
    first, second = ([hit.title for hit in search(text).hits] for text in pair)
    assert first == second and first


OLDER = {NPD, BRADFORD_ADULTHOOD, GATESHEAD_NEET, SHEFFIELD_AIR, HULL_CLA, MCS, COVID, POST_16}
PRIMARY = {NPD, BRADFORD_SEND, SUNDERLAND_SEND, BIB, LEEDS_ASTHMA, SHEFFIELD_AIR, HULL_CLA, MCS, COVID}
# The datasets found, exactly: ages written with hyphens, numbers and apostrophes, read the same on both
# engines (16–18 is 16 and 17 year olds: not data that stops at 16).
EXACT = [
    ("post-16", OLDER),
    ("post 16", OLDER),
    ("16-18", OLDER),
    ("16–18", OLDER),
    ("KS2", PRIMARY),
    ("key stage 2", PRIMARY),
    ("Year-6 SEND", {NPD, BRADFORD_SEND, SUNDERLAND_SEND}),
    ("year 6 SEND", {NPD, BRADFORD_SEND, SUNDERLAND_SEND}),
    ("COVID-19", {COVID}),
    ("covid-19 pandemic", {COVID}),
    ("children's services", {HULL_CLA}),
    ("children’s services", {HULL_CLA}),
    ("childrens services", {HULL_CLA}),
    ("NEET 16-18", {GATESHEAD_NEET, POST_16}),
]


@pytest.mark.parametrize("text, expected", EXACT, ids=[case[0] for case in EXACT])
def test_the_same_datasets_are_found_on_both_engines(directory, text, expected):
    results = search(text, {"kind": "dataset"})
    titles = {hit.title for hit in results.hits}
    assert results.total == len(titles)
    assert titles == expected


def test_people_come_before_data_when_asked_who(directory):
    kinds = [hit.kind for hit in search("who knows about asthma").hits]
    assert kinds[0] == "Researcher"
    assert "Dataset" in kinds
    assert kinds.index("Dataset") > max(index for index, kind in enumerate(kinds) if kind == "Researcher")


def test_undoing_looking_for_people_keeps_the_topic(directory):
    (intent,) = search("who knows about air pollution").reading.chips
    titles = [hit.title for hit in search(intent.undo).hits]
    assert RAHMAN in titles and SHEFFIELD_AIR in titles


def test_okafor_is_found_for_the_bury_project_but_bury_is_no_area(directory):
    titles = [hit.title for hit in search("bury").hits]
    assert BURY_PROJECT in titles and OKAFOR in titles
