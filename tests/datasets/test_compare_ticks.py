"""Compare tick-boxes on the dataset list's and the search's dataset cards: one GET form to the compare
page, without JavaScript, each tick-box named after its dataset."""

import re

import pytest
from django.urls import reverse

from tests.factories import DatasetFactory, ResearcherFactory

pytestmark = pytest.mark.django_db
COMPARE = reverse("dictionary:compare")


def ticks(page: str) -> list[tuple[str, str]]:
    """(value, accessible name) of each compare tick-box, checking each belongs to the page's one form."""
    [form] = re.findall(r'<form id="compare-datasets"[^>]*action="([^"]+)"', page)
    assert form == COMPARE
    found = []
    for slug in re.findall(
        r'<input type="checkbox" id="compare-([^"]+)" name="datasets" value="\1" form="compare-datasets">',
        page,
    ):
        [label] = re.findall(rf'<label for="compare-{slug}">(.*?)</label>', page)
        found.append((slug, re.sub(r"<[^>]+>", "", label)))
    return found


def test_each_dataset_on_the_list_has_a_tick_box_named_after_it(client):
    DatasetFactory(title="Born in Bradford", slug="bib")
    DatasetFactory(title="National Pupil Database", slug="npd")
    page = client.get(reverse("datasets:list")).content.decode()
    assert sorted(ticks(page)) == [
        ("bib", "Compare Born in Bradford"),
        ("npd", "Compare National Pupil Database"),
    ]
    assert "Compare the ticked datasets" in page


def test_the_ticked_datasets_go_to_the_compare_page(client):
    DatasetFactory(title="Born in Bradford", slug="bib")
    DatasetFactory(title="National Pupil Database", slug="npd")
    # What the form sends when two are ticked.
    page = client.get(COMPARE, {"datasets": ["bib", "npd"]}).content.decode()
    assert "The 2 datasets side by side" in page


def test_a_dataset_card_elsewhere_has_no_tick_box_without_a_form(client):
    dataset = DatasetFactory(title="Born in Bradford", slug="bib")
    page = client.get(dataset.custodian.get_absolute_url()).content.decode()
    assert "Born in Bradford" in page and 'form="compare-datasets"' not in page


def test_no_datasets_no_form(client):
    page = client.get(reverse("datasets:list")).content.decode()
    assert "compare-datasets" not in page


def test_search_results_that_are_datasets_have_a_tick_box(client, committed):
    with committed():
        DatasetFactory(title="Bradford pupils", slug="bradford-pupils")
        ResearcherFactory(name="Bradford Researcher")
    page = client.get(reverse("search:search"), {"q": "Bradford"}).content.decode()
    assert "Bradford Researcher" in page
    assert ticks(page) == [("bradford-pupils", "Compare Bradford pupils")]
