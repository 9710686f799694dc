"""Curators keep the place names in the admin, and search sees their changes at once."""

import pytest
from django.urls import reverse

from areas.models import PlaceName
from areas.places import place_names

CHANGELIST = reverse("admin:areas_placename_changelist")
ADD = reverse("admin:areas_placename_add")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def codes_of(name: str) -> tuple[str, ...] | None:
    return next((place.codes for place in place_names() if place.name == name), None)


def form(**fields) -> dict:
    return {"name": "", "label": "", "kind": "everyday", "areas": [], "note": "", **fields}


def test_a_curator_opens_the_list_add_and_change_pages(curator_client):
    tyneside = PlaceName.objects.get(name="Tyneside")
    listing = curator_client.get(CHANGELIST)
    assert listing.status_code == 200
    assert "Tyneside" in listing.content.decode()
    assert curator_client.get(CHANGELIST, {"q": "Kirklees"}).status_code == 200
    assert (
        curator_client.get(CHANGELIST, {"kind__exact": "sub-region", "ambiguous__exact": "1"}).status_code
        == 200
    )
    assert curator_client.get(ADD).status_code == 200
    change = curator_client.get(reverse("admin:areas_placename_change", args=[tyneside.pk]))
    assert change.status_code == 200
    assert 'name="areas"' in change.content.decode()


def test_a_name_added_by_a_curator_is_seen_by_search_at_once(curator_client, bradford):
    place_names()
    response = curator_client.post(ADD, form(name="Brontë Country", areas=[bradford.pk]))
    assert response.status_code == 302
    assert codes_of("Brontë Country") == ("E08000032",)


def test_areas_a_curator_adds_to_a_name_are_seen_by_search_at_once(curator_client):
    tyneside = PlaceName.objects.get(name="Tyneside")
    place_names()
    sunderland = tyneside.areas.model.objects.get(name="Sunderland")
    areas = [*tyneside.areas.values_list("pk", flat=True), sunderland.pk]
    change = reverse("admin:areas_placename_change", args=[tyneside.pk])
    response = curator_client.post(change, form(name="Tyneside", kind="sub-region", areas=areas))
    assert response.status_code == 302
    assert "E08000024" in codes_of("Tyneside")


def test_a_name_is_not_added_twice_whatever_its_capitals(curator_client, bradford):
    response = curator_client.post(ADD, form(name="hull", areas=[bradford.pk]))
    assert response.status_code == 200
    assert "There is already a place with this name." in response.content.decode()
    assert codes_of("Hull") == ("E06000010",)


def test_someone_who_is_not_a_curator_cannot_open_the_place_names(client, staff):
    client.force_login(staff)
    # Kept out of the admin altogether: it is for curators only (core/admin_site.py).
    assert client.get(CHANGELIST)["Location"].startswith("/admin/login/")
    assert client.post(ADD, form(name="Somewhere"))["Location"].startswith("/admin/login/")
