"""A student with lived experience finds a way to take part, in a real browser, on a desktop screen and on a
phone 390 pixels wide: from the home page to Get involved, an opportunity, and a sent Take part message."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_a_student_goes_from_the_home_page_to_a_sent_take_part_message(browser, demo_site, width):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import expect

    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(demo_site + "/")
    menu = page.locator("nav.site-nav summary")
    if menu.count() and menu.is_visible():
        menu.click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Get involved").click()
    expect(page.get_by_role("heading", level=1, name="Get involved")).to_be_visible()

    filters = page.locator("details.filter-panel")
    if filters.count() and not filters.evaluate("element => element.open"):
        filters.locator("summary").first.click()
    who = page.locator("details.choices", has_text="Who is wanted")
    if who.count() and not who.evaluate("element => element.open"):
        who.locator("summary").click()
    page.get_by_label("People with lived experience").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"who=lived-experience"))

    page.get_by_role("link", name=re.compile("young people’s advisory group")).click()
    expect(page.get_by_role("heading", name="Take part")).to_be_visible()
    assert "@example.org" not in page.content()
    page.get_by_label("Your name").fill("Jordan Student")
    page.get_by_label("Your organisation").fill("University of Liverpool")
    page.get_by_label("Your email address").fill("jordan@example.com")
    page.get_by_label("Your message").fill("I grew up in care in Liverpool and would like to join the group.")
    page.get_by_role("button", name="Send your message").click()

    expect(page.get_by_role("heading", name="Your message is on its way")).to_be_visible()
    assert [message.to for message in mail.outbox] == [["youth-voice-advisory-group@example.org"]]
    assert mail.outbox[0].reply_to == ["Jordan Student <jordan@example.com>"]
    assert "would like to take part" in mail.outbox[0].subject
    result = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag22aa"]}}
    )
    assert result.violations_count == 0, result.generate_report()
    page.context.close()
