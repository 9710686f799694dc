"""An analyst ticks two datasets on the list, presses Compare and sees them side by side (no script needed)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_ticking_two_datasets_on_the_list_compares_them(page, demo_site):
    page.goto(demo_site + "/datasets/")
    page.get_by_label("Compare Born in Bradford", exact=True).check()
    page.get_by_label("Compare Connected Bradford", exact=True).check()
    page.get_by_role("button", name="Compare the ticked datasets").click()
    expect(page).to_have_url(re.compile(r"/compare/\?datasets="))
    table = page.get_by_role("table", name=re.compile("The 2 datasets side by side"))
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader", name=re.compile("Born in Bradford"))).to_be_visible()
    expect(table.get_by_role("columnheader", name=re.compile("Connected Bradford"))).to_be_visible()


def test_without_javascript_the_tick_boxes_still_reach_the_compare_page(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site + "/datasets/")
    page.get_by_label("Compare Born in Bradford", exact=True).check()
    page.get_by_role("button", name="Compare the ticked datasets").click()
    # One is too few: the compare page says so.
    expect(page.get_by_text(re.compile("two to four", re.I)).first).to_be_visible()
    context.close()
