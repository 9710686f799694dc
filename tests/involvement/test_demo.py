"""The demo directory has ways to get involved, and people who welcome involving people with lived experience."""

import pytest
from django.core.management import call_command

from involvement.models import Opportunity
from projects.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_the_demo_offers_open_opportunities_on_running_projects(client, demo):
    opportunities = Opportunity.objects.open()
    assert opportunities.count() >= 4
    assert all(opportunity.is_sample for opportunity in opportunities)
    assert all(opportunity.project.current_stage != "ended" for opportunity in opportunities)
    html = client.get("/get-involved/?who=lived-experience").content.decode()
    assert "Join the young people’s advisory group for Youth voice in local policy" in html


def test_the_welcomes_lived_experience_filter_finds_people(client, demo):
    response = client.get("/researchers/", {"lived_experience": "welcomes"})
    assert response.context["page"].paginator.count >= 5


def test_demo_projects_past_their_end_date_show_as_ended(client, demo):
    ended = Project.objects.published().in_stage("ended")
    assert ended.exists()
    html = client.get("/projects/", {"stage": "ended"}).content.decode()
    assert ended.first().title in html and "Ended" in html


@pytest.mark.parametrize(
    ("words", "kinds"),
    [
        ("care experienced", {"opportunity", "researcher"}),
        ("young people's advisory group", {"opportunity"}),
        ("PPI", {"opportunity", "researcher"}),
        ("co-production", {"opportunity", "researcher"}),
        ("get involved", {"opportunity", "researcher"}),
    ],
)
def test_the_involvement_words_find_opportunities_and_people(client, demo, words, kinds):
    from search.service import search

    assert kinds <= {facet.value for facet in search(words).facets["kind"]}
