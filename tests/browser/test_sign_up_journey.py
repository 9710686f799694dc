"""Someone new signs up from the sign-in page, follows the emailed link and claims their profile."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from people.models import Researcher

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_researcher_signs_up_verifies_and_finds_their_profile_linked(page, demo_site):
    profile = Researcher.objects.published().filter(account__isnull=True).order_by("slug").first()
    Researcher.objects.filter(pk=profile.pk).update(email="joining@example.org")

    page.goto(demo_site + "/accounts/sign-in/")
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Your name").fill("Jo Joining")
    page.get_by_label("Email address").fill("joining@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-enough-password")
    page.get_by_role("button", name="Create the account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    [message] = mail.outbox
    link = re.search(r"https?://\S+(/accounts/verify/\S+/)", message.body).group(1)
    page.goto(demo_site + link)
    page.get_by_role("button", name="Confirm and sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.get_by_role("status")).to_contain_text("linked to your researcher profile")
    expect(page.get_by_role("link", name=profile.name, exact=False).first).to_be_visible()
