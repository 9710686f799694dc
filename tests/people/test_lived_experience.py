"""People with lived experience: shown only as they choose, and findable by visitors who need them."""

import pytest

from tests.factories import ResearcherFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "sharing": ResearcherFactory(
            name="Sharing Student",
            career_stage="student",
            has_lived_experience=True,
            lived_experience="Grew up in care",
            show_lived_experience=True,
        ),
        "private": ResearcherFactory(
            name="Private Person",
            has_lived_experience=True,
            lived_experience="Not for the web",
            show_lived_experience=False,
        ),
        "welcoming": ResearcherFactory(name="Welcoming Lead", welcomes_lived_experience=True),
    }


def names(client, query):
    page = client.get(f"/researchers/?{query}")
    return {researcher.name for researcher in page.context["page"].object_list}


def test_visitors_filter_by_shared_lived_experience_and_by_welcome(client, people):
    assert names(client, "lived_experience=shares") == {"Sharing Student"}
    assert names(client, "lived_experience=welcomes") == {"Welcoming Lead"}
    assert names(client, "lived_experience=shares&career_stage=student") == {"Sharing Student"}


def test_lived_experience_never_shows_without_the_persons_choice(client, people):
    for url in (
        "/researchers/",
        people["private"].get_absolute_url(),
        "/researchers/?format=csv",
        "/api/v1/researchers/",
    ):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Not for the web" not in body, url
    assert "Grew up in care" in client.get(people["sharing"].get_absolute_url()).text
    assert "Welcomes it in their projects" in client.get(people["welcoming"].get_absolute_url()).text
