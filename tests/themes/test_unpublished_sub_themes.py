"""A dataset tagged only with an unpublished sub-theme is not public under the parent theme either."""

import pytest

from datasets.models import Dataset
from tests.factories import DatasetFactory, ThemeFactory
from themes.counts import totals_in


@pytest.fixture
def theme_with_hidden_sub_theme(db):
    theme = ThemeFactory(name="Toddlers and tests")
    hidden = ThemeFactory(name="Hidden sub-theme", parent=theme, status="draft")
    DatasetFactory(title="Shown under the theme").themes.add(theme)
    DatasetFactory(title="Only in the hidden sub-theme").themes.add(hidden)
    return theme


def test_the_theme_counts_and_lists_only_what_is_tagged_with_published_themes(theme_with_hidden_sub_theme):
    theme = theme_with_hidden_sub_theme
    assert totals_in(theme, fresh=True)[0] == 1
    assert list(Dataset.objects.published().in_theme(theme).values_list("title", flat=True)) == [
        "Shown under the theme"
    ]


@pytest.mark.parametrize(
    "address",
    [
        "/themes/toddlers-and-tests/",
        "/datasets/?theme=toddlers-and-tests",
        "/api/v1/datasets/?theme=toddlers-and-tests",
    ],
)
def test_pages_leave_it_out(client, theme_with_hidden_sub_theme, address):
    page = client.get(address).content.decode()
    assert "Shown under the theme" in page
    assert "Only in the hidden sub-theme" not in page


def test_the_gaps_page_leaves_it_out(client, theme_with_hidden_sub_theme):
    assert "<title>Toddlers and tests: 1 dataset, 0 researchers</title>" in client.get("/coverage/gaps/").text
