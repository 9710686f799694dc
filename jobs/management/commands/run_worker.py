"""The portal's background worker: django-tasks' database worker, plus a heartbeat for /health/ and
the job list (and marking failed the jobs of workers that died, and queuing the daily jobs when
JOBS_DAILY_AT is set: jobs/schedule.py)."""

import logging
import threading

from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from jobs import schedule
from jobs.models import WorkerBeat, this_process
from jobs.runner import reap_lost

logger = logging.getLogger("portal.jobs")
BEAT_EVERY = 10  # seconds


def beat() -> None:
    try:
        WorkerBeat.objects.update_or_create(name=this_process(), defaults={"last_seen": timezone.now()})
        lost = reap_lost()
        if lost:
            logger.warning("Marked %s job(s) failed: their worker stopped.", lost)
        for job in schedule.queue_due():
            logger.info("Queued the daily job %s.", job.label)
    except DatabaseError:
        # The database is away, or (SQLite) a job's transaction holds the only write lock: next time.
        pass


def beat_forever(stop: threading.Event) -> None:
    while not stop.wait(BEAT_EVERY):
        beat()
    connection.close()


class Command(DatabaseWorkerCommand):
    help = (
        "Runs background jobs (imports, harvests, link checks, digests, reindexing) from the database "
        "queue until stopped. Run one or more beside the web server; Ctrl+C or SIGTERM lets the "
        "current job finish, a second one stops it (its changes are rolled back)."
    )

    def handle(self, *args, **options):
        beat()
        stop = threading.Event()
        threading.Thread(target=beat_forever, args=(stop,), daemon=True, name="worker-heartbeat").start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
