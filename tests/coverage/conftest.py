import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group

from accounts.policy import CURATORS_GROUP


def svg_of(html: str, css_class: str) -> ET.Element:
    """The SVG with `css_class` in the page, parsed as XML (so it fails if the SVG is not well formed)."""
    match = re.search(rf'<svg class="{css_class}".*?</svg>', html, re.DOTALL)
    assert match, f"no {css_class} SVG in the page"
    return ET.fromstring(match.group(0))


def tiles_of(html: str) -> dict[str, str]:
    """The map's tiles as {accessible name: link}."""
    return {link.get("aria-label"): link.get("href") for link in svg_of(html, "coverage-map").iter("a")}


@pytest.fixture
def curator_client(client, django_user_model):
    user = django_user_model.objects.create_user("curator", "curator@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
    client.force_login(user)
    return client


@pytest.fixture
def visitor_client(client, django_user_model):
    """Signed in, but not a curator."""
    client.force_login(django_user_model.objects.create_user("visitor", "visitor@example.org", "pw"))
    return client
