"""A data dictionary import's background work: checking the file (the preview) and importing it."""

from django.db import transaction
from django.urls import reverse
from django_tasks import task

from jobs import runner, staged
from jobs.registry import register

from .dictionary import importer
from .dictionary.changes import dictionaries_changed
from .models import PendingDictionaryImport

PREVIEW, CONFIRM = "dictionary-preview", "dictionary-confirm"

UPLOADS = staged.Pending(
    PendingDictionaryImport,
    gone="This upload has been imported already, or was abandoned and removed.",
    next_label="See what the import would do",
)


@register(PREVIEW)
@task()
def check_dictionary(job_id: int, pending_id: int) -> str:
    def work(pending: PendingDictionaryImport, progress: runner.Progress) -> staged.Checked:
        progress.stage("Checking variables", total=len(pending.rows))
        outcome, _ = importer.check(pending.rows, pending.dataset, pending.user, progress.advance)
        verdict = staged.verdict(outcome.problems, "ready to import")
        return staged.Checked(
            outcome.as_json(), f"Checked {outcome.total:,} variables of {pending.file_name}: {verdict}."
        )

    return UPLOADS.check(job_id, pending_id, work)


@register(CONFIRM)
@task()
def import_dictionary(job_id: int, pending_id: int) -> str:
    """Checks again and saves every variable in one transaction: a problem, a cancel or a killed worker
    saves nothing, and the upload waits to be imported again."""

    def work(pending: PendingDictionaryImport, progress: runner.Progress) -> staged.Saved:
        with transaction.atomic():
            progress.stage("Checking variables", total=len(pending.rows))
            outcome, prepared = importer.check(pending.rows, pending.dataset, pending.user, progress.advance)
            if outcome.problems:
                raise staged.ChangedSinceCheck(
                    outcome.as_json(),
                    "Nothing was imported: the directory changed since the check. "
                    + " ".join(outcome.shown_problems),
                )
            progress.stage("Saving variables", total=sum(s.variables for s in outcome.datasets))
            dictionaries_changed(importer.save(prepared, progress.advance))
        result = {
            "next_url": reverse("dictionary:list", args=[pending.dataset.slug]),
            "next_label": "See the data dictionary",
        }
        return staged.Saved(f"Imported {outcome.total:,} variables from {pending.file_name}.", result)

    return UPLOADS.confirm(job_id, pending_id, work)


def start_check(pending: PendingDictionaryImport):
    return UPLOADS.start(check_dictionary, PREVIEW, f"Check the data dictionary {pending.file_name}", pending)


def start_import(pending: PendingDictionaryImport):
    """Queues the import; raises jobs.runner.AlreadyQueued if the same file is being imported."""
    label = f"Import the data dictionary {pending.file_name}"
    return UPLOADS.start(import_dictionary, CONFIRM, label, pending, key=pending.digest)
