"""A curator on a desktop and on a phone: finds their way through the sectioned edit form, makes a
mistake and is led to it, fixes it, and restores the version before."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_every_page import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["desktop", "phone"]
)
def test_a_curator_fixes_a_mistake_then_restores_the_version_before(page, demo_site, curator, viewport):
    page.set_viewport_size(viewport)
    sign_in(page, demo_site, curator.email)
    page.goto(demo_site + "/edit/datasets/born-in-bradford/")

    # The completeness panel comes first, then a contents list of the form's sections.
    expect(page.get_by_role("heading", name="Looking after this entry")).to_be_visible()
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="Who and where it covers").click()
    expect(page.get_by_role("heading", name="Who and where it covers")).to_be_in_viewport()
    expect(page.get_by_role("group", name="North East")).to_be_visible()

    page.locator("#id_title").fill("")
    page.get_by_role("button", name="Save changes").click()
    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Title: This field is required.").click()
    expect(page.locator("#id_title")).to_be_in_viewport()

    page.locator("#id_title").fill("Born in Bradford (renamed)")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Born in Bradford (renamed)")

    page.goto(demo_site + "/edit/datasets/born-in-bradford/history/")
    expect(page.get_by_role("heading", name=re.compile(r"^v2 of 2"))).to_be_visible()
    expect(page.get_by_text("By Cara")).to_be_visible()
    page.get_by_role("link", name="Restore this version v1").click()
    page.get_by_role("button", name="Restore this version").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Born in Bradford\s*$"))
