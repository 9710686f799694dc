"""The record of a piece of background work: who started it, how far it has got and how it ended.

The task itself runs on the task queue (django-tasks); this row is what curators see, and what the
task reads to learn it has been cancelled. Each app keeps its own tasks (transfer/tasks.py …) and
records their progress here through jobs.runner.
"""

import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class JobQuerySet(models.QuerySet):
    def active(self) -> "JobQuerySet":
        return self.filter(state__in=[Job.State.QUEUED, Job.State.RUNNING])

    def visible_to(self, user) -> "JobQuerySet":
        """Curators see every job; anyone else only the jobs they started."""
        from accounts.policy import is_curator

        return self if is_curator(user) else self.filter(user=user)

    def lost(self) -> "JobQuerySet":
        """Running jobs whose worker has not been heard from for JOBS_LOST_AFTER seconds."""
        since = timezone.now() - timedelta(seconds=settings.JOBS_LOST_AFTER)
        return self.filter(state=Job.State.RUNNING, heartbeat__lt=since)


class Job(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    FINISHED = (State.DONE, State.FAILED, State.CANCELLED)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobs",
        help_text="Who started it; empty for scheduled work.",
    )
    kind = models.CharField(max_length=40, help_text="What sort of work, e.g. import-confirm.")
    label = models.CharField(max_length=255, help_text="What it is doing, in words.")
    key = models.CharField(
        max_length=100,
        blank=True,
        help_text="Identifies the work (e.g. an upload's hash), so the same work is never queued twice at once.",
    )
    arguments = models.JSONField(
        default=dict, blank=True, help_text="What the task was given; kept to run it again."
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True, help_text="Empty while the amount is unknown.")
    stage = models.CharField(max_length=100, blank=True, help_text="The step under way, e.g. Checking rows.")
    summary = models.TextField(blank=True, help_text="What it did, in words.")
    result = models.JSONField(default=dict, blank=True)
    failure = models.TextField(blank=True, help_text="Why it failed, in plain words.")
    cancel_requested = models.BooleanField(default=False)
    task_id = models.CharField(max_length=64, blank=True)
    worker = models.CharField(max_length=200, blank=True, help_text="host:pid of the process running it.")
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    heartbeat = models.DateTimeField(null=True, blank=True, help_text="When the running task last reported.")

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        indexes = [
            # The job list (newest first, per person) and /health/'s oldest queued job.
            models.Index(fields=["user", "-created"], name="job_user_created"),
            models.Index(fields=["state", "created"], name="job_state_created"),
        ]
        constraints = [
            # Two clicks on "Import" queue one job: the same work is never queued or run twice at once.
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(state__in=["queued", "running"]) & ~Q(key=""),
                name="unique_active_job_key",
            )
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in self.FINISHED

    @property
    def percent(self) -> int | None:
        if not self.total:
            return 100 if self.state == self.State.DONE else None
        return min(100, round(100 * self.done / self.total))

    def as_json(self) -> dict:
        return {
            "id": self.pk,
            "label": self.label,
            "state": self.state,
            "state_display": self.get_state_display(),
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "summary": self.summary,
            "failure": self.failure,
            "finished": self.is_finished,
            "cancel_requested": self.cancel_requested,
            "url": self.get_absolute_url(),
            "next_url": self.result.get("next_url", ""),
        }


class WorkerBeat(models.Model):
    """A worker process, and when it last asked the queue for work (for /health/)."""

    name = models.CharField(max_length=200, primary_key=True, help_text="host:pid")
    last_seen = models.DateTimeField()

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("jobs:list")


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def process_is_gone(name: str) -> bool:
    """Whether `name` (host:pid) is a process on this machine that no longer exists.

    A process on another machine cannot be asked: only its heartbeat tells.
    """
    host, _, pid = name.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
