"""Two gunicorn instances sharing one PostgreSQL and one Redis behave as one portal: a change through
one is seen through the other at once, a session works on both, and rate limits count across both."""

import pytest
import requests

from . import servers
from .conftest import csrf, signed_in


@pytest.fixture(scope="module")
def nodes(services):
    # Counted per hour, so that no counting window can end in the middle of the test.
    environment = {**services["environment"], "RATE_LIMIT_SEARCH": "6/h"}
    with servers.gunicorn(environment) as first, servers.gunicorn(environment) as second:
        yield first, second


def test_a_change_through_one_node_is_seen_at_once_through_the_other(nodes, services):
    first, second = nodes
    page = f"/datasets/{services['draft']}/"
    assert requests.get(second + page, timeout=10).status_code == 404, "a draft is not public"

    curator = signed_in(first)
    published = curator.post(
        f"{first}/edit/datasets/{services['draft']}/move/publish/", data=csrf(curator), timeout=10
    )

    assert published.status_code == 200 and "It is now published" in published.text
    assert requests.get(second + page, timeout=10).status_code == 200
    assert services["draft"] in requests.get(f"{second}/api/v1/datasets/?page_size=100", timeout=10).text


def test_a_session_started_on_one_node_works_on_the_other(nodes):
    first, second = nodes
    curator = signed_in(first)
    account = curator.get(f"{second}/accounts/", timeout=10, allow_redirects=False)
    assert account.status_code == 200
    assert "curator@example.org" in account.text
    assert requests.get(f"{second}/accounts/", timeout=10, allow_redirects=False).status_code == 302


def test_rate_limits_count_requests_to_both_nodes(nodes):
    first, second = nodes
    statuses = [
        requests.get(f"{node}/search/?q=health", timeout=30).status_code for node in (first, second) * 3
    ]
    assert statuses == [200] * 6
    assert requests.get(f"{first}/search/?q=health", timeout=30).status_code == 429
    assert requests.get(f"{second}/search/?q=health", timeout=30).status_code == 429
