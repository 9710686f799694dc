"""Lists and search number their pages: the first, the last and those around the current one."""

import pytest
from django.test import override_settings

from core.templatetags.portal import page_numbers
from tests.factories import DatasetFactory


@pytest.mark.parametrize(
    "current, last, shown",
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 12, [1, 2, None, 12]),
        (5, 12, [1, None, 4, 5, 6, None, 12]),
        (3, 12, [1, 2, 3, 4, None, 12]),
        (12, 12, [1, None, 11, 12]),
    ],
)
def test_the_pages_shown_around_the_current_one(current, last, shown):
    assert page_numbers(current, last) == shown


@override_settings(PAGE_SIZE=2)
def test_a_list_links_to_its_first_last_and_neighbouring_pages_keeping_its_filters(client, db):
    for number in range(11):
        DatasetFactory(title=f"Dataset {number:02}", access_level="open")
    html = client.get("/datasets/?access_level=open&page=2").content.decode()
    nav = html[html.index('<nav class="pagination"') :].split("</nav>")[0]
    assert 'href="?access_level=open&amp;page=1" aria-label="Page 1"' in nav
    assert 'href="?access_level=open&amp;page=6" aria-label="Page 6, the last"' in nav
    assert 'aria-current="page" aria-label="Page 2 of 6, this page">2</a>' in nav
    assert 'rel="prev"' in nav and 'rel="next"' in nav
    assert "…" in nav  # 1 2 3 … 6
    assert 'page=4"' not in nav and 'page=5"' not in nav


def test_one_page_shows_no_pagination(client, db):
    DatasetFactory()
    assert 'class="pagination"' not in client.get("/datasets/").content.decode()
