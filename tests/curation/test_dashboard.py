"""The curator dashboard at /curation/: counts, stale, incomplete and broken, in a fixed number of queries."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from curation.models import Link, LinkUse
from tests.factories import DatasetFactory, OrganisationFactory, ProjectFactory, ResearcherFactory

from .conftest import age

pytestmark = pytest.mark.django_db


def test_it_is_for_curators_only(client, outsider):
    assert client.get("/curation/")["Location"].startswith("/accounts/sign-in/")

    client.force_login(outsider)
    assert client.get("/curation/").status_code == 403


def test_it_shows_empty_states(client, curator):
    client.force_login(curator)

    html = client.get("/curation/").content.decode()

    assert "Nothing is awaiting review." in html
    assert "Every published entry has been confirmed within the last year." in html
    assert "There are no entries to score yet." in html
    assert "No broken links were found" in html


def test_it_counts_entries_by_status_and_links_to_the_review_queue(client, curator):
    DatasetFactory(status="submitted")
    DatasetFactory(status="submitted")
    ResearcherFactory(status="draft")
    client.force_login(curator)

    response = client.get("/curation/")

    html = response.content.decode()
    datasets = next(row for row in response.context["counts"] if row["kind"] == "datasets")
    assert datasets["counts"]["submitted"] == 2
    assert '<a href="/review/">2 entries awaiting review</a>' in html
    assert "<caption>Entries of each kind by status</caption>" in html


def test_it_lists_stale_entries_of_every_kind_oldest_first(client, curator):
    age(DatasetFactory(title="Stale dataset"), days=500, reviewed_days_ago=400)
    age(ResearcherFactory(name="Stale person"), days=900)
    age(DatasetFactory(title="Fresh dataset"), days=500, reviewed_days_ago=10)
    client.force_login(curator)

    rows = client.get("/curation/").context["needing_review"].object_list

    assert [row["label"] for row in rows] == ["Stale person", "Stale dataset"]
    assert rows[0]["url"] == "/researchers/" + rows[0]["entry_slug"] + "/"


def test_it_lists_the_least_complete_first_with_what_they_lack(client, curator):
    OrganisationFactory(name="Bare", website="")
    OrganisationFactory(name="Full", website="https://x.org", ror_id="01v29qb04", description="Yes")
    DatasetFactory(title="Archived", status="archived")
    client.force_login(curator)

    rows = client.get("/curation/").context["least_complete"].object_list

    labels = [row["label"] for row in rows]
    assert labels[0] == "Bare" and labels[-1] == "Full"
    assert "Archived" not in labels
    assert rows[0]["missing"] == ["Website", "ROR ID", "Description"]


def test_it_lists_broken_links_with_their_entry_and_problem(client, curator):
    dataset = DatasetFactory(title="Linked data")
    link = Link.objects.create(
        url="https://gone.example.org/",
        is_broken=True,
        error="Could not connect",
        broken_since=timezone.now(),
    )
    LinkUse.objects.create(
        link=link,
        content_type=ContentType.objects.get_for_model(dataset),
        object_id=dataset.pk,
        field="Landing page",
    )
    client.force_login(curator)

    html = client.get("/curation/").content.decode()

    assert "https://gone.example.org/" in html
    assert "Could not connect" in html
    assert f'<a href="{dataset.get_absolute_url()}">Linked data</a>' in html


def test_sections_page_separately(client, curator):
    for number in range(25):
        OrganisationFactory(name=f"Organisation {number:02}")
    client.force_login(curator)

    response = client.get("/curation/?complete_page=2&links_page=1")

    assert response.context["least_complete"].number == 2
    assert len(response.context["least_complete"].object_list) == 5
    assert "?complete_page=1&amp;links_page=1#incomplete" in response.content.decode()


def add_everything(count: int) -> None:
    """`count` entries of each kind, stale and incomplete, each dataset and organisation with a broken link."""
    for _ in range(count):
        dataset = age(DatasetFactory(), days=400)
        organisation = age(OrganisationFactory(), days=400)
        age(ResearcherFactory(), days=400)
        age(ProjectFactory(), days=400)
        for entry in (dataset, organisation):
            link = Link.objects.create(
                url=f"https://gone.example.org/{entry.slug}", is_broken=True, broken_since=timezone.now()
            )
            LinkUse.objects.create(
                link=link,
                content_type=ContentType.objects.get_for_model(entry),
                object_id=entry.pk,
                field="Web",
            )


def test_it_runs_the_same_number_of_queries_for_2_or_20_more_entries(client, curator, count_queries):
    client.force_login(curator)
    add_everything(1)
    count_queries("/curation/")  # Caches content types, as a running site has.

    add_everything(2)
    with_few = count_queries("/curation/")
    add_everything(18)
    with_many = count_queries("/curation/")

    assert with_few == with_many


def test_the_account_page_links_curators_to_it(client, curator, outsider):
    client.force_login(curator)
    assert 'href="/curation/"' in client.get("/accounts/").content.decode()

    client.force_login(outsider)
    assert 'href="/curation/"' not in client.get("/accounts/").content.decode()
