"""/health/ says whether a worker was seen recently and how long the oldest queued job has waited."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.models import Job, WorkerBeat

pytestmark = pytest.mark.django_db


def test_without_workers_or_jobs(client):
    health = client.get("/health/").json()
    assert health["worker_seen"] is False
    assert health["worker_last_seen_seconds"] is None
    assert health["oldest_queued_job_seconds"] is None


def test_a_recent_worker_and_a_waiting_job(client):
    WorkerBeat.objects.create(name="node1:42", last_seen=timezone.now() - timedelta(seconds=5))
    Job.objects.create(kind="x", label="Waiting")
    Job.objects.filter().update(created=timezone.now() - timedelta(minutes=3))
    response = client.get("/health/")
    health = response.json()
    assert response.status_code == 200
    assert health["worker_seen"] is True and 5 <= health["worker_last_seen_seconds"] < 10
    assert 180 <= health["oldest_queued_job_seconds"] < 190


def test_a_worker_not_seen_for_long_is_reported_but_the_node_stays_in_service(client):
    WorkerBeat.objects.create(name="node1:42", last_seen=timezone.now() - timedelta(hours=1))
    response = client.get("/health/")
    assert response.status_code == 200 and response.json()["worker_seen"] is False
