"""With JOBS_DAILY_AT set, the workers queue the three daily jobs once a day after that time
(jobs/schedule.py); without it, cron runs the daily commands and the workers queue nothing."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from jobs import schedule
from jobs.models import Job

from .conftest import DATABASE_BACKEND

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def queue_only(settings):
    settings.TASKS = DATABASE_BACKEND  # queued, not run, so that the test sees them waiting
    settings.TIME_ZONE = "Europe/London"


def at(hour: int, minute: int, day: int = 27) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LONDON)


def test_nothing_is_queued_when_cron_is_the_scheduler(settings, queue_only):
    settings.JOBS_DAILY_AT = ""
    assert schedule.queue_due(at(12, 0)) == []
    assert not Job.objects.exists()


def test_the_daily_jobs_are_queued_once_a_day_after_their_time(settings, queue_only):
    settings.JOBS_DAILY_AT = "03:15"
    assert schedule.queue_due(at(3, 14)) == []

    queued = schedule.queue_due(at(3, 15))
    assert sorted(job.kind for job in queued) == ["check-links", "digests", "review-reminders"]
    assert {job.key for job in queued} == {f"daily:{kind}:2026-11-27" for kind in schedule.DAILY}
    assert all(job.state == Job.State.QUEUED and job.user is None for job in queued)

    # Every worker's heartbeat asks again: nothing more that day, even once the jobs have finished.
    assert schedule.queue_due(at(3, 16)) == []
    Job.objects.update(state=Job.State.DONE)
    assert schedule.queue_due(at(23, 59)) == []
    assert len(schedule.queue_due(at(3, 15, day=28))) == 3
    assert Job.objects.count() == 6
