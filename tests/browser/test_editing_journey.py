"""Keeping the directory right, in a real browser: a researcher edits and suggests, a curator approves."""

import re

import pytest
from django.contrib.auth.models import Group

from accounts.policy import CURATORS_GROUP
from people.models import Researcher

from .conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def accounts(demo_site, django_user_model):
    researcher = django_user_model.objects.create_user(
        "amara", "amara@example.org", PASSWORD, first_name="Amara"
    )
    Researcher.objects.filter(slug="sample-amara-ashworth").update(account=researcher)
    curator = django_user_model.objects.create_user("cara", "cara@example.org", PASSWORD, first_name="Cara")
    curator.groups.add(Group.objects.get(name=CURATORS_GROUP))
    return researcher, curator


def sign_in(page, site, email):
    page.goto(site + "/accounts/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_out(page, site):
    page.goto(site + "/accounts/")
    page.get_by_role("button", name="Sign out").click()


def test_a_researcher_edits_and_suggests_and_a_curator_approves(page, demo_site, accounts):
    from playwright.sync_api import expect

    sign_in(page, demo_site, "amara@example.org")
    page.get_by_role("link", name="Edit your profile").click()
    page.get_by_label("Job title").fill("Reader in Child Health Data")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status")).to_contain_text("saved and public")
    expect(page.get_by_role("main")).to_contain_text("Reader in Child Health Data")

    page.goto(demo_site + "/accounts/")
    page.get_by_role("link", name="Suggest a dataset").click()
    page.locator("#id_title").fill("Bradford school nurse contacts")
    page.get_by_label("Summary").fill("Contacts between school nurses and pupils, by school.")
    custodian = page.get_by_label("Custodian", exact=True)
    custodian.fill("University of Le")
    expect(page.locator("#id_custodian-choices option[value='University of Leeds']")).to_have_count(1)
    custodian.fill("University of Leeds")
    page.get_by_label("Kind of source").select_option(label="Administrative data")
    page.get_by_label("Access level").select_option(index=1)
    page.get_by_label("Bradford").check()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("status")).to_contain_text("submitted for review")
    sign_out(page, demo_site)

    sign_in(page, demo_site, "cara@example.org")
    page.goto(demo_site + "/accounts/")
    page.get_by_role("link", name=re.compile("waiting for your review")).click()
    # The reviewer reads the whole entry, told it is new, before Publish is offered.
    expect(page.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
    page.get_by_role("link", name="Review it (Bradford school nurse contacts)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bradford school nurse contacts")
    expect(page.get_by_text("A new entry: everything on this page is new.")).to_be_visible()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("It is now published")
    sign_out(page, demo_site)

    page.goto(demo_site + "/search/?q=school+nurse+contacts")
    expect(page.get_by_role("link", name="Bradford school nurse contacts")).to_be_visible()
    page.goto(demo_site + "/areas/E08000032/")
    expect(page.get_by_role("link", name="Bradford school nurse contacts")).to_be_visible()


def test_editing_pages_have_no_accessibility_violations(page, demo_site, accounts):
    from axe_playwright_python.sync_playwright import Axe

    sign_in(page, demo_site, "cara@example.org")
    paths = [
        "/accounts/",
        "/review/",
        "/curation/",
        "/datasets/born-in-bradford/",
        "/edit/researchers/sample-amara-ashworth/",
        "/edit/datasets/new/",
        "/edit/projects/sample-ready-for-school/",
        "/edit/researchers/sample-amara-ashworth/history/",
        "/edit/datasets/born-in-bradford/archive/",
        "/edit/projects/sample-ready-for-school/delete/",
    ]
    axe, reports = Axe(), {}
    for path in paths:
        page.goto(demo_site + path)
        result = axe.run(page)
        if result.violations_count:
            reports[path] = result.generate_report()
    page.goto(demo_site + "/edit/datasets/new/")
    page.get_by_role("button", name="Publish").click()
    result = axe.run(page)
    if result.violations_count:
        reports["the dataset form with errors"] = result.generate_report()
    assert not reports, "\n\n".join(f"{path}\n{report}" for path, report in reports.items())
