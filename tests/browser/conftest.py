"""A real headless Chromium (Debian's, never a downloaded one), driven by Playwright."""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from accounts.policy import CURATORS_GROUP

# Playwright's sync API runs an event loop in the test thread; Django's ORM is used beside it safely.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
    call_command("load_demo", stdout=open(os.devnull, "w"))
    return live_server.url


@pytest.fixture
def browser(demo_site, chromium):
    # Started per test, after the database work: while Playwright's event loop runs in this thread,
    # Django hands out different connections, which would miss the test database's saved contents.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
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
