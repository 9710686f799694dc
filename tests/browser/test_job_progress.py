"""A curator watches a job's progress bar move and the outcome appear without reloading; without
JavaScript the page says the same and offers a Refresh link."""

import pytest
from django.utils import timezone

from jobs.models import Job

from .pages import running_job
from .test_every_page import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_progress_bar_follows_the_job_until_it_ends(page, demo_site, curator):
    from playwright.sync_api import expect

    job = running_job(curator, done=2)
    sign_in(page, demo_site, curator.email)
    page.goto(demo_site + job.get_absolute_url())
    bar = page.locator(".job-progress progress")
    assert bar.get_attribute("value") == "20"

    Job.objects.filter(pk=job.pk).update(done=7, heartbeat=timezone.now())
    # Polled by static/js/jobs.js: the page is not reloaded. (A progress element's value is its attribute.)
    expect(bar).to_have_attribute("value", "70", timeout=10_000)
    expect(page.locator('[data-job-field="counts"]')).to_have_text("7 of 10")

    Job.objects.filter(pk=job.pk).update(
        state=Job.State.DONE, done=10, finished=timezone.now(), summary="Checked 10 links: none broken."
    )
    page.get_by_text("Checked 10 links: none broken.").wait_for(timeout=10_000)
    assert page.locator('[data-job-field="state_display"]').inner_text() == "Done"
    assert bar.get_attribute("value") == "100"


def test_without_javascript_the_page_offers_a_refresh_link(browser, demo_site, curator):
    job = running_job(curator, done=2)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, demo_site, curator.email)
        page.goto(demo_site + job.get_absolute_url())
        refresh = page.get_by_role("link", name="Refresh")
        assert refresh.count() >= 1
        Job.objects.filter(pk=job.pk).update(done=5, heartbeat=timezone.now())
        with page.expect_navigation():
            refresh.first.click()
        assert page.locator(".job-progress progress").get_attribute("value") == "50"
        assert "5 of 10" in page.locator('[data-job-field="counts"]').inner_text()
    finally:
        context.close()
