"""The preview of a large file shows its rows a page at a time, with counts, and can show only the rows
with problems: a 45,000-row file no longer renders 45,000 table rows."""

import re

import pytest

from transfer.models import PendingImport

from .test_import import preview

pytestmark = pytest.mark.django_db

ROWS = 250


def shown_rows(page: str) -> list[int]:
    return [int(number) for number in re.findall(r'<th scope="row">(\d+)</th>', page)]


def test_a_large_file_is_shown_a_hundred_rows_at_a_time(curator_client):
    text = "name\n" + "".join(f"Organisation {number}\n" for number in range(ROWS))
    first = preview(curator_client, "organisations", text).content.decode()
    assert f"{ROWS} to create" in first
    assert "Rows 1 to 100 of 250" in first
    assert shown_rows(first) == list(range(2, 102))  # a spreadsheet's row numbers: the header is row 1
    assert 'aria-label="Page 3, the last"' in first
    assert f"Import all {ROWS} rows" in first

    pending = PendingImport.objects.get()
    last = curator_client.get(pending.get_absolute_url(), {"page": 3}).content.decode()
    assert "Rows 201 to 250 of 250" in last
    assert shown_rows(last) == list(range(202, 252))
    # A page that does not exist shows the last one rather than an error.
    assert shown_rows(curator_client.get(pending.get_absolute_url(), {"page": "x"}).content.decode())[0] == 2


def test_the_rows_with_problems_can_be_shown_alone(curator_client):
    rows = [
        f"Organisation {number},{'nonsense' if number % 50 == 0 else 'charity'}\n" for number in range(ROWS)
    ]
    page = preview(curator_client, "organisations", "name,kind\n" + "".join(rows)).content.decode()
    assert "5 problems to fix" in page
    assert 'href="?rows=problems#rows">Show only the 5 rows with problems' in page
    assert "Rows 1 to 100 of 250" in page

    pending = PendingImport.objects.get()
    problems = curator_client.get(pending.get_absolute_url(), {"rows": "problems"}).content.decode()
    assert "Rows 1 to 5 of 5 with problems" in problems
    assert shown_rows(problems) == [2, 52, 102, 152, 202]
    assert "Show every row" in problems


def test_asking_for_problems_when_there_are_none_shows_every_row(curator_client):
    preview(curator_client, "organisations", "name\nOne\nTwo\n")
    pending = PendingImport.objects.get()
    page = curator_client.get(pending.get_absolute_url(), {"rows": "problems"}).content.decode()
    assert "Rows 1 to 2 of 2" in page and "Show only" not in page
