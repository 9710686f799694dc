"""A followed search for taking part ("get involved", "kind: Get involved") brings new opportunities in the
daily digest, and never a closed one."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from following.models import Follow, search_key
from tests.factories import UserFactory

from .conftest import CONTACT, make_opportunity

pytestmark = pytest.mark.django_db


def test_a_followed_search_brings_new_open_opportunities(committed):
    person = UserFactory(username="student", email="student@example.org")
    facets = {"kind": "opportunity"}
    follow = Follow.objects.create(
        user=person,
        kind=Follow.Kind.SEARCH,
        query="get involved",
        facets=facets,
        key=search_key("get involved", facets),
        label="Search: get involved",
    )
    Follow.objects.filter(pk=follow.pk).update(last_sent=timezone.now() - datetime.timedelta(days=1))
    with committed():
        make_opportunity(title="Young advisers wanted")
        make_opportunity(title="Closed panel", closes_on=timezone.localdate() - datetime.timedelta(days=1))
    call_command("send_digests", "--quiet")
    [email] = mail.outbox
    assert email.to == ["student@example.org"]
    assert "Young advisers wanted" in email.body
    assert "Closed panel" not in email.body and CONTACT not in email.body
