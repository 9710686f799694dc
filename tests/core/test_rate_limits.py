"""Sign-in, search, autocomplete and introductions are rate-limited per client address, in the cache."""

import pytest
from django.core.cache import cache

from tests.factories import ResearcherFactory, UserFactory

LIMITED_GETS = [("search", "/search/?q=health"), ("autocomplete", "/search/suggest/?q=bra")]


@pytest.fixture
def two_a_minute(settings):
    # Counted per hour, so that no counting window can end in the middle of a test.
    settings.RATE_LIMITS = {group: "2/h" for group in settings.RATE_LIMITS}


@pytest.mark.parametrize(("group", "url"), LIMITED_GETS)
def test_a_client_past_the_limit_is_told_to_wait(client, db, two_a_minute, group, url):
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Too many requests" in refused.content.decode()


def test_the_limit_is_per_client_address(client, db, two_a_minute):
    for _ in range(3):
        client.get("/search/?q=health", REMOTE_ADDR="192.0.2.1")
    assert client.get("/search/?q=health", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/search/?q=health", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_the_counts_are_kept_in_the_shared_cache(client, db, two_a_minute):
    client.get("/search/?q=health")
    assert any("rl:" in str(key) for key in cache._cache), "the count should be a cache entry"
    cache.clear()
    # Another process sharing the cache would see the same: here, emptying it forgets the count.
    assert [client.get("/search/?q=health").status_code for _ in range(2)] == [200, 200]


def test_behind_trusted_proxies_the_client_is_the_address_they_saw(client, db, two_a_minute, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(2):
        client.get("/search/?q=x", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1")
    # The client wrote the first address itself; only the one our proxy added counts.
    assert client.get("/search/?q=x", HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.1").status_code == 429
    assert client.get("/search/?q=x", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


def test_signing_in_is_limited_but_showing_the_form_is_not(client, db, two_a_minute):
    attempt = {"username": "someone@example.org", "password": "wrong"}
    statuses = [client.post("/accounts/sign-in/", attempt).status_code for _ in range(3)]
    assert statuses[-1] == 429
    assert client.get("/accounts/sign-in/").status_code == 200


def test_introduction_requests_are_limited(client, db, two_a_minute):
    researcher = ResearcherFactory(email="ada@example.org")
    url = f"/introductions/researchers/{researcher.slug}/"
    empty = {}
    statuses = [client.post(url, empty).status_code for _ in range(3)]
    assert statuses == [400, 400, 429]


def test_the_api_search_is_limited_as_the_search_page_is(client, db, two_a_minute):
    assert [client.get("/api/v1/search/?q=health").status_code for _ in range(2)] == [200, 200]
    refused = client.get("/api/v1/search/?q=health")
    assert refused.status_code == 429
    assert refused.json() == {"detail": "Too many requests: wait a minute and try again."}


def test_the_admin_sign_in_is_limited_too(client, db, two_a_minute):
    attempt = {"username": "someone", "password": "wrong"}
    statuses = [client.post("/admin/login/", attempt).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_password_reset_emails_are_limited(client, db, two_a_minute, mailoutbox):
    UserFactory(email="ada@example.org")
    statuses = [
        client.post("/accounts/password-reset/", {"email": "ada@example.org"}).status_code for _ in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert len(mailoutbox) == 2


def test_an_ipv6_client_is_counted_by_its_network(client, db, two_a_minute):
    client.get("/search/?q=x", REMOTE_ADDR="2001:db8:1:2::1")
    client.get("/search/?q=x", REMOTE_ADDR="2001:db8:1:2::ffff")
    assert client.get("/search/?q=x", REMOTE_ADDR="2001:db8:1:2:abcd::9").status_code == 429
    assert client.get("/search/?q=x", REMOTE_ADDR="2001:db8:1:3::1").status_code == 200


def test_without_trusted_proxies_forwarded_addresses_are_ignored(client, db, two_a_minute):
    for number in range(2):
        client.get("/search/?q=x", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert client.get("/search/?q=x", HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_rate_limits_can_be_switched_off(client, db, two_a_minute, settings):
    settings.RATELIMIT_ENABLE = False
    assert {client.get("/search/?q=health").status_code for _ in range(4)} == {200}


@pytest.mark.parametrize("url", ["/search/suggest/?q=bra", "/edit/choices/researchers/?q=bra"])
def test_the_autocompletes_refusal_is_json_for_its_script(client, db, two_a_minute, url):
    client.force_login(UserFactory())
    for _ in range(2):
        client.get(url)
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert refused.json() == {"detail": "Too many requests: wait a minute and try again."}
