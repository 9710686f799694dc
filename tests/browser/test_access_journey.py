"""The analyst who needs data within three months: she narrows the list by time to access, reaches How to
apply, follows the steps, asks the custodian about what is not yet known, and totals her journey."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_analyst_finds_data_she_can_get_within_3_months_and_how_to_apply(page, demo_site):
    page.goto(demo_site + "/datasets/")
    page.locator("#filters > summary").click()
    page.get_by_label("Time to access").select_option(label="Within 3 months")
    page.get_by_role("button", name="Apply filters").click()
    results = page.locator("main").get_by_role("link", name="Millennium Cohort Study", exact=True)
    expect(results).to_be_visible()
    expect(
        page.locator("main").get_by_role("link", name="National Pupil Database (NPD)", exact=True)
    ).to_have_count(0)
    results.click()

    page.get_by_role("link", name="How to apply", exact=True).click()
    route = page.locator("section[aria-labelledby=how-to-apply]")
    expect(route.locator("ol.access-steps > li").first).to_contain_text("Register with the UK Data Service")
    expect(route).to_contain_text("Up to 1 week")

    # A fact the custodian has not given leads to the enquiry form on the same page.
    page.get_by_role("link", name="ask the custodian").first.click()
    expect(page.get_by_role("heading", name="Ask the custodian")).to_be_in_viewport()

    page.get_by_role("button", name="Add to your data journey").click()
    page.goto(demo_site + "/datasets/national-pupil-database/")
    page.get_by_role("button", name="Add to your data journey").click()
    page.goto(demo_site + "/journey/")
    expect(page.locator(".journey-wait")).to_contain_text("up to 1 week")
    expect(page.locator(".journey-wait")).to_contain_text("Not yet known for 1 dataset")
