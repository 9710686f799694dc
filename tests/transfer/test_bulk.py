"""The imports' bulk inserts (transfer/bulk.py): PostgreSQL's COPY on PostgreSQL, bulk_create elsewhere,
with every value arriving as it was given."""

from datetime import UTC, date, datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from reversion.models import Revision, Version

from jobs.models import Job
from people.models import Researcher
from projects.models import Project
from tests.factories import OrganisationFactory, ThemeFactory
from transfer import bulk, versions

pytestmark = pytest.mark.django_db

AWKWARD = 'Tab\there, a new\nline, a\r return, a back\\slash, \\N, quotes "\'" and ünïcödé'


def test_new_entries_get_their_keys_and_every_value_as_given(django_assert_max_num_queries):
    organisation = OrganisationFactory()
    rows = [
        Researcher(name=AWKWARD, slug="awkward", biography="", organisation=organisation, open_to_media=True),
        Researcher(name="Plain", slug="plain", title="Dr", orcid=""),
    ]
    # One query for the keys and one COPY on PostgreSQL; a bulk insert elsewhere.
    with django_assert_max_num_queries(2):
        bulk.insert(Researcher, rows)

    assert all(row.pk and not row._state.adding for row in rows)
    awkward, plain = Researcher.objects.get(pk=rows[0].pk), Researcher.objects.get(pk=rows[1].pk)
    assert (awkward.name, awkward.biography, awkward.organisation, awkward.open_to_media) == (
        AWKWARD,
        "",
        organisation,
        True,
    )
    assert (plain.name, plain.title, plain.organisation_id, plain.open_to_media) == (
        "Plain",
        "Dr",
        None,
        False,
    )
    assert awkward.created is not None and awkward.updated is not None


def test_json_dates_and_numbers_arrive_as_given():
    project = Project(title=AWKWARD, slug="dated", summary="S", start_date=date(2026, 1, 31), end_date=None)
    job = Job(kind="k", label=AWKWARD, arguments={"text": AWKWARD, "ids": [1, 2]}, done=7, total=None)
    job.started = datetime(2026, 11, 27, 13, 5, 1, 123456, tzinfo=UTC)
    bulk.insert(Project, [project])
    bulk.insert(Job, [job])

    saved = Project.objects.get(pk=project.pk)
    assert (saved.title, saved.start_date, saved.end_date) == (AWKWARD, date(2026, 1, 31), None)
    saved = Job.objects.get(pk=job.pk)
    assert (saved.label, saved.arguments, saved.done, saved.total) == (
        AWKWARD,
        {"text": AWKWARD, "ids": [1, 2]},
        7,
        None,
    )
    assert saved.started == job.started and saved.result == {}


def test_link_rows_and_versions_go_in_as_values():
    researcher = Researcher.objects.create(name="Linked", slug="linked")
    themes = [ThemeFactory(), ThemeFactory()]
    through = Researcher.themes.through
    bulk.insert_values(
        through, ["researcher_id", "theme_id"], [(researcher.pk, theme.pk) for theme in themes]
    )
    assert set(researcher.themes.all()) == set(themes)

    revision = Revision.objects.create(date_created=researcher.created, comment="c")
    content_type = ContentType.objects.get_for_model(Researcher)
    values = (revision.pk, str(researcher.pk), content_type.pk, "default", "json", AWKWARD, "r")
    bulk.insert_values(Version, versions.COLUMNS, [values])
    assert Version.objects.get(revision=revision).serialized_data == AWKWARD


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_a_value_copy_cannot_write_is_refused_before_anything_is_sent():
    with pytest.raises(TypeError, match="COPY cannot take"):
        bulk.as_copy_text(object())
