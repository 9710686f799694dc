"""With a read replica configured, visitors' page views read from it; everything else uses the primary."""

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware import ReplicaMiddleware, replica_allowed
from core.routers import ReplicaRouter
from datasets.models import Dataset


@pytest.fixture
def with_replica(settings):
    settings.DATABASES = {**settings.DATABASES, "replica": dict(settings.DATABASES["default"])}


def reads_from(request) -> str:
    """The database the router picks for a read made while serving this request."""
    chosen = []

    def view(request):
        chosen.append(ReplicaRouter().db_for_read(Dataset))
        return HttpResponse()

    ReplicaMiddleware(view)(request)
    return chosen[0]


def test_a_visitors_page_view_reads_from_the_replica(with_replica):
    assert reads_from(RequestFactory().get("/datasets/")) == "replica"


def test_changes_and_signed_in_people_read_from_the_primary(with_replica):
    assert reads_from(RequestFactory().post("/edit/datasets/new/")) == "default"
    signed_in = RequestFactory().get("/datasets/")
    signed_in.COOKIES["sessionid"] = "abc"
    assert reads_from(signed_in) == "default"


def test_commands_and_writes_use_the_primary(with_replica):
    assert replica_allowed.get() is False
    assert ReplicaRouter().db_for_read(Dataset) == "default"
    assert ReplicaRouter().db_for_write(Dataset) == "default"
    assert ReplicaRouter().allow_migrate("replica", "datasets") is False


def test_without_a_replica_everything_uses_the_primary():
    assert reads_from(RequestFactory().get("/datasets/")) == "default"


def test_the_portal_runs_the_replica_middleware():
    assert "core.middleware.ReplicaMiddleware" in settings.MIDDLEWARE
