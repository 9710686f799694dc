"""A data dictionary import's background work: checking the file (the preview) and importing it."""

from django.db import transaction
from django.urls import reverse
from django_tasks import task

from jobs import runner
from jobs.registry import register

from .dictionary import importer
from .dictionary.changes import dictionaries_changed
from .models import PendingDictionaryImport

PREVIEW, CONFIRM = "dictionary-preview", "dictionary-confirm"


@register(PREVIEW)
@task()
def check_dictionary(job_id: int, pending_id: int) -> str:
    def work(progress: runner.Progress):
        pending = pending_or_fail(pending_id)
        progress.stage("Checking variables", total=len(pending.rows))
        outcome, _ = importer.check(pending.rows, pending.dataset, pending.user, progress.advance)
        PendingDictionaryImport.objects.filter(pk=pending.pk).update(preview=outcome.as_json())
        verdict = (
            f"{len(outcome.problems)} problem{'s' if len(outcome.problems) != 1 else ''} to fix"
            if outcome.problems
            else "ready to import"
        )
        summary = f"Checked {outcome.total:,} variables of {pending.file_name}: {verdict}."
        return summary, {"next_url": pending.get_absolute_url(), "next_label": "See what the import would do"}

    return runner.run(job_id, work)


@register(CONFIRM)
@task()
def import_dictionary(job_id: int, pending_id: int) -> str:
    """Checks again and saves every variable in one transaction: a problem, a cancel or a killed worker
    saves nothing, and the upload waits to be imported again."""

    def work(progress: runner.Progress):
        pending = pending_or_fail(pending_id)
        with transaction.atomic():
            progress.stage("Checking variables", total=len(pending.rows))
            outcome, prepared = importer.check(pending.rows, pending.dataset, pending.user, progress.advance)
            if outcome.problems:
                raise runner.JobFailed(
                    "Nothing was imported: the directory changed since the check. "
                    + " ".join(outcome.shown_problems)
                )
            progress.stage("Saving variables", total=sum(s.variables for s in outcome.datasets))
            changed = importer.save(prepared, progress.advance)
            dictionaries_changed(changed)
            pending.delete()
        summary = f"Imported {outcome.total:,} variables from {pending.file_name}."
        return summary, {
            "next_url": reverse("dictionary:list", args=[pending.dataset.slug]),
            "next_label": "See the data dictionary",
        }

    return runner.run(job_id, work)


def pending_or_fail(pending_id: int) -> PendingDictionaryImport:
    pending = PendingDictionaryImport.objects.select_related("user", "dataset").filter(pk=pending_id).first()
    if pending is None:
        raise runner.JobFailed("This upload has been imported already, or was abandoned and removed.")
    return pending


def start_check(pending: PendingDictionaryImport):
    return runner.start(
        check_dictionary,
        kind=PREVIEW,
        label=f"Check the data dictionary {pending.file_name}",
        user=pending.user,
        key=f"{PREVIEW}:{pending.pk}",
        pending_id=pending.pk,
    )


def start_import(pending: PendingDictionaryImport):
    """Queues the import; raises jobs.runner.AlreadyQueued if the same file is being imported."""
    return runner.start(
        import_dictionary,
        kind=CONFIRM,
        label=f"Import the data dictionary {pending.file_name}",
        user=pending.user,
        key=f"{CONFIRM}:{pending.digest}",
        pending_id=pending.pk,
    )
