"""Only curators harvest; each sees only their own pending documents; forms need their CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse

from datasets.models import Dataset
from harvest.models import PendingHarvest

from . import samples
from .conftest import document_file, upload

pytestmark = pytest.mark.django_db

PAGES = ["/harvest/", "/harvest/orcid/"]


@pytest.mark.parametrize("url", PAGES)
def test_visitors_are_asked_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/") or "next=" in response["Location"]


@pytest.mark.parametrize("url", PAGES)
def test_people_who_are_not_curators_are_refused(researcher_client, url):
    assert researcher_client.get(url).status_code == 403
    assert researcher_client.post(url, {"kind": "auto", "text": samples.TURTLE}).status_code == 403


def test_curators_see_the_forms(curator_client):
    assert curator_client.get("/harvest/").status_code == 200
    assert curator_client.get("/harvest/orcid/").status_code == 200


def test_another_curators_pending_harvest_is_not_found(curator_client, django_user_model):
    upload(curator_client, samples.TURTLE, name="c.ttl")
    pending = PendingHarvest.objects.get()
    other = django_user_model.objects.create_superuser("other@example.org", "other@example.org", "pw")
    client = Client()
    client.force_login(other)
    assert client.get(pending.get_absolute_url()).status_code == 404
    assert client.post(reverse("harvest:confirm", args=[pending.pk])).status_code == 404
    assert not Dataset.objects.exists()


def test_confirming_is_only_by_post(curator_client):
    upload(curator_client, samples.TURTLE, name="c.ttl")
    pending = PendingHarvest.objects.get()
    assert curator_client.get(reverse("harvest:confirm", args=[pending.pk])).status_code == 405


def test_forms_need_their_csrf_token(curator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    assert (
        client.post("/harvest/", {"kind": "auto", "file": document_file(samples.TURTLE, "c.ttl")}).status_code
        == 403
    )
    pending = PendingHarvest.objects.create(
        user=curator, source="dcat", source_name="c.ttl", text=samples.TURTLE
    )
    assert client.post(reverse("harvest:confirm", args=[pending.pk])).status_code == 403
    assert client.post("/harvest/orcid/", {"orcid": samples.ORCID_ID}).status_code == 403
    assert not Dataset.objects.exists()


def test_the_account_page_links_to_harvesting(curator_client):
    page = curator_client.get("/accounts/").content.decode()
    assert 'href="/harvest/"' in page and 'href="/harvest/orcid/"' in page
