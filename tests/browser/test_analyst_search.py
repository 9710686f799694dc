"""The analyst's first question, typed as she would: a topic, in a place, for an age."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_analyst_types_a_topic_place_and_age_and_reaches_how_to_get_access(page, demo_site):
    page.goto(demo_site + "/")
    page.get_by_label("Search people, data and projects").first.fill("SEND Bradford 5-11")
    page.get_by_role("button", name="Search", exact=True).first.click()

    area_chip = page.get_by_role("link", name=re.compile(r"^Area: Bradford, with England-wide data"))
    expect(area_chip).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Ages 5–11"))).to_be_visible()
    narrowed = int(page.locator(".results-summary").inner_text().split()[0])
    assert narrowed > 0

    # Data first: the first result is a dataset covering Bradford (or all of England) for those ages.
    first = page.locator(".search-results > li").first
    expect(first.locator(".kind")).to_have_text("Dataset")
    expect(first).to_contain_text(re.compile(r"Covers: (Bradford|England-wide|UK-wide)"))
    first.get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="How to apply")).to_be_visible()

    # Back to the results, and the area taken away: the search widens to everywhere.
    page.go_back()
    page.get_by_role("link", name=re.compile(r"^Area: Bradford, with England-wide data")).click()
    expect(page.get_by_role("link", name=re.compile(r"^Area: "))).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile(r"^Ages 5–11"))).to_be_visible()
    widened = int(page.locator(".results-summary").inner_text().split()[0])
    assert widened >= narrowed
    assert "Bradford" not in page.get_by_label("Search people, data and projects").first.input_value()
