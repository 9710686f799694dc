"""A CKAN or DCAT harvest's background work: checking the document (the preview) and harvesting it
(the confirm), as transfer/tasks.py does for a CSV file."""

from django.urls import reverse
from django_tasks import task

from jobs import runner
from jobs.registry import register
from transfer.reading import FileProblem

from . import importer
from .models import PendingHarvest

PREVIEW, CONFIRM = "harvest-preview", "harvest-confirm"


@register(PREVIEW)
@task()
def check_harvest(job_id: int, pending_id: int) -> str:
    """Runs the harvest and rolls it back, keeping what it would do for the preview page."""

    def work(progress: runner.Progress):
        pending = pending_or_fail(pending_id)
        outcome = harvest(pending, commit=False, progress=progress)
        PendingHarvest.objects.filter(pk=pending.pk).update(preview=outcome.as_json())
        verdict = (
            f"{len(outcome.problems)} problem{'s' if len(outcome.problems) != 1 else ''} to fix"
            if outcome.problems
            else outcome.summary
        )
        summary = f"Checked {len(outcome.results):,} datasets of {pending.source_name}: {verdict}."
        return summary, {
            "next_url": pending.get_absolute_url(),
            "next_label": "See what the harvest would do",
        }

    return runner.run(job_id, work)


@register(CONFIRM)
@task()
def confirm_harvest(job_id: int, pending_id: int) -> str:
    """Harvests every dataset in one transaction: a failure, a cancel or a killed worker saves nothing."""

    def work(progress: runner.Progress):
        pending = pending_or_fail(pending_id)
        outcome = harvest(pending, commit=True, progress=progress)
        if not outcome.imported:
            # The directory changed since the preview in a way that makes a dataset wrong.
            PendingHarvest.objects.filter(pk=pending.pk).update(preview=outcome.as_json())
            raise runner.JobFailed(
                "Nothing was harvested: the directory changed since the check, and these datasets are no "
                "longer right. " + " ".join(outcome.problems[:20])
            )
        pending.delete()
        summary = (
            f"Harvested {pending.source_name}: {outcome.count('create')} created, {outcome.count('update')} "
            f"updated and {outcome.count('unchanged')} unchanged datasets."
        )
        return summary, {"next_url": reverse("harvest:upload"), "next_label": "Harvest another document"}

    return runner.run(job_id, work)


def harvest(pending: PendingHarvest, commit: bool, progress: runner.Progress) -> importer.Outcome:
    try:
        return importer.run(
            pending.text, pending.source, pending.source_name, pending.user, commit=commit, progress=progress
        )
    except FileProblem as problem:  # only if the limits changed since the upload
        raise runner.JobFailed(" ".join(problem.messages)) from None


def pending_or_fail(pending_id: int) -> PendingHarvest:
    pending = PendingHarvest.objects.select_related("user").filter(pk=pending_id).first()
    if pending is None:
        raise runner.JobFailed("This document has been harvested already, or was abandoned and removed.")
    return pending


def start_check(pending: PendingHarvest):
    return runner.start(
        check_harvest,
        kind=PREVIEW,
        label=f"Check the harvest of {pending.source_name}",
        user=pending.user,
        key=f"{PREVIEW}:{pending.pk}",
        pending_id=pending.pk,
    )


def start_harvest(pending: PendingHarvest):
    """Queues the harvest; raises jobs.runner.AlreadyQueued if this document is being harvested."""
    return runner.start(
        confirm_harvest,
        kind=CONFIRM,
        label=f"Harvest {pending.source_name}",
        user=pending.user,
        key=f"{CONFIRM}:{pending.pk}",
        pending_id=pending.pk,
    )
