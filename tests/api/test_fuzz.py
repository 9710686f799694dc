"""Schemathesis sends every API operation requests generated from its own OpenAPI schema, and runs every
check it has: no server error, every status, content type, header and body as the schema documents it,
valid requests accepted and invalid ones refused (schemathesis.toml says why a 400 may answer a valid
filter). The budget is bounded for CI: EXAMPLES per operation."""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings

from tests.factories import DatasetFactory, MembershipFactory, ResearcherFactory, ThemeFactory


def api_schema():
    generated = SchemaGenerator().get_schema(request=None, public=True)
    # A JSON round trip turns the generator's lazy strings and enums into plain values.
    loaded = schemathesis.openapi.from_dict(json.loads(json.dumps(generated, default=str)))
    loaded.app = get_wsgi_application()
    return loaded


schema = api_schema()
# Enough for each operation's parameters to be tried alone and together; about a minute in all.
EXAMPLES = 30


@pytest.fixture
def directory(db):
    dataset = DatasetFactory(slug="known")
    dataset.themes.add(ThemeFactory(slug="known"))
    MembershipFactory(researcher=ResearcherFactory(slug="known"))


@pytest.fixture
def connection_kept_open():
    """Schemathesis calls the WSGI application itself, which closes the database connection after
    each request as a server does; inside the test's transaction that would lose the connection and
    the test's rows. Django's own test client stops the same signal in the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_schema_says(case, directory, connection_kept_open):
    case.call_and_validate()
