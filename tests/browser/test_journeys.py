"""User journeys and accessibility checks in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_analyst_finds_data_for_their_area_and_age_group_then_who_knows_it(page, demo_site):
    page.goto(demo_site + "/")
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Datasets").click()
    filters = page.locator("#filters")
    filters.locator("> summary").click()
    filters.locator("summary", has_text="Area covered").click()
    filters.get_by_label("Bradford", exact=True).check()
    filters.locator("summary", has_text="Life stage").click()
    filters.get_by_label("Early years (0–5: birth to the end of Reception)").check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page.get_by_role("link", name="Area covered: Bradford")).to_be_visible()
    expect(
        page.get_by_role("link", name="Life stage: Early years (0–5: birth to the end of Reception)")
    ).to_be_visible()
    page.get_by_role("link", name="Born in Bradford", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Born in Bradford")
    people = page.get_by_role("region", name="Who knows this data")
    person = people.get_by_role("link").first
    name = person.inner_text()
    person.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    expect(page.get_by_role("region", name="Data they have worked with")).to_contain_text("Born in Bradford")


def test_removing_an_active_filter_keeps_the_others(page, demo_site):
    page.goto(demo_site + "/datasets/?area=E08000032&access_level=controlled")
    page.get_by_role("link", name="Access level: Controlled").click()
    expect(page.get_by_role("link", name="Area covered: Bradford")).to_be_visible()
    expect(page.get_by_role("link", name="Access level")).to_have_count(0)


def test_the_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_content(page, demo_site):
    page.goto(demo_site + "/datasets/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_pages_fit_a_phone_screen_without_sideways_scrolling(browser, demo_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    phone = context.new_page()
    for path in ["/", "/datasets/", "/datasets/born-in-bradford/", "/researchers/", "/areas/E08000032/"]:
        phone.goto(demo_site + path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
    context.close()


def test_no_page_type_has_accessibility_violations(page, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    paths = [
        "/",
        "/researchers/",
        "/datasets/",
        "/datasets/?area=NOPE&life_stage=early-years",
        "/projects/",
        "/organisations/",
        "/themes/",
        "/areas/",
        "/search/?q=bradford",
        "/search/?q=readyness&kind=theme",
        "/search/?theme=early-years",
        "/researchers/sample-amara-ashworth/",
        "/datasets/born-in-bradford/",
        "/projects/sample-ready-for-school/",
        "/organisations/university-of-leeds/",
        "/themes/early-years/",
        "/areas/E08000032/",
        "/about/",
        "/accounts/sign-in/",
        "/accounts/password-reset/",
        "/datasets/no-such-dataset/",
    ]
    reports = {}
    for path in paths:
        page.goto(demo_site + path)
        result = axe.run(page)
        if result.violations_count:
            reports[path] = result.generate_report()
    assert not reports, "\n\n".join(f"{path}\n{report}" for path, report in reports.items())


def test_search_suggests_while_typing_and_the_keyboard_picks_a_suggestion(page, demo_site):
    page.goto(demo_site + "/")
    box = page.get_by_role("combobox", name="Search people, data and projects")
    box.press_sequentially("born in brad", delay=30)
    option = page.get_by_role("option", name="Born in Bradford (Dataset)")
    expect(option).to_be_visible()
    # A screen reader hears how many appeared, from a polite live region beside the box.
    expect(page.locator(".autocomplete [aria-live='polite']")).to_have_text(
        re.compile(r"^\d+ suggestions?: use the up")
    )
    box.press("ArrowDown")
    expect(box).to_have_attribute(
        "aria-activedescendant", page.get_by_role("option").first.get_attribute("id")
    )
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.get_by_role("status")).to_contain_text("for “born in brad”")


def test_a_search_narrowed_by_facets_in_the_browser(page, demo_site):
    page.goto(demo_site + "/search/?q=children")
    page.locator("#filters > summary").click()
    page.locator("#filters summary", has_text="Type").click()
    page.get_by_label(re.compile(r"^Dataset \(")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Type: Dataset")).to_be_visible()
    kinds = page.locator(".search-results .kind").all_inner_texts()
    assert kinds
    assert {kind.lower() for kind in kinds} == {"dataset"}
