import html
import io
import json
import time

import pytest
from django.test import override_settings
from django.urls import reverse

from harvest.models import PendingHarvest
from tests.local_server import StubHandler, serving
from tests.transfer.conftest import curator, curator_client  # noqa: F401 (the same personas)

from . import samples

UPLOAD = "/harvest/"


def document_file(content, name: str) -> io.BytesIO:
    if isinstance(content, dict | list):
        content = json.dumps(content, ensure_ascii=False)
    upload = io.BytesIO(content.encode() if isinstance(content, str) else content)
    upload.name = name
    return upload


def upload(client, content, name: str = "catalogue.json", kind: str = "auto"):
    return client.post(UPLOAD, {"kind": kind, "file": document_file(content, name)})


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def preview(client, content, name: str = "catalogue.json", kind: str = "auto") -> str:
    """Uploads the document, follows to its preview and returns the page's text."""
    response = upload(client, content, name, kind)
    assert response.status_code == 302, text_of(response)
    page = client.get(response["Location"])
    assert page.status_code == 200
    return text_of(page)


def confirm(client):
    pending = PendingHarvest.objects.get()
    return client.post(reverse("harvest:confirm", args=[pending.pk]))


def harvest(client, content, name: str = "catalogue.json", kind: str = "auto"):
    """Previews then confirms; checks the harvest went through."""
    preview(client, content, name, kind)
    response = confirm(client)
    assert response.status_code == 302, text_of(response)
    return response


@pytest.fixture
def researcher_client(client, django_user_model):
    user = django_user_model.objects.create_user("someone@example.org", "someone@example.org", "pw")
    client.force_login(user)
    return client


class FakeOrcid(StubHandler):
    def do_GET(self):
        self.server.requests.append((self.path, self.headers.get("Accept")))
        if "0000-0002-1825-0097" in self.path:
            self.reply(200, json.dumps(samples.orcid_record()).encode(), "application/json;charset=UTF-8")
        elif "0000-0001-5109-3700" in self.path:  # slow
            time.sleep(1.5)
            self.reply(200, b"{}", "application/json")
        elif "0000-0002-9079-593X" in self.path:
            self.reply(200, b"<html><body>Maintenance</body></html>", "text/html")
        else:
            self.reply(404, b'{"response-code": 404}', "application/json")


@pytest.fixture
def local_server():
    """A web server on 127.0.0.1 standing in for ORCID, that also records any request made to it."""
    with serving(FakeOrcid) as server:
        yield server


@pytest.fixture
def orcid_server(local_server):
    url = f"{local_server.url}/v3.0"
    with override_settings(ORCID_FETCH_ENABLED=True, ORCID_API_URL=url, ORCID_TIMEOUT=0.5):
        yield local_server
