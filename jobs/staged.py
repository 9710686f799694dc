"""The shape every import and harvest shares, as two jobs around a pending upload.

An upload (a CSV file, a CKAN or DCAT document, an ORCID record) waits as a pending row. The check job
works out what saving it would do and keeps that on the row, for the preview page. The confirm job saves
it all or nothing and removes the row; if the directory has changed since the check so that something
is no longer right, it saves nothing, keeps the new findings for the preview, and fails with them.
Each app says only what its own work is (transfer/tasks.py, harvest/tasks.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from . import runner


@dataclass
class Checked:
    """What a check found: `preview` (kept on the pending row as JSON) and the job's summary."""

    preview: object
    summary: str


@dataclass
class Saved:
    """What a confirm saved: the job's summary and its result (next_url and next_label at least)."""

    summary: str
    result: dict = field(default_factory=dict)


class ChangedSinceCheck(Exception):
    """Raised by a confirm's work when the directory changed since the check; nothing was saved."""

    def __init__(self, preview, reason: str):
        super().__init__(reason)
        self.preview, self.reason = preview, reason


@dataclass(frozen=True)
class Pending:
    """A kind of pending upload: its model, and what to say when the row has gone."""

    model: type[models.Model]
    gone: str
    next_label: str  # the link from a finished check to the preview page

    def start(self, task, kind: str, label: str, pending: models.Model, key: object = None):
        """Queues `task` for `pending`, one at a time for each `key` (by default the pending row);
        raises runner.AlreadyQueued if that one is queued or running."""
        key = pending.pk if key is None else key
        return runner.start(
            task, kind=kind, label=label, user=pending.user, key=f"{kind}:{key}", pending_id=pending.pk
        )

    def get(self, pending_id: int) -> models.Model:
        found = self.model.objects.select_related("user").filter(pk=pending_id).first()
        if found is None:
            raise runner.JobFailed(self.gone)
        return found

    def check(self, job_id: int, pending_id: int, work: Callable[..., Checked]) -> str:
        """Runs the check job: `work(pending, progress)` saves nothing and says what saving would do."""

        def checking(progress: runner.Progress):
            pending = self.get(pending_id)
            checked = work(pending, progress)
            self.model.objects.filter(pk=pending.pk).update(preview=checked.preview)
            return checked.summary, {"next_url": pending.get_absolute_url(), "next_label": self.next_label}

        return runner.run(job_id, checking)

    def confirm(self, job_id: int, pending_id: int, work: Callable[..., Saved]) -> str:
        """Runs the confirm job: `work(pending, progress)` saves everything in one transaction, or raises
        ChangedSinceCheck having saved nothing."""

        def confirming(progress: runner.Progress):
            pending = self.get(pending_id)
            try:
                saved = work(pending, progress)
            except ChangedSinceCheck as changed:
                self.model.objects.filter(pk=pending.pk).update(preview=changed.preview)
                raise runner.JobFailed(changed.reason) from None
            pending.delete()
            return saved.summary, saved.result

        return runner.run(job_id, confirming)


def verdict(problems: list, otherwise: str) -> str:
    """A check's verdict in words: the number of problems to fix, or what saving would do."""
    if not problems:
        return otherwise
    return f"{len(problems)} problem{'s' if len(problems) != 1 else ''} to fix"
