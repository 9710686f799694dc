"""The search demand page groups what was not found by what was not understood."""

import pytest

from search.models import SearchLog, SearchWord
from tests.factories import DatasetFactory


@pytest.fixture
def curator_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("curator", password="x"))
    return client


def unmet(*queries: str) -> None:
    for query in queries:
        SearchLog.objects.create(query=query, filters={}, result_count=0)


def group_of(page: str, query: str) -> str:
    """The heading of the group a query is listed under on the demand page."""
    before = page[: page.index(f">{query}</a>")]
    return before[before.rindex("<h3") :].split(">", 1)[1].split("(")[0].strip()


def test_unmet_searches_are_grouped_by_what_was_not_understood(curator_client, db):
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in ("asthma", "send")])
    unmet("QXZ outcomes", "asthma in Narnia", "SEND Bradford", "zzzz plmk")

    page = curator_client.get("/search/demand/").text

    assert group_of(page, "QXZ outcomes") == "Acronyms we do not know"
    assert group_of(page, "asthma in Narnia") == "Places we do not know"
    assert group_of(page, "SEND Bradford") == "No data for this area and topic"
    assert group_of(page, "zzzz plmk") == "Words the directory does not hold"


def test_a_known_acronym_is_not_reported_as_unknown(curator_client, db):
    # SEND is in the synonym list the migrations load.
    unmet("SEND outcomes")
    page = curator_client.get("/search/demand/").text
    assert group_of(page, "SEND outcomes") != "Acronyms we do not know"


def test_a_relaxed_search_is_logged_as_unmet(client, db, committed):
    with committed():
        DatasetFactory(title="Asthma admissions", summary="Asthma in hospital.")
    page = client.get("/search/", {"q": "asthma qwertyuiop"})
    assert "Asthma admissions" in page.text and "No entry matches all of it" in page.text
    assert SearchLog.objects.get().result_count == 0
