"""The versions an import writes in bulk (transfer/versions.py) are what django-reversion writes: the
same JSON as Django's own serializer, so the history pages, comparisons and restores read them alike."""

import json
from datetime import date

import pytest
from django.core import serializers
from reversion.models import Version

from projects.models import Project
from tests.factories import OrganisationFactory, ResearcherFactory, ThemeFactory
from transfer.versions import save_revision

pytestmark = pytest.mark.django_db


def django_serialized(entry) -> dict:
    return json.loads(serializers.serialize("json", [entry]))[0]


def test_a_version_is_what_djangos_serializer_writes(curator):
    themes = [ThemeFactory(), ThemeFactory()]
    researcher = ResearcherFactory(
        name="Zoë “Quoted” Brontë",
        biography="Two\nlines\tand a tab",
        orcid="",
        organisation=OrganisationFactory(),
    )
    researcher.themes.set(themes)
    project = Project.objects.create(title="Dated", slug="dated", summary="S", start_date=date(2026, 1, 31))

    save_revision([researcher], {researcher.pk: {"themes": [theme.pk for theme in themes]}}, curator, "c")
    save_revision([project], {}, curator, "c")

    for entry in (researcher, project):
        version = Version.objects.get_for_object(entry).get()
        written = json.loads(version.serialized_data)[0]
        expected = django_serialized(type(entry).objects.get(pk=entry.pk))
        expected["fields"] = {
            name: sorted(v) if isinstance(v, list) else v for name, v in expected["fields"].items()
        }
        written["fields"] = {
            name: sorted(v) if isinstance(v, list) else v for name, v in written["fields"].items()
        }
        assert written == expected
