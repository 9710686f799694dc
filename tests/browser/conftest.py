"""A real headless Chromium (Debian's, never a downloaded one), driven by Playwright."""

import os
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connections

from accounts.policy import CURATORS_GROUP

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        message = f"Chromium was not found at {CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture
def demo_site(chromium, live_server, django_db_serialized_rollback) -> str:
    """The live portal filled with the demo directory."""
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
    return live_server.url


@pytest.fixture
def playwright() -> Iterator:
    """Playwright's sync API, with the test's thread kept on its own database connections.

    The sync API runs an asyncio event loop in the test's thread. While a loop runs, Django's
    `connections` (thread-local, but context-local under a running loop) would give the thread a
    second set of connections: they would miss the test database's saved contents, and
    `connections.close_all()` never sees them once the loop has stopped, so the test database could
    not be dropped at the end of the run ("being accessed by other users"). Inside the loop the
    thread therefore uses the very connections it uses outside, which Django closes as usual.
    """
    from playwright.sync_api import sync_playwright

    outside = {alias: connections[alias] for alias in connections}
    # Django refuses the ORM in a thread with a running event loop; here the loop only drives Playwright.
    with mock.patch.dict(os.environ, {"DJANGO_ALLOW_ASYNC_UNSAFE": "true"}), sync_playwright() as playwright:
        for alias, connection in outside.items():
            connections[alias] = connection
        try:
            yield playwright
        finally:
            for alias in outside:
                del connections[alias]


@pytest.fixture
def browser(demo_site, chromium, playwright):
    browser = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


# The password of every account the browser tests sign in with.
PASSWORD = "a long enough passphrase"


@pytest.fixture
def curator(demo_site, django_user_model):
    """Cara, a curator who may also use the admin."""
    user = django_user_model.objects.create_user(
        "cara", "cara@example.org", PASSWORD, first_name="Cara", is_staff=True
    )
    user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    return user
