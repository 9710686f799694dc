"""How search reads the harder cases: long age phrases, ages in words, surnames that are places, titles typed
with another apostrophe, nonsense beside a place, and the links that undo or change a reading."""

import pytest

from search.models import SynonymGroup
from search.query import clean
from search.service import search
from search.understanding import understand
from tests.factories import DatasetFactory, OrganisationFactory, ProjectFactory, ResearcherFactory


def read(text: str):
    forms = [form for group in SynonymGroup.objects.all() for form in group.forms]
    return understand(clean(text), forms)


@pytest.mark.parametrize(
    "text, ages, words",
    [
        ("SEND aged 5 to 11 Bradford", (5, 11), "SEND"),
        ("ages 4 to 11", (4, 11), ""),
        ("aged 5 - 11", (5, 11), ""),
        ("ages 5 and 6", (5, 6), ""),
        ("year 6 to year 9 attainment", (10, 14), "attainment"),
        ("infant school attendance", (4, 7), "attendance"),
    ],
)
def test_long_age_phrases_are_read_whole(text, ages, words, db):
    reading = read(text)
    assert reading.ages == ages
    assert reading.words == words


@pytest.mark.parametrize("text", ["1-1 tuition", "0-0", "under 0s", "year 0"])
def test_numbers_that_are_not_ages_stay_words(text, db):
    assert read(text).ages is None


@pytest.mark.django_db
def test_ages_in_words_find_the_people_and_projects_who_use_them(client, committed):
    with committed():
        person = ResearcherFactory(name="Ada Quill", biography="I work with teenagers in youth clubs.")
        ProjectFactory(title="Voices of teenagers", summary="A study of teenagers.")
        DatasetFactory(title="Secondary survey", min_age=13, max_age=17)
    kinds = {hit.kind for hit in search("teenagers").hits}
    assert {"Researcher", "Project", "Dataset"} <= kinds
    listed = client.get("/researchers/", {"q": "teenagers"}).context["page"].object_list
    assert [researcher.pk for researcher in listed] == [person.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["Wakefield", "Dr Wakefield", "Helen Wakefield"])
def test_a_person_whose_surname_is_a_place_is_found_by_it(text, client, committed):
    with committed():
        person = ResearcherFactory(name="Helen Wakefield", title="Dr")
        ResearcherFactory(name="Someone Else")
    assert person.display_name in [hit.title for hit in search(text).hits]
    listed = client.get("/researchers/", {"q": text}).context["page"].object_list
    assert person in list(listed)


@pytest.mark.django_db
def test_a_title_typed_with_a_straight_apostrophe_is_taken_as_the_title(committed):
    with committed():
        OrganisationFactory(name="Sheffield Children’s NHS Foundation Trust")
    results = search("Sheffield Children's NHS Foundation Trust")
    assert results.reading.codes == ()
    assert results.hits[0].title == "Sheffield Children’s NHS Foundation Trust"


@pytest.mark.django_db
def test_nonsense_beside_a_place_or_an_age_finds_nothing(committed, bradford):
    with committed():
        DatasetFactory(title="Bradford births", min_age=0, max_age=5).areas.add(bradford)
    assert search("zzqx Bradford").total == 0
    assert search("qwxzt aged 5").total == 0
    assert search("births Bradford").total == 1


@pytest.mark.django_db
def test_the_links_that_undo_a_reading_keep_the_rest_of_the_search(client):
    page = client.get("/search/", {"q": "SEND Bradford 5-11", "kind": "dataset", "sort": "newest"}).text
    assert "q=SEND+5-11" in page and "q=SEND+Bradford" in page
    assert page.count("kind=dataset") >= 3 and "sort=newest" in page


@pytest.mark.django_db
def test_two_places_side_by_side_are_quoted_apart():
    chip = next(chip for chip in read("Bradford Leeds asthma").chips if chip.kind == "place")
    assert chip.as_words == '"Bradford" "Leeds" asthma'


@pytest.mark.django_db
def test_undoing_what_was_asked_for_keeps_the_topic_words():
    chip = next(chip for chip in read("data on asthma in Bradford children").chips if chip.kind == "intent")
    assert chip.undo == "asthma in Bradford children"


@pytest.mark.django_db
def test_an_ambiguous_place_is_offered_as_the_area_without_its_word(client):
    page = client.get("/search/", {"q": "bury SEND"}).text
    assert "q=SEND&amp;area=E08000002" in page


@pytest.mark.django_db
def test_did_you_mean_never_offers_a_word_only_a_withdrawn_entry_held(committed):
    with committed():
        dataset = DatasetFactory(title="Zanzibarquux register")
        DatasetFactory(title="Zanzibar register")
    with committed():
        dataset.status = "archived"
        dataset.save()
    assert search("zanzibarqux").suggestion == ""
    assert search("zanzibarqux").total == 0


@pytest.mark.django_db
def test_the_api_reads_ages_from_its_parameters(client):
    answer = client.get("/api/v1/search/", {"q": "SEND Bradford 5-11", "age_from": 12})
    assert answer.status_code == 200
    assert answer.json()["reading"]["ages"] == [12, None]
    assert client.get("/api/v1/search/", {"q": "SEND", "age_from": "x"}).status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, intent",
    [
        ("people who know about SEND", "researcher"),
        ("people working on asthma", "researcher"),
        ("people with learning disabilities", ""),
        ("young people mental health", ""),
    ],
)
def test_people_is_a_question_only_when_it_asks_for_people(text, intent):
    assert read(text).intent == intent


@pytest.mark.django_db
def test_a_relaxed_search_still_leaves_out_excluded_words(committed):
    with committed():
        DatasetFactory(title="Asthma admissions")
        DatasetFactory(title="Asthma survey")
    results = search("asthma qqqqzz -survey")
    assert results.relaxed and [hit.title for hit in results.hits] == ["Asthma admissions"]


@pytest.mark.django_db
def test_an_empty_result_leads_to_the_area_and_the_data_for_it(client):
    page = client.get("/search/", {"q": "zzqx Bradford aged 5"}).text
    assert 'href="/areas/E08000032/">Everything about Bradford</a>' in page
    assert "/datasets/?area=E08000032&amp;age_from=5&amp;age_to=5" in page
