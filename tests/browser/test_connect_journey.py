"""Connecting in a real browser: a local-authority analyst goes from the coverage map to an introduction.

With SCREENSHOT_DIR set, the test also saves pictures of the map, a theme hub and the gaps page
(scripts/screenshots does this into docs/screenshots/).
"""

import os
import re
from pathlib import Path

import pytest
from django.core import mail

from datasets.models import Dataset

pytestmark = pytest.mark.browser


def save(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_an_analyst_goes_from_the_map_to_an_introduction(page, demo_site):
    from playwright.sync_api import expect

    Dataset.objects.filter(slug="born-in-bradford").update(contact_email="bib-data@example.org")
    page.goto(demo_site + "/coverage/")
    save(page, "coverage-map")
    page.get_by_role("link", name=re.compile(r"^Bradford: \d+ dataset")).first.click()
    expect(page).to_have_url(re.compile(r"/datasets/\?area=E08000032"))
    filters = page.locator("#filters")
    filters.locator("> summary").click()
    filters.locator("summary", has_text="Theme").click()
    filters.get_by_label("Early years", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"theme=early-years"))
    page.get_by_role("link", name="Born in Bradford", exact=True).first.click()
    expect(page.get_by_role("heading", name="Ask the custodian")).to_be_visible()
    page.get_by_label("Your name").fill("Priya Shah")
    page.get_by_label("Your organisation").fill("City of Bradford Metropolitan District Council")
    page.get_by_label("Your email address").fill("priya.shah@example.org")
    page.get_by_label("Your message").fill(
        "We are planning an early-years needs assessment and would like to talk."
    )
    page.get_by_role("button", name="Send your message").click()
    expect(page.get_by_role("main")).not_to_contain_text("bib-data@example.org")
    assert [message.to for message in mail.outbox] == [["bib-data@example.org"]]
    assert "Priya Shah" in mail.outbox[0].body
    assert mail.outbox[0].reply_to == ["Priya Shah <priya.shah@example.org>"]


def test_the_new_pages_have_no_accessibility_violations(page, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    axe, reports = Axe(), {}
    pictures = {"/themes/early-years/": "theme-hub", "/coverage/gaps/": "gaps"}
    for path in [
        "/coverage/",
        "/coverage/gaps/",
        "/themes/early-years/",
        "/collections/",
        "/journey/",
        "/api/",
        "/researchers/sample-amara-ashworth/",
        "/datasets/?theme=early-years",
        "/areas/E08000032/",
    ]:
        page.goto(demo_site + path)
        if path in pictures:
            save(page, pictures[path])
        result = axe.run(page)
        if result.violations_count:
            reports[path] = result.generate_report()
    assert not reports, "\n\n".join(f"{path}\n{report}" for path, report in reports.items())
