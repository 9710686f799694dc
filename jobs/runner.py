"""Starting background work and reporting on it, shared by every app's tasks.

A view calls `start(task, …)`: it records a Job and puts the task on the queue. The task, running in a
worker, calls `run(job_id, work)`, which marks the job running, hands `work` a `Progress` to report
through, and records how it ended: done with a summary, failed with a reason in plain words, or
cancelled. Nothing here knows what the work is.
"""

import logging
import time
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, OperationalError
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Job, process_is_gone, this_process

logger = logging.getLogger("portal.jobs")

# Progress is written at most this often (seconds), so reporting never slows the work down.
REPORT_EVERY = 0.5
LOST_REASON = (
    "The worker running this job stopped before it finished (it was restarted or killed). "
    "Nothing of it was saved; you can run it again."
)


class Cancelled(Exception):
    """Raised inside a task when its job has been cancelled; whatever it was doing is rolled back."""


class JobFailed(Exception):
    """Raised by a task to fail its job with a message for the person who started it."""


class AlreadyQueued(Exception):
    def __init__(self, job: Job):
        super().__init__(f"{job} is already queued or running.")
        self.job = job


def _jobs():
    """Job rows as seen through the progress connection: committed at once, even while the work's own
    transaction is open (on PostgreSQL, a second connection to the same database)."""
    return Job.objects.using(settings.JOBS_PROGRESS_DATABASE)


def start(task, *, kind: str, label: str, user=None, key: str = "", **arguments) -> Job:
    """Records a job and queues `task(job_id, **arguments)`. Raises AlreadyQueued if a job with the
    same `key` is queued or running."""
    try:
        job = Job.objects.create(user=user, kind=kind, label=label[:255], key=key, arguments=arguments)
    except IntegrityError:
        raise AlreadyQueued(Job.objects.active().get(key=key)) from None
    result = task.enqueue(job.pk, **arguments)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def run_again(job: Job, task) -> Job:
    return start(task, kind=job.kind, label=job.label, user=job.user, key=job.key, **job.arguments)


class Progress:
    """Handed to the work: `total(n)`, `advance(n)`, `stage(words)`. Each report also checks whether the
    job has been cancelled, and raises Cancelled if so."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.done = 0
        self._total: int | None = None
        self._stage = ""
        self._reported = 0.0

    def total(self, total: int | None) -> None:
        self._total = total
        self.report(force=True)

    def stage(self, words: str, total: int | None = None, done: int = 0) -> None:
        self._stage, self._total, self.done = words, total, done
        self.report(force=True)

    def advance(self, count: int = 1) -> None:
        self.done += count
        self.report()

    def report(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._reported < REPORT_EVERY:
            return
        self._reported = now
        _jobs().filter(pk=self.job_id).update(
            done=self.done, total=self._total, stage=self._stage[:100], heartbeat=timezone.now()
        )
        if _jobs().filter(pk=self.job_id, cancel_requested=True).exists():
            raise Cancelled


Work = Callable[[Progress], tuple[str, dict] | str]


def run(job_id: int, work: Work) -> str:
    """Runs `work` for the job, recording how it ends. Returns the job's final state."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.state != Job.State.QUEUED:
        return job.state if job else "missing"  # cancelled while waiting, or already run
    now = timezone.now()
    Job.objects.filter(pk=job_id).update(
        state=Job.State.RUNNING, started=now, heartbeat=now, worker=this_process()
    )
    progress = Progress(job_id)
    state, fields = Job.State.DONE, {}
    try:
        outcome = work(progress)
        summary, result = outcome if isinstance(outcome, tuple) else (outcome, {})
        fields = {"summary": summary, "result": result}
    except Cancelled:
        state = Job.State.CANCELLED
        fields = {"summary": "Cancelled: nothing of it was saved."}
    except JobFailed as failure:
        state, fields = Job.State.FAILED, {"failure": str(failure)}
    except Exception as error:  # any failure: the person who started it gets the reason in words
        logger.exception("Job %s (%s) failed", job_id, job.kind)
        state, fields = Job.State.FAILED, {"failure": plain_reason(error)}
    finish(job_id, state, progress, **fields)
    return state


def finish(job_id: int, state: str, progress: Progress | None = None, **fields) -> None:
    if progress is not None:
        fields.update(done=progress.done, total=progress._total)
    _jobs().filter(pk=job_id).update(state=state, finished=timezone.now(), stage="", **fields)
    job = Job.objects.select_related("user").get(pk=job_id)
    tell_when_long(job)


def plain_reason(error: Exception) -> str:
    if isinstance(error, OperationalError):
        return (
            "The database stopped answering while the job ran, so nothing of it was saved. "
            "Run it again once the portal is working normally."
        )
    if isinstance(error, DatabaseError):
        return f"The database refused a change ({error}); nothing of it was saved."
    return (
        f"Something went wrong that the portal did not expect ({type(error).__name__}: {error}); "
        "nothing of it was saved. The error has been logged for the site's maintainers."
    )


def tell_when_long(job: Job) -> None:
    """Emails the person who started a job that took a while, when it ends (they may have left the page)."""
    if not job.user or not job.user.email or not job.started or not job.finished:
        return
    if (job.finished - job.started).total_seconds() < settings.JOBS_EMAIL_AFTER:
        return
    context = {"job": job, "url": settings.SITE_URL.rstrip("/") + job.get_absolute_url()}
    subject = render_to_string("jobs/email/finished_subject.txt", context).strip()
    body = render_to_string("jobs/email/finished.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [job.user.email])
    except OSError:
        logger.exception("Could not email %s about job %s", job.user.pk, job.pk)


def cancel(job: Job) -> None:
    """A queued job is cancelled at once; a running one stops at its next progress report."""
    if Job.objects.filter(pk=job.pk, state=Job.State.QUEUED).update(
        state=Job.State.CANCELLED, finished=timezone.now(), summary="Cancelled before it started."
    ):
        return
    Job.objects.filter(pk=job.pk, state=Job.State.RUNNING).update(cancel_requested=True)


def reap_lost() -> int:
    """Marks failed the running jobs whose worker is gone: a process on this machine that no longer
    exists, or one not heard from for JOBS_LOST_AFTER seconds (unless it is on this machine and alive:
    on SQLite a long transaction cannot report, but its process can be seen)."""
    lost = 0
    cutoff = timezone.now() - timedelta(seconds=settings.JOBS_LOST_AFTER)
    for job in Job.objects.filter(state=Job.State.RUNNING).only("pk", "worker", "heartbeat"):
        gone = process_is_gone(job.worker)
        silent = job.heartbeat is None or job.heartbeat < cutoff
        if gone or (silent and not _alive_here(job.worker)):
            lost += Job.objects.filter(pk=job.pk, state=Job.State.RUNNING).update(
                state=Job.State.FAILED, finished=timezone.now(), failure=LOST_REASON
            )
    return lost


def _alive_here(name: str) -> bool:
    import socket

    return name.rpartition(":")[0] == socket.gethostname() and not process_is_gone(name)
