import tempfile
from pathlib import Path

import pytest
import requests

from . import servers

CURATOR = ("curator@example.org", "a long and unguessable passphrase")

SET_UP = f"""
from django.contrib.auth.models import Group, User
from accounts.policy import CURATORS_GROUP
from datasets.models import Dataset
from editing import workflow

curator = User.objects.create_user("{CURATOR[0]}", "{CURATOR[0]}", "{CURATOR[1]}")
curator.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
# One published dataset taken back to draft, for a test to publish through one node.
dataset = Dataset.objects.published().order_by("slug").first()
workflow.make_move(curator, dataset, "archive", "", None)
workflow.make_move(curator, dataset, "reopen", "", None)
print(dataset.slug)
"""


@pytest.fixture(scope="session")
def services():
    """PostgreSQL and Redis of the tests' own, and the portal's production environment pointing at them,
    with the demo directory, a curator and one draft dataset loaded."""
    with servers.postgresql() as database, servers.redis() as cache, tempfile.TemporaryDirectory() as static:
        environment = servers.portal_environment(database.url, cache.url, Path(static))
        servers.prepare(environment)
        draft = servers.manage(environment, "shell", "-c", SET_UP).strip().splitlines()[-1]
        yield {"database": database, "cache": cache, "environment": environment, "draft": draft}


def signed_in(url: str) -> requests.Session:
    """A browser-like session signed in as the curator through the node at `url`."""
    session = requests.Session()
    session.get(f"{url}/accounts/sign-in/", timeout=10)
    response = session.post(
        f"{url}/accounts/sign-in/",
        data={"username": CURATOR[0], "password": CURATOR[1], **csrf(session)},
        timeout=10,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text
    return session


def csrf(session: requests.Session) -> dict[str, str]:
    return {"csrfmiddlewaretoken": session.cookies["csrftoken"]}
