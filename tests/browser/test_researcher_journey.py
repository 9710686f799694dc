"""A researcher on a desktop and on a phone: from a dataset to a person who knows it, to an introduction
sent without ever seeing their address."""

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["desktop", "phone"]
)
def test_a_researcher_goes_from_a_dataset_to_a_person_and_asks_for_an_introduction(page, demo_site, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/datasets/born-in-bradford/")
    people = page.get_by_role("region", name="Who knows this data")
    names = people.get_by_role("listitem").all_inner_texts()
    first_lines = [text.splitlines()[0] for text in names]
    assert len(first_lines) == len(set(first_lines)), "each person is listed once"
    person = people.get_by_role("link").first
    name = person.inner_text()
    person.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    expect(page.get_by_role("region", name="Data they have worked with")).to_contain_text("Born in Bradford")
    expect(page.get_by_role("heading", name="Ask for an introduction")).to_be_visible()
    page.get_by_label("Your name").fill("Sam Okafor")
    page.get_by_label("Your organisation").fill("University of York")
    page.get_by_label("Your email address").fill("sam.okafor@example.org")
    page.get_by_label("Your message").fill(
        "I am starting a PhD on early language and would value your advice."
    )
    page.get_by_role("button", name="Send your message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your message is on its way")
    assert len(mail.outbox) == 1 and "Sam Okafor" in mail.outbox[0].body
    assert mail.outbox[0].to[0] not in page.content()
