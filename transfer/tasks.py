"""The CSV import's background work: checking a file (the preview) and importing it (the confirm)."""

from django.urls import reverse
from django_tasks import task

from jobs import runner, staged
from jobs.registry import register

from . import importer
from .models import PendingImport
from .reading import limited

PREVIEW, CONFIRM = "import-preview", "import-confirm"


UPLOADS = staged.Pending(
    PendingImport,
    gone="This upload has been imported already, or was abandoned and removed.",
    next_label="See what the import would do",
)


@register(PREVIEW)
@task()
def check_import(job_id: int, pending_id: int) -> str:
    """Checks every row as the import would save it, keeping what it would do for the preview page."""

    def work(pending: PendingImport, progress: runner.Progress) -> staged.Checked:
        outcome = importer.run(pending, pending.user, commit=False, progress=progress)
        would = f"{outcome.created} to create and {outcome.updated} to update{left_alone(outcome)}"
        summary = f"Checked {len(outcome.rows):,} rows of {pending.file_name}: {staged.verdict(outcome.problems, would)}."
        return staged.Checked(outcome.as_json(), summary)

    return UPLOADS.check(job_id, pending_id, work)


@register(CONFIRM)
@task()
def confirm_import(job_id: int, pending_id: int) -> str:
    """Imports every row in one transaction: a failure, a cancel or a killed worker saves nothing, and
    the upload waits to be imported again."""

    def work(pending: PendingImport, progress: runner.Progress) -> staged.Saved:
        outcome = importer.run(pending, pending.user, commit=True, progress=progress)
        if not outcome.imported:
            raise staged.ChangedSinceCheck(
                outcome.as_json(),
                "Nothing was imported: the directory changed since the check, and these rows are no longer "
                "right. " + " ".join(limited(outcome.problems)),
            )
        kind = pending.get_kind_display().lower()
        summary = (
            f"Imported {pending.file_name}: {outcome.created} created and {outcome.updated} updated {kind}"
            f"{left_alone(outcome)}."
        )
        result = {"next_url": reverse("transfer:upload"), "next_label": "Import another file"}
        return staged.Saved(summary, {**result, "created": outcome.created, "updated": outcome.updated})

    return UPLOADS.confirm(job_id, pending_id, work)


def left_alone(outcome: importer.Outcome) -> str:
    return f" ({outcome.unchanged} unchanged, left untouched)" if outcome.unchanged else ""


def start_check(pending: PendingImport):
    label = f"Check {pending.file_name} ({pending.get_kind_display().lower()})"
    return UPLOADS.start(check_import, PREVIEW, label, pending)


def start_import(pending: PendingImport):
    """Queues the import; raises jobs.runner.AlreadyQueued if the same file (by its hash) is being imported."""
    label = f"Import {pending.file_name} ({pending.get_kind_display().lower()})"
    return UPLOADS.start(confirm_import, CONFIRM, label, pending, key=pending.digest)
