"""Opportunities in search: found by the words people use for taking part, gone once closed; and a project
past its end date counted and shown as ended."""

import datetime

import pytest
from django.utils import timezone

from search.service import completions, search
from tests.factories import ProjectFactory

from .conftest import make_opportunity

pytestmark = pytest.mark.django_db


def titles(text: str, **facets) -> list[str]:
    return [hit.title for hit in search(text, facets).hits]


@pytest.mark.parametrize(
    "words",
    [
        "get involved",
        "take part",
        "care experienced",
        "young people's advisory group",
        "PPI",
        "co-production",
    ],
)
def test_the_words_people_use_for_taking_part_find_opportunities(committed, words):
    with committed():
        make_opportunity(
            title="Young advisers wanted",
            summary="Care leavers help shape a patient and public involvement panel. "
            "Our young advisers co-produce every study.",
        )
    assert "Young advisers wanted" in titles(words)


def test_they_have_a_type_of_their_own(committed):
    with committed():
        make_opportunity(title="Young advisers wanted")
    kinds = {facet.value: facet.label for facet in search("advisers").facets["kind"]}
    assert kinds == {"opportunity": "Get involved"}


def test_closed_opportunities_drop_out_of_search_and_suggestions_by_themselves(committed):
    with committed():
        make_opportunity(title="Young advisers wanted")
        make_opportunity(
            title="Young advisers closed", closes_on=timezone.localdate() - datetime.timedelta(days=1)
        )
    assert titles("young advisers") == ["Young advisers wanted"]
    assert [item["title"] for item in completions("young adv")] == ["Young advisers wanted"]


def test_people_who_welcome_lived_experience_are_found_by_the_involvement_words(committed):
    from tests.factories import ResearcherFactory

    with committed():
        ResearcherFactory(name="Rowan Welcoming", welcomes_lived_experience=True)
        ResearcherFactory(name="Sky Other")
    assert titles("PPI") == ["Rowan Welcoming"]


def test_an_active_project_past_its_end_date_is_counted_and_shown_as_ended(committed):
    today = timezone.localdate()
    with committed():
        ProjectFactory(title="Zebra study past", end_date=today - datetime.timedelta(days=1))
        ProjectFactory(title="Zebra study running", end_date=today + datetime.timedelta(days=100))
    results = search("zebra study")
    stages = {facet.value: facet.count for facet in results.facets["stage"]}
    assert stages == {"ended": 1, "active": 1}
    assert titles("zebra study", stage="ended") == ["Zebra study past"]
    assert titles("zebra study", stage="active") == ["Zebra study running"]
    facts = {hit.title: dict(hit.facts) for hit in results.hits}
    assert facts["Zebra study past"]["Status"] == "Ended"
    assert facts["Zebra study running"]["Status"] == "Active"


def test_the_search_page_shows_opportunities(client, committed):
    with committed():
        make_opportunity(title="Young advisers wanted")
    html = client.get("/search/", {"q": "care experienced"}).content.decode()
    assert "Young advisers wanted" in html and "Get involved" in html
