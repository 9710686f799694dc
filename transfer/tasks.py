"""The CSV import's background work: checking a file (the preview) and importing it (the confirm)."""

from django.urls import reverse
from django_tasks import task

from jobs import runner
from jobs.registry import register

from . import importer
from .models import PendingImport
from .reading import limited

PREVIEW, CONFIRM = "import-preview", "import-confirm"


@register(PREVIEW)
@task()
def check_import(job_id: int, pending_id: int) -> str:
    """Runs the import and rolls it back, keeping what it would do for the preview page."""

    def work(progress: runner.Progress):
        pending = pending_or_fail(pending_id)
        outcome = importer.run(pending, pending.user, commit=False, progress=progress)
        PendingImport.objects.filter(pk=pending.pk).update(preview=outcome.as_json())
        verdict = (
            f"{len(outcome.problems)} problem{'s' if len(outcome.problems) != 1 else ''} to fix"
            if outcome.problems
            else f"{outcome.created} to create and {outcome.updated} to update{left_alone(outcome)}"
        )
        summary = f"Checked {len(outcome.rows):,} rows of {pending.file_name}: {verdict}."
        return summary, {"next_url": pending.get_absolute_url(), "next_label": "See what the import would do"}

    return runner.run(job_id, work)


@register(CONFIRM)
@task()
def confirm_import(job_id: int, pending_id: int) -> str:
    """Imports every row in one transaction: a failure, a cancel or a killed worker saves nothing, and
    the upload waits to be imported again."""

    def work(progress: runner.Progress):
        pending = pending_or_fail(pending_id)
        outcome = importer.run(pending, pending.user, commit=True, progress=progress)
        if not outcome.imported:
            # The directory changed since the preview in a way that makes a row invalid.
            PendingImport.objects.filter(pk=pending.pk).update(preview=outcome.as_json())
            raise runner.JobFailed(
                "Nothing was imported: the directory changed since the check, and these rows are no longer "
                "right. " + " ".join(limited(outcome.problems))
            )
        pending.delete()
        kind = pending.get_kind_display().lower()
        summary = (
            f"Imported {pending.file_name}: {outcome.created} created and {outcome.updated} updated {kind}"
            f"{left_alone(outcome)}."
        )
        return summary, {
            "next_url": reverse("transfer:upload"),
            "next_label": "Import another file",
            "created": outcome.created,
            "updated": outcome.updated,
        }

    return runner.run(job_id, work)


def left_alone(outcome: importer.Outcome) -> str:
    return f" ({outcome.unchanged} unchanged, left untouched)" if outcome.unchanged else ""


def pending_or_fail(pending_id: int) -> PendingImport:
    pending = PendingImport.objects.select_related("user").filter(pk=pending_id).first()
    if pending is None:
        raise runner.JobFailed("This upload has been imported already, or was abandoned and removed.")
    return pending


def start_check(pending: PendingImport):
    return runner.start(
        check_import,
        kind=PREVIEW,
        label=f"Check {pending.file_name} ({pending.get_kind_display().lower()})",
        user=pending.user,
        key=f"{PREVIEW}:{pending.pk}",
        pending_id=pending.pk,
    )


def start_import(pending: PendingImport):
    """Queues the import; raises jobs.runner.AlreadyQueued if the same file is being imported."""
    return runner.start(
        confirm_import,
        kind=CONFIRM,
        label=f"Import {pending.file_name} ({pending.get_kind_display().lower()})",
        user=pending.user,
        key=f"{CONFIRM}:{pending.digest}",
        pending_id=pending.pk,
    )
