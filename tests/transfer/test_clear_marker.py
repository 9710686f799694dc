"""A blank cell in a private column keeps what is stored; a cell holding exactly "(clear)" empties it, for
curators, and is refused with the row's error for anyone else."""

import csv
import io

import pytest

from people.models import Researcher
from tests.factories import ResearcherFactory, UserFactory
from transfer import importer
from transfer.columns import CLEAR, Kind
from transfer.models import PendingImport, digest_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def researcher(db) -> Researcher:
    return ResearcherFactory(
        name="Private Person",
        email="private@example.org",
        show_email=False,
        has_lived_experience=True,
        lived_experience="Grew up in care",
        show_lived_experience=False,
    )


def run_import(user, rows: list[dict], commit: bool = True) -> importer.Outcome:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    text = buffer.getvalue()
    pending = PendingImport.objects.create(
        user=user,
        kind=Kind.RESEARCHERS,
        file_name="people.csv",
        text=text,
        encoding="utf-8",
        digest=digest_of(text),
    )
    return importer.run(pending, user, commit=commit)


def cells(researcher: Researcher, value: str) -> dict:
    return {
        "slug": researcher.slug,
        "name": researcher.name,
        "email": value,
        "has_lived_experience": value,
        "lived_experience": value,
        "show_lived_experience": value,
    }


def test_the_marker_is_exactly_what_the_import_page_documents(client, curator):
    client.force_login(curator)
    page = client.get("/import/").content.decode()
    assert CLEAR == "(clear)" and f"<code>{CLEAR}</code>" in page


def test_a_blank_private_cell_keeps_what_is_stored(curator, researcher):
    outcome = run_import(curator, [cells(researcher, "")])
    assert not outcome.problems
    researcher.refresh_from_db()
    assert researcher.email == "private@example.org"
    assert researcher.has_lived_experience and researcher.lived_experience == "Grew up in care"


def test_a_curator_empties_private_fields_with_the_marker(curator, researcher):
    outcome = run_import(curator, [cells(researcher, CLEAR)])
    assert not outcome.problems and outcome.updated == 1
    researcher.refresh_from_db()
    assert researcher.email == ""
    assert not researcher.has_lived_experience and researcher.lived_experience == ""


def test_anyone_else_is_refused_the_marker_with_the_rows_error(researcher):
    outcome = run_import(UserFactory(), [cells(researcher, CLEAR)])
    assert not outcome.imported
    assert any("Only curators may empty this field with (clear)" in problem for problem in outcome.problems)
    researcher.refresh_from_db()
    assert researcher.email == "private@example.org" and researcher.lived_experience == "Grew up in care"
