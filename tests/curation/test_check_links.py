"""check_links against a real web server on 127.0.0.1: statuses, HEAD then GET, redirects, timeouts."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from curation.http_check import check_address
from curation.models import Link, LinkUse
from tests.factories import DatasetFactory, OrganisationFactory, OutputFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def short_timeout(settings):
    settings.LINK_CHECK_TIMEOUT = 0.5


def check(*args) -> str:
    out = StringIO()
    call_command("check_links", *args, stdout=out)
    return out.getvalue()


def link(url: str) -> Link:
    return Link.objects.get(url=url)


def test_it_tells_working_from_broken_addresses(web_server, edited_organisation):
    DatasetFactory(
        custodian=edited_organisation,
        landing_page=web_server.url("/ok"),
        access_url=web_server.url("/missing"),
    )
    OrganisationFactory(website=web_server.url("/slow"))

    output = check()

    assert not link(web_server.url("/ok")).is_broken
    assert link(web_server.url("/ok")).status_code == 200
    missing = link(web_server.url("/missing"))
    assert missing.is_broken and missing.status_code == 404 and missing.broken_since
    slow = link(web_server.url("/slow"))
    assert slow.is_broken and slow.status_code is None
    assert "No answer within 0.5 seconds" in slow.error
    assert "[3/3]" in output


def test_it_asks_with_get_when_head_is_refused(web_server):
    answer = check_address(web_server.url("/no-head"), timeout=2, user_agent="Tests")

    assert answer.status_code == 200 and not answer.is_broken
    assert [(method, path) for method, path, _ in web_server.seen] == [
        ("HEAD", "/no-head"),
        ("GET", "/no-head"),
    ]


def test_it_follows_redirects_with_head_and_a_named_user_agent(web_server):
    answer = check_address(web_server.url("/moved"), timeout=2, user_agent="N8 checker")

    assert answer.status_code == 200
    assert web_server.seen == [("HEAD", "/moved", "N8 checker"), ("HEAD", "/ok", "N8 checker")]


def test_a_redirect_loop_is_broken(web_server):
    answer = check_address(web_server.url("/loop"), timeout=2, user_agent="Tests")

    assert answer.is_broken
    assert "redirect" in answer.error


def test_only_web_addresses_are_fetched():
    answer = check_address("file:///etc/passwd", timeout=2, user_agent="Tests")

    assert answer.is_broken
    assert "Not a web address" in answer.error


def test_it_collects_dois_and_outputs_of_published_entries_only(web_server):
    dataset = DatasetFactory(doi="10.1234/abc")
    project = ProjectFactory()
    OutputFactory(project=project, title="Report", url=web_server.url("/ok"), doi="10.5555/xyz")
    OrganisationFactory(website=web_server.url("/missing"), status="archived")
    DatasetFactory(landing_page=web_server.url("/draft"), status="draft")

    # Collects everything, checks one: the local address, first in URL order (doi.org is never asked).
    check("--limit", "1")

    assert set(Link.objects.values_list("url", flat=True)) == {
        "https://doi.org/10.1234/abc",
        "https://doi.org/10.5555/xyz",
        web_server.url("/ok"),
    }
    assert LinkUse.objects.get(link__url="https://doi.org/10.1234/abc").entry == dataset
    assert LinkUse.objects.get(link__url=web_server.url("/ok")).field == "Output “Report”: web address"
    assert Link.objects.filter(last_checked__isnull=False).count() == 1


def test_it_rechecks_only_addresses_not_checked_recently(web_server):
    DatasetFactory(landing_page=web_server.url("/ok"), access_url=web_server.url("/missing"))
    check()
    Link.objects.filter(url=web_server.url("/ok")).update(last_checked=timezone.now() - timedelta(days=10))
    web_server.seen.clear()

    output = check("--older-than", "7")

    assert [path for _, path, _ in web_server.seen] == ["/ok"]
    assert "checking 1" in output


def test_it_emails_the_people_who_look_after_an_entry_once_when_a_link_breaks(
    web_server, edited_organisation
):
    dataset = DatasetFactory(
        title="Cohort",
        custodian=edited_organisation,
        landing_page=web_server.url("/ok"),
        access_url=web_server.url("/missing"),
    )
    check()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["editor@example.org"]
    assert web_server.url("/missing") in mail.outbox[0].body
    assert dataset.get_absolute_url() in mail.outbox[0].body

    check("--older-than", "0")

    assert len(mail.outbox) == 1  # Still broken: not told again.


def test_a_link_that_works_again_is_no_longer_broken(web_server):
    DatasetFactory(landing_page=web_server.url("/ok"))
    check()
    Link.objects.update(is_broken=True, broken_since=timezone.now())

    check("--older-than", "0")

    assert not link(web_server.url("/ok")).is_broken
    assert link(web_server.url("/ok")).broken_since is None


def test_an_address_no_longer_used_is_forgotten(web_server):
    dataset = DatasetFactory(landing_page=web_server.url("/ok"))
    check()

    dataset.landing_page = ""
    dataset.save()
    check()

    assert not Link.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:6379/",
        "http://localhost/admin/",
        "http://10.0.0.5/",
        "http://169.254.169.254/latest/",
    ],
)
def test_addresses_on_private_networks_are_never_asked(url):
    answer = check_address(url, timeout=1, user_agent="test")
    assert answer.is_broken and "private network" in answer.error


def test_only_the_test_setting_lets_the_checker_reach_a_private_address(web_server, settings):
    assert check_address(web_server.url("/ok"), timeout=2, user_agent="test").status_code == 200
    settings.LINK_CHECK_PRIVATE_NETWORKS = False
    answer = check_address(web_server.url("/ok"), timeout=2, user_agent="test")
    assert answer.status_code is None and "private network" in answer.error
    assert len(web_server.seen) == 1, "the second check never reached the server"
