import csv
import io

import pytest
from django.contrib.auth.models import Group

from accounts.policy import CURATORS_GROUP


def read_csv(response) -> list[list[str]]:
    """The rows of a CSV download, checking it is UTF-8 with a byte-order mark."""
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def as_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    header, *rest = rows
    return [dict(zip(header, row, strict=True)) for row in rest]


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator@example.org", "curator@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client
