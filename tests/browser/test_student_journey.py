"""A student on a desktop and on a phone: from the home page to an opportunity to take part, and a
message sent to the people running it without seeing their address."""

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_a_student_finds_an_opportunity_and_offers_to_take_part(page, demo_site, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/")
    # The navigation is folded behind Menu at every width.
    expect(page.get_by_role("link", name="Get involved", exact=True)).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Get involved").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get involved")
    expect(page.get_by_role("status")).to_contain_text("open opportunit")

    opportunity = page.locator(".cards h2 a, .cards h3 a").first
    title = opportunity.inner_text()
    opportunity.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    expect(page.get_by_role("heading", name="Take part")).to_be_visible()
    page.get_by_label("Your name").fill("Ola Student")
    page.get_by_label("Your organisation").fill("University of Leeds")
    page.get_by_label("Your email address").fill("ola.student@example.org")
    page.get_by_label("Your message").fill("I am a master's student and would like to help with this study.")
    page.get_by_role("button", name="Send your message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your message is on its way")
    assert len(mail.outbox) == 1 and "Ola Student" in mail.outbox[0].body
