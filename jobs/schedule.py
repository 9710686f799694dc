"""The daily jobs, queued by the workers themselves when JOBS_DAILY_AT is set.

The database queue has no scheduler of its own, so the daily work (review reminders, link checks,
followers' digests) runs from cron by default (README, "Scheduling"). Setting JOBS_DAILY_AT ("03:15",
the server's time zone) makes the workers the scheduler instead: each worker's heartbeat queues every
daily job not yet queued that day, once that time has passed. However many workers there are, each job is
queued once a day: its key names the day, a queued or running key is unique, and a finished one is
seen before queuing again.
"""

from datetime import datetime, time

from django.conf import settings
from django.utils import timezone

from . import runner
from .models import Job
from .registry import task_for

# The kinds the three daily commands queue (send_review_reminders, check_links, send_digests).
DAILY = {
    "review-reminders": "Send review reminders (daily)",
    "check-links": "Check every link (daily)",
    "digests": "Send followers' digests (daily)",
}


def daily_at() -> time | None:
    """JOBS_DAILY_AT as a time of day, or None when the daily jobs are left to cron."""
    if not settings.JOBS_DAILY_AT:
        return None
    return time.fromisoformat(settings.JOBS_DAILY_AT)


def queue_due(now: datetime | None = None) -> list[Job]:
    """Queues each daily job whose time has come today and that has not been queued today."""
    at = daily_at()
    now = timezone.localtime(now)
    if at is None or now.time() < at:
        return []
    queued = []
    for kind, label in DAILY.items():
        key = f"daily:{kind}:{now.date().isoformat()}"
        if Job.objects.filter(key=key).exists():
            continue
        try:
            queued.append(runner.start(task_for(kind), kind=kind, label=label, key=key))
        except runner.AlreadyQueued:
            pass  # another worker queued it a moment ago
    return queued
