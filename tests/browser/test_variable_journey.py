"""The analyst looks for data measuring a variable at an age, compares two datasets and reaches how to apply."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_analyst_finds_bmi_at_age_ten_compares_and_reaches_how_to_apply(page, demo_site):
    page.goto(demo_site + "/datasets/")
    page.locator("#filters > summary").click()
    page.get_by_label("Measures a variable").fill("bmi")
    page.get_by_label("Aged from").fill("10")
    page.get_by_label("Up to age").fill("10")
    page.get_by_role("button", name="Apply filters").click()

    # The Millennium Cohort Study measured BMI at 7 and 11, not 10; the NCMP measures it in Year 6.
    results = page.locator("#results")
    expect(
        results.get_by_role("link", name=re.compile("National Child Measurement Programme"))
    ).to_be_visible()
    expect(results.get_by_role("link", name="Millennium Cohort Study")).to_have_count(0)
    results.get_by_role("link", name=re.compile("National Child Measurement Programme")).first.click()

    page.get_by_role("link", name=re.compile(r"^Search its \d+ variables")).click()
    page.get_by_label("Look for a variable").fill("centile")
    page.get_by_role("button", name="Show variables").click()
    page.get_by_role("link", name="bmi_centile").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "BMI centile against the UK90 growth reference"
    )

    page.get_by_role("link", name=re.compile("^Compare National Child Measurement Programme")).click()
    page.get_by_label("Add a dataset by its web address").fill("born-in-bradford")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("table", name=re.compile("The 2 datasets side by side"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Height and weight: "))).to_be_visible()

    page.get_by_role(
        "link", name=re.compile(r"^How to apply for National Child Measurement Programme")
    ).first.click()
    expect(page.get_by_role("heading", name="How to apply")).to_be_visible()
