"""Comparing two to four datasets side by side, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Entry
from datasets.models import LinkageIdentifier
from journey import basket
from tests.factories import DatasetFactory

from .conftest import add_variables

pytestmark = pytest.mark.django_db
URL = reverse("dictionary:compare")


@pytest.fixture
def pair(dataset):
    upn = LinkageIdentifier.objects.get_or_create(name="Unique Pupil Number (UPN)", defaults={"slug": "upn"})[
        0
    ]
    npd = DatasetFactory(
        title="National Pupil Database",
        slug="npd",
        weeks_to_access_from=26,
        weeks_to_access_to=39,
        access_service="secure-environment",
        cost="free",
    )
    for each in (dataset, npd):
        each.identifiers.add(upn)
        add_variables(each, 3, topic="Attainment", ages="11")
    return dataset, npd


def test_it_shows_two_datasets_side_by_side_with_what_they_share(client, pair):
    page = client.get(URL, {"datasets": ["born-in-bradford", "npd"]}).content.decode()
    assert "The 2 datasets side by side" in page
    assert "26–39 weeks" in page and "Not yet known: ask the custodian" in page
    assert "In a secure environment (trusted research environment)" in page and "<td>Free</td>" in page
    assert "<dt>Identifiers all of them hold</dt><dd>Unique Pupil Number (UPN)</dd>" in page
    assert "3 variable names appear in more than one" in page
    assert "Attainment: Born in Bradford, National Pupil Database" in page


def test_one_dataset_asks_for_another_and_unknown_ones_are_named(client, pair):
    page = client.get(URL, {"datasets": ["npd", "nowhere"]}).content.decode()
    assert "Choose the datasets" in page
    assert "We found no published dataset at “nowhere”" in page


def test_drafts_are_never_compared(client, pair):
    draft = DatasetFactory(slug="secret", status=Entry.Status.DRAFT, title="Secret draft")
    page = client.get(URL, {"datasets": ["npd", "secret"]}).content.decode()
    assert "Secret draft" not in page and "“secret”" in page
    assert draft.slug not in page.split("We found no published dataset")[0]


def test_more_than_four_are_cut_to_four(client, db):
    slugs = [DatasetFactory(slug=f"d{n}").slug for n in range(6)]
    page = client.get(URL, {"datasets": slugs}).content.decode()
    assert "The 4 datasets side by side" in page and "these are the first 4 you chose" in page


def test_the_journey_basket_is_offered_to_tick(client, pair):
    client.post(reverse("journey:add", args=["npd"]))
    page = client.get(URL).content.decode()
    assert 'name="datasets" value="npd"' in page
    assert basket.SESSION_KEY in client.session


def test_the_query_count_does_not_grow_with_variables(client, pair):
    slugs = {"datasets": ["born-in-bradford", "npd"]}
    client.get(URL, slugs)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, slugs).status_code == 200
        return len(queries)

    few = count()
    for each in pair:
        add_variables(each, 300, table_name="Many", topic="Many topics", ages="3, 5")
    assert count() == few


def test_datasets_like_the_chosen_one_are_offered_to_tick(client, pair):
    page = client.get(URL, {"datasets": ["born-in-bradford"]}).content.decode()
    assert 'id="chosen-born-in-bradford" checked' in page
    assert 'name="datasets" value="npd" id="related-npd"' in page  # the same identifier
