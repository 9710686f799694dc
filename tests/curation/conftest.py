"""Personas for curation, entries of a given age, and a real web server for the link checker."""

import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.policy import CURATORS_GROUP
from tests.factories import OrganisationFactory


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator", "curator@example.org", "pw")
    user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    return user


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", "editor@example.org", "pw", first_name="Edith")


@pytest.fixture
def outsider(django_user_model):
    return django_user_model.objects.create_user("outsider", "outsider@example.org", "pw")


@pytest.fixture
def former_editor(django_user_model):
    """An editor whose account has been deactivated: never emailed, though still listed as an editor."""
    return django_user_model.objects.create_user("former", "former@example.org", "pw", is_active=False)


@pytest.fixture
def edited_organisation(editor, former_editor):
    organisation = OrganisationFactory(name="Edited University")
    organisation.editors.add(editor, former_editor)
    return organisation


def age(entry, days: int, reviewed_days_ago: int | None = None):
    """Makes `entry` created `days` ago and last reviewed `reviewed_days_ago` (None: never)."""
    now = timezone.now()
    reviewed = None if reviewed_days_ago is None else now - timedelta(days=reviewed_days_ago)
    type(entry).objects.filter(pk=entry.pk).update(created=now - timedelta(days=days), last_reviewed=reviewed)
    entry.refresh_from_db()
    return entry


class Handler(BaseHTTPRequestHandler):
    """/ok 200, /missing 404, /no-head 405 to HEAD and 200 to GET, /moved 301 to /ok, /slow late."""

    def do_HEAD(self):
        self.answer(send_body=False)

    def do_GET(self):
        self.answer(send_body=True)

    def answer(self, send_body: bool) -> None:
        self.server.seen.append((self.command, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/slow":
            time.sleep(self.server.slow_seconds)
        status, headers = self.route(self.path)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "2" if send_body else "0")
        self.end_headers()
        if send_body:
            self.wfile.write(b"ok")

    def route(self, path: str) -> tuple[int, dict]:
        if path in ("/ok", "/slow"):
            return 200, {}
        if path == "/no-head":
            return (405, {}) if self.command == "HEAD" else (200, {})
        if path == "/moved":
            return 301, {"Location": "/ok"}
        if path == "/loop":
            return 302, {"Location": "/loop"}
        return 404, {}

    def log_message(self, format, *args):  # Keeps the test output quiet.
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # The slow path's client gives up before the answer: a broken pipe here is expected.
        pass


@pytest.fixture
def web_server(settings):
    """A real HTTP server on 127.0.0.1; `web_server.url(path)`, and `web_server.seen` requests.

    The checker refuses private addresses; these tests let it reach this one.
    """
    settings.LINK_CHECK_PRIVATE_NETWORKS = True
    server = QuietServer(("127.0.0.1", 0), Handler)
    server.seen = []
    server.slow_seconds = 1.5
    server.url = lambda path: f"http://127.0.0.1:{server.server_address[1]}{path}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
