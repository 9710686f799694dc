"""The _entry_care include: completeness, freshness, broken links and the confirm button, in two queries."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from curation.models import Link, LinkUse
from datasets.models import Dataset
from tests.factories import DatasetFactory, ThemeFactory

from .conftest import age

pytestmark = pytest.mark.django_db


def render(entry) -> str:
    request = RequestFactory().get("/datasets/x/?a=1")
    return render_to_string("curation/_entry_care.html", {"entry": entry}, request=request)


def break_link(entry, url: str, field: str) -> None:
    link = Link.objects.create(url=url, is_broken=True, status_code=404, broken_since=timezone.now())
    LinkUse.objects.create(
        link=link, content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk, field=field
    )


def test_it_shows_the_score_the_gaps_and_the_review_date():
    dataset = age(DatasetFactory(description="Some words"), days=500, reviewed_days_ago=400)

    html = render(dataset)

    assert "15% complete" in html  # description, custodian and age range: three of nineteen
    assert "Landing page" in html
    assert "Description," not in html
    assert "Due for review" in html
    assert 'action="/curation/reviewed/datasets/' in html
    assert 'name="next" value="/datasets/x/?a=1"' in html
    assert "csrfmiddlewaretoken" in html


def test_it_lists_the_entrys_broken_links_only():
    dataset = DatasetFactory()
    other = DatasetFactory()
    break_link(dataset, "https://gone.example.org/", "Landing page")
    break_link(other, "https://elsewhere.example.org/", "Landing page")

    html = render(dataset)

    assert "https://gone.example.org/" in html
    assert "The server answered 404" in html
    assert "elsewhere" not in html


def test_it_runs_two_queries_however_much_the_entry_has():
    dataset = DatasetFactory()
    dataset.themes.add(*[ThemeFactory() for _ in range(5)])
    for number in range(5):
        break_link(dataset, f"https://gone.example.org/{number}", f"Field {number}")
    render(dataset)  # Caches the content type, as a running site has.

    with CaptureQueriesContext(connection) as queries:
        render(Dataset.objects.get(pk=dataset.pk))

    assert len(queries) == 3  # the entry itself (by this test), its completeness, its broken links
