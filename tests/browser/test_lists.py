"""Lists as a person meets them: the results first, filters that take several values, few key presses
to the first result, and no page wider than a 320 px phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD
from tests.browser.pages import curator_pages, public_pages
from tests.browser.test_every_page import contactable_dataset  # noqa: F401  (a fixture the pages need)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# The most Tab presses from the top of a list to its first result, without taking a skip link.
MOST_TABS = 15


def tabs_to_first_result(page, result: str, take_skip_link: bool) -> int:
    """Presses Tab from the top of the page until a result's link has the focus. With
    `take_skip_link`, Enter on the first link that skips to the results, as a keyboard user would
    (not counted)."""
    for tabs in range(1, 60):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", result):
            return tabs
        if take_skip_link and page.evaluate("document.activeElement.matches('a[href=\"#the-results\"]')"):
            page.keyboard.press("Enter")
            take_skip_link = False
    raise AssertionError("60 presses of Tab did not reach a result")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(
    "path, result", [("/datasets/", ".cards h2 a"), ("/search/?q=children", ".search-results h2 a")]
)
def test_the_first_result_is_at_most_fifteen_tabs_away(page, demo_site, viewport, path, result):
    page.set_viewport_size(viewport)
    page.goto(demo_site + path)
    # Without a skip link: the menu, the filters and each filter in them are folded away.
    assert tabs_to_first_result(page, result, take_skip_link=False) <= MOST_TABS
    # The second Tab reaches "Skip to the results", and the next one the first result.
    page.goto(demo_site + path)
    assert tabs_to_first_result(page, result, take_skip_link=True) == 3
    # The filters are one Tab stop, "Filter", and open with Enter, each filter in them one stop more.
    page.goto(demo_site + path)
    filters = page.locator("#filters > summary")
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#filters > summary')"):
            break
    expect(filters).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Apply filters")).to_be_visible()
    expect(page.locator("#filters details.choices[open]")).to_have_count(0)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_analyst_narrows_the_datasets_to_two_areas_and_opens_one(page, demo_site, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/")
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Datasets").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Datasets")
    # The results come first, the filters folded into "Filter" (on a desktop too).
    filters = page.locator("#filters")
    expect(page.get_by_role("button", name="Apply filters")).to_be_hidden()
    page.locator("#filters > summary").click()
    expect(page.get_by_role("button", name="Apply filters")).to_be_visible()
    filters.locator("summary", has_text="Area covered").click()
    filters.get_by_label("Bradford", exact=True).check()
    filters.get_by_label("Leeds", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page.get_by_role("status")).to_contain_text("match Area covered: Bradford or Leeds")
    expect(page.get_by_role("link", name=re.compile("Area covered: Bradford"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Area covered: Leeds"))).to_be_visible()
    expect(page.locator("#filters > summary")).to_contain_text("Filter (2")
    # The map, linked after the results, counts these datasets and outlines both areas.
    page.get_by_role("link", name="Show these datasets on a map").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Datasets on a map")
    expect(page.locator(".lede")).to_contain_text("match Area covered: Bradford or Leeds")
    expect(page.locator('svg.coverage-map a[aria-label^="Bradford:"]')).to_have_attribute(
        "aria-label", re.compile(r"\(chosen\)$")
    )
    expect(page.locator('svg.coverage-map a[aria-label^="Leeds:"]')).to_have_attribute(
        "aria-label", re.compile(r"\(chosen\)$")
    )
    # Tab moves through the tiles in rows, as the eye reads them: west to east along the top row first.
    page.locator("svg.coverage-map a").first.focus()
    reached = [page.evaluate("document.activeElement.getAttribute('aria-label')")]
    for _ in range(2):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
    assert [label.split(":")[0] for label in reached] == ["Cumberland", "Northumberland", "North Tyneside"]
    page.get_by_role("link", name="Back to the list").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Datasets")
    expect(page.get_by_role("status")).to_contain_text("match Area covered: Bradford or Leeds")

    first = page.locator(".cards h2 a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    expect(page.get_by_role("heading", name=re.compile("access", re.I)).first).to_be_visible()


SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.mark.usefixtures("contactable_dataset")
def test_no_kind_of_page_scrolls_sideways_on_a_320_px_phone(page, demo_site, curator):
    page.set_viewport_size({"width": 320, "height": 720})
    too_wide = []

    def check(pages) -> None:
        for page_type in pages:
            page_type.open(page, demo_site)
            if page.evaluate(SCROLLS_SIDEWAYS):
                too_wide.append(
                    f"{page_type.name} ({page_type.path}): {page.evaluate('document.documentElement.scrollWidth')} px"
                )

    check(public_pages())
    page.goto(demo_site + "/accounts/sign-in/")
    page.get_by_label("Email address").fill(curator.email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    check(curator_pages()[len(public_pages()) :])
    assert not too_wide, "Wider than a 320 px screen:\n" + "\n".join(too_wide)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_search_narrowed_to_two_types_then_one(page, demo_site, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/search/?q=children")
    page.locator("#filters > summary").click()
    filters = page.locator("#filters")
    filters.locator("summary", has_text="Type").click()
    filters.get_by_label(re.compile(r"^Dataset \(\d+\)$")).check()
    filters.get_by_label(re.compile(r"^Project \(\d+\)$")).check()
    page.get_by_role("button", name="Apply filters").click()

    status = page.get_by_role("status")
    expect(status).to_contain_text("for “children” match Type: Dataset or Project.")
    expect(page.locator("#filters > summary")).to_contain_text("Filter (2")
    kinds = {kind.lower() for kind in page.locator(".search-results .kind").all_text_contents()}
    assert kinds == {"dataset", "project"}
    page.get_by_role("link", name=re.compile("^Type: Project")).click()
    expect(status).to_contain_text("for “children” match Type: Dataset.")
    assert {kind.lower() for kind in page.locator(".search-results .kind").all_text_contents()} == {"dataset"}
