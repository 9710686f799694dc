"""An organisation's page keeps how many people, datasets and projects it has until the directory
changes (core/cached_counts.py), and shows a change at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import DatasetFactory, OrganisationFactory, ProjectFactory, ResearcherFactory

pytestmark = pytest.mark.django_db


def counting_queries(client, url: str) -> tuple[str, int]:
    """The page's text and how many of its SQL queries counted entries."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.text, sum("COUNT(" in query["sql"].upper() for query in queries)


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(slug="busy-university")
    ResearcherFactory.create_batch(2, organisation=organisation)
    DatasetFactory(custodian=organisation)
    ProjectFactory().partner_organisations.add(organisation)
    return organisation


def test_the_counts_are_made_once_until_the_directory_changes(client, organisation):
    first, counted = counting_queries(client, "/organisations/busy-university/")
    again, counted_again = counting_queries(client, "/organisations/busy-university/")
    assert again == first
    assert (counted, counted_again) == (3, 0)
    assert 'People <span class="meta">(2)</span>' in again


def test_a_new_person_is_counted_at_once(client, organisation):
    client.get("/organisations/busy-university/")
    ResearcherFactory(organisation=organisation)
    assert 'People <span class="meta">(3)</span>' in client.get("/organisations/busy-university/").text


def test_signed_in_people_get_the_counts_from_the_database(client, organisation, django_user_model):
    client.force_login(django_user_model.objects.create_user("cara", "cara@example.org", "pw"))
    client.get("/organisations/busy-university/")
    assert counting_queries(client, "/organisations/busy-university/")[1] == 3


def test_its_people_and_data_are_read_once_until_the_directory_changes(client, organisation):
    client.get("/organisations/busy-university/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/organisations/busy-university/")
    read = " ".join(query["sql"] for query in queries)
    assert '"people_researcher"' not in read and '"datasets_dataset"' not in read
    ResearcherFactory(organisation=organisation, name="Newly Joined")
    assert "Newly Joined" in client.get("/organisations/busy-university/").text
