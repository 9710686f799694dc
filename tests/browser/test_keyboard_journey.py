"""A keyboard-only journey: from the home page, through search and a filter, to an entry's page.

Only keys are pressed (Tab, Shift+Tab, Enter, Space), never a click. After each Tab the focused element
must show where the focus is: its outline or box shadow differs from the same element unfocused (an
unfocused copy put beside it) and is not nothing, and it is on the screen.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Describes the focused element, and how it looks beside an unfocused copy of itself.
FOCUSED = """() => {
  const element = document.activeElement;
  const look = (node) => {
    const style = getComputedStyle(node);
    const outline = style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0
      ? "none" : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    return {outline, shadow: style.boxShadow};
  };
  const focused = look(element);
  const copy = element.cloneNode(true);
  copy.removeAttribute("id");
  element.after(copy);
  const unfocused = look(copy);
  copy.remove();
  const box = element.getBoundingClientRect();
  return {
    element: `<${element.tagName.toLowerCase()}> ${(element.textContent || element.value || "").trim().slice(0, 60)}`,
    focused,
    unfocused,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
  };
}"""


def press(page, key: str) -> str:
    """Presses `key` and checks the focus is visible where it lands; answers what is focused."""
    page.keyboard.press(key)
    focus = page.evaluate(FOCUSED)
    shown = focus["focused"]
    assert shown != focus["unfocused"] and shown != {"outline": "none", "shadow": "none"}, (
        f"After {key}, the focus on {focus['element']} is not visible: {focus}"
    )
    assert focus["onScreen"], f"After {key}, the focused {focus['element']} is off the screen"
    return focus["element"]


def tab_to(page, selector: str, text: str = "", limit: int = 60) -> str:
    """Tabs forward until the focused element matches `selector` (and starts with `text`)."""
    for _ in range(limit):
        element = press(page, "Tab")
        if page.evaluate(
            "([selector, text]) => document.activeElement.matches(selector)"
            " && document.activeElement.textContent.trim().startsWith(text)",
            [selector, text],
        ):
            return element
    raise AssertionError(f"{limit} presses of Tab did not reach {selector} {text!r}")


def skip_to_content(page) -> None:
    press(page, "Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_a_keyboard_user_searches_filters_and_opens_an_entry_seeing_the_focus_all_the_way(page, demo_site):
    page.goto(demo_site + "/")
    skip_to_content(page)

    press(page, "Tab")
    box = page.get_by_role("main").get_by_role("combobox", name="Search people, data and projects")
    expect(box).to_be_focused()
    page.keyboard.type("children")
    press(page, "Tab")
    button = page.get_by_role("main").get_by_role("button", name="Search", exact=True)
    expect(button).to_be_focused()
    press(page, "Shift+Tab")
    expect(box).to_be_focused()
    press(page, "Tab")
    with page.expect_navigation():
        page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"/search/\?q=children$"))
    expect(page.get_by_role("status")).to_contain_text("for “children”")

    skip_to_content(page)
    # The filters, then the type, open with Enter; a tick box is ticked with Space.
    tab_to(page, "#filters > summary", "Filter")
    page.keyboard.press("Enter")
    tab_to(page, "#filters details.choices > summary", "Type")
    page.keyboard.press("Enter")
    tab_to(page, "#filters input[name=kind][value=dataset]")
    page.keyboard.press("Space")
    expect(page.get_by_label(re.compile(r"^Dataset \("))).to_be_checked()
    tab_to(page, "#filters button", "Apply filters")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"kind=dataset"))
    expect(page.get_by_role("link", name="Type: Dataset")).to_be_visible()

    # Past the filters (left open, as the person left them) by their skip link, to the first result.
    tab_to(page, "a.skip-to-results")
    page.keyboard.press("Enter")
    expect(page.locator("#the-results")).to_be_focused()
    tab_to(page, ".search-results h2 a")
    title = page.evaluate("document.activeElement.textContent.trim()")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/datasets/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    press(page, "Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
