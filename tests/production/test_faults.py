"""Faults under load: a PostgreSQL restart gives brief, clean 503 pages and the portal recovers by
itself; a Redis outage only means nothing is cached."""

import threading
import time

import pytest
import requests

from . import servers
from .conftest import signed_in

PAGES = ["/", "/datasets/", "/search/?q=health", "/api/v1/datasets/", "/researchers/", "/health/"]


@pytest.fixture(scope="module")
def node(services):
    with servers.gunicorn({**services["environment"], "RATELIMIT_ENABLE": "false"}, workers=3) as url:
        yield url


class Load:
    """Visitors requesting pages one after another from a few threads, recording every answer."""

    def __init__(self, url: str, threads: int = 4):
        self.url = url
        self.answers: list[tuple[float, int | str, str]] = []
        self.running = threading.Event()
        self.threads = [threading.Thread(target=self.visit, args=(number,)) for number in range(threads)]

    def visit(self, number: int) -> None:
        with requests.Session() as visitor:
            turn = number
            while self.running.is_set():
                path = PAGES[turn % len(PAGES)]
                turn += 1
                try:
                    response = visitor.get(self.url + path, timeout=15)
                    self.answers.append((time.monotonic(), response.status_code, response.text))
                except requests.RequestException as error:
                    self.answers.append((time.monotonic(), type(error).__name__, str(error)))

    def __enter__(self):
        self.running.set()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running.clear()
        for thread in self.threads:
            thread.join(30)


def test_a_database_restart_under_load_gives_brief_503s_then_recovers(node, services):
    database = services["database"]
    with Load(node) as load:
        servers.wait_for(lambda: len(load.answers) >= 8, "the first answers under load")
        database.stop()
        time.sleep(3)
        database.start()
        # Recovered by itself: nothing is restarted but PostgreSQL.
        servers.wait_for(lambda: servers.healthy(node), "the portal, once PostgreSQL is back", seconds=60)

    statuses = [status for _, status, _ in load.answers]
    print(f"{len(statuses)} requests: {statuses.count(200)} answered 200, {statuses.count(503)} answered 503")
    assert set(statuses) <= {200, 503}, f"only pages and clean 503s, not {set(statuses)}"
    unavailable = [text for _, status, text in load.answers if status == 503]
    assert unavailable, "some requests were made while the database was down"
    assert all("briefly unavailable" in text or '"database": false' in text for text in unavailable)
    assert not any("Traceback" in text for _, _, text in load.answers)
    # And every page is answered normally again.
    for path in PAGES * 2:
        assert requests.get(node + path, timeout=15).status_code == 200, path


def test_a_redis_outage_means_no_caching_not_errors(node, services):
    cache = services["cache"]
    curator = signed_in(node)
    cache.stop()
    try:
        for path in PAGES:
            assert requests.get(node + path, timeout=15).status_code == 200, path
        health = requests.get(f"{node}/health/", timeout=15).json()
        assert (health["database"], health["cache"]) == (True, False)
        # Sessions are kept in the database too, so signed-in people stay signed in.
        assert curator.get(f"{node}/accounts/", timeout=15, allow_redirects=False).status_code == 200
        assert signed_in(node).get(f"{node}/accounts/", timeout=15, allow_redirects=False).status_code == 200
    finally:
        cache.start()
    servers.wait_for(
        lambda: requests.get(f"{node}/health/", timeout=15).json()["cache"], "the cache, once Redis is back"
    )
