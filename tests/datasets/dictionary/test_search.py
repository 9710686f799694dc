"""Variables in the one search: a dataset is found by its variables and says which one matched; the
dataset list filters by variable. Runs on both engines (the SQLite and PostgreSQL passes)."""

import pytest
from django.urls import reverse

from datasets.dictionary.changes import dictionaries_changed
from search.service import search
from tests.factories import DatasetFactory

from .conftest import add_variables

pytestmark = pytest.mark.django_db


@pytest.fixture
def measured(dataset, committed):
    """Born in Bradford measures free school meals at 5 to 11; another dataset measures nothing."""
    with committed():
        DatasetFactory(title="Unrelated register", summary="Records of something else.")
        [variable] = add_variables(dataset, 1, ages="5-11")
        variable.name, variable.label = "fsm_eligible", "Free school meals eligibility"
        variable.save()
        dictionaries_changed([dataset.pk])
    return dataset


def test_a_search_for_a_variable_name_finds_its_dataset_and_says_why(measured):
    results = search("fsm_eligible", {})
    [hit] = results.hits
    assert hit.title == "Born in Bradford"
    # "eligibility" shares the stem of "eligible", so it is marked too.
    assert (
        hit.snippet
        == "Measures <mark>fsm</mark>_<mark>eligible</mark>: Free school meals <mark>eligibility</mark>"
    )


def test_a_search_for_words_of_a_label_finds_it_too(measured):
    [hit] = search("school meals", {}).hits
    assert "Measures fsm_eligible: Free <mark>school</mark> <mark>meals</mark> eligibility" == hit.snippet


def test_the_search_page_shows_the_reason(client, measured):
    page = client.get(reverse("search:search"), {"q": "fsm_eligible"}).content.decode()
    assert "Measures <mark>fsm</mark>_<mark>eligible</mark>: Free school meals" in page


def test_a_removed_variable_no_longer_finds_the_dataset(measured, committed):
    with committed():
        measured.variables.all().delete()
        dictionaries_changed([measured.pk])
    assert search("fsm_eligible", {}).hits == []


def test_the_dataset_list_filters_by_variable_and_the_ages_it_was_collected(client, measured):
    url = reverse("datasets:list")
    assert "Born in Bradford" in client.get(url, {"variable": "school meals"}).content.decode()
    assert "Unrelated register" not in client.get(url, {"variable": "school meals"}).content.decode()
    assert (
        "Born in Bradford"
        in client.get(url, {"variable": "fsm", "age_from": 10, "age_to": 10}).content.decode()
    )
    page = client.get(url, {"variable": "fsm", "age_from": 14, "age_to": 16}).content.decode()
    assert "Born in Bradford" not in page


def test_a_cohort_measured_either_side_of_the_age_asked_for_is_not_listed(client, dataset):
    [variable] = add_variables(dataset, 1, ages="7, 11")
    url = reverse("datasets:list")
    assert "Born in Bradford" in client.get(url, {"variable": "var_0", "age_from": 11}).content.decode()
    assert (
        "Born in Bradford"
        not in client.get(url, {"variable": "var_0", "age_from": 8, "age_to": 10}).content.decode()
    )
