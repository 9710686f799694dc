"""Harvests' background work, as transfer/tasks.py does for a CSV file (the shape is jobs/staged.py):
a CKAN or DCAT document checked (the preview) and harvested (the confirm); a researcher's ORCID record
fetched and checked, then saved."""

from django.urls import reverse
from django_tasks import task

from jobs import runner, staged
from jobs.registry import register
from transfer.reading import FileProblem

from . import importer, researchers
from .models import PendingHarvest
from .orcid import OrcidProblem, fetch_record

PREVIEW, CONFIRM = "harvest-preview", "harvest-confirm"


DOCUMENTS = staged.Pending(
    PendingHarvest,
    gone="This document has been harvested already, or was abandoned and removed.",
    next_label="See what the harvest would do",
)


@register(PREVIEW)
@task()
def check_harvest(job_id: int, pending_id: int) -> str:
    """Checks every dataset as the harvest would save it, keeping what it would do for the preview page."""

    def work(pending: PendingHarvest, progress: runner.Progress) -> staged.Checked:
        outcome = harvest(pending, commit=False, progress=progress)
        verdict = staged.verdict(outcome.problems, outcome.summary)
        summary = f"Checked {len(outcome.results):,} datasets of {pending.source_name}: {verdict}."
        return staged.Checked(outcome.as_json(), summary)

    return DOCUMENTS.check(job_id, pending_id, work)


@register(CONFIRM)
@task()
def confirm_harvest(job_id: int, pending_id: int) -> str:
    """Harvests every dataset in one transaction: a failure, a cancel or a killed worker saves nothing."""

    def work(pending: PendingHarvest, progress: runner.Progress) -> staged.Saved:
        outcome = harvest(pending, commit=True, progress=progress)
        if not outcome.imported:
            raise staged.ChangedSinceCheck(
                outcome.as_json(),
                "Nothing was harvested: the directory changed since the check, and these datasets are no "
                "longer right. " + " ".join(outcome.problems[:20]),
            )
        summary = (
            f"Harvested {pending.source_name}: {outcome.count('create')} created, {outcome.count('update')} "
            f"updated and {outcome.count('unchanged')} unchanged datasets."
        )
        return staged.Saved(
            summary, {"next_url": reverse("harvest:upload"), "next_label": "Harvest another document"}
        )

    return DOCUMENTS.confirm(job_id, pending_id, work)


def harvest(pending: PendingHarvest, commit: bool, progress: runner.Progress) -> importer.Outcome:
    try:
        return importer.run(
            pending.text, pending.source, pending.source_name, pending.user, commit=commit, progress=progress
        )
    except FileProblem as problem:  # only if the limits changed since the upload
        raise runner.JobFailed(" ".join(problem.messages)) from None


def start_check(pending: PendingHarvest):
    return DOCUMENTS.start(check_harvest, PREVIEW, f"Check the harvest of {pending.source_name}", pending)


def start_harvest(pending: PendingHarvest):
    """Queues the harvest; raises jobs.runner.AlreadyQueued if this document is being harvested."""
    return DOCUMENTS.start(confirm_harvest, CONFIRM, f"Harvest {pending.source_name}", pending)


# A researcher from their ORCID record: fetched (where switched on) and checked, then saved.

ORCID_CHECK, ORCID_CONFIRM = "orcid-preview", "orcid-confirm"
RECORDS = staged.Pending(
    PendingHarvest,
    gone="This ORCID record has been imported already, or was abandoned and removed.",
    next_label="See what the record would change",
)


@register(ORCID_CHECK)
@task()
def check_orcid(job_id: int, pending_id: int) -> str:
    """Fetches the record from ORCID unless it was pasted, and works out what it would change."""

    def work(pending: PendingHarvest, progress: runner.Progress) -> staged.Checked:
        orcid = pending.source_name
        if not pending.text.strip():
            progress.stage("Fetching the record from ORCID")
            pending.text = orcid_record(lambda: fetch_record(orcid))
            PendingHarvest.objects.filter(pk=pending.pk).update(text=pending.text)
        progress.stage("Checking the record")
        outcome = orcid_record(lambda: researchers.run(pending.text, orcid, pending.user, commit=False))
        would = {
            "create": "a new researcher, as a draft",
            "update": f"an update of {outcome.researcher}",
            "unchanged": f"{outcome.researcher} already matches it",
        }.get(outcome.action, "")
        summary = f"Checked the ORCID record of {orcid}: {staged.verdict(outcome.problems, would)}."
        return staged.Checked({"action": outcome.action}, summary)

    return RECORDS.check(job_id, pending_id, work)


@register(ORCID_CONFIRM)
@task()
def confirm_orcid(job_id: int, pending_id: int) -> str:
    """Creates or updates the researcher, with a version saying it came from ORCID."""

    def work(pending: PendingHarvest, progress: runner.Progress) -> staged.Saved:
        orcid = pending.source_name
        outcome = orcid_record(lambda: researchers.run(pending.text, orcid, pending.user, commit=True))
        if outcome.problems:
            raise staged.ChangedSinceCheck(
                {"action": "problem"},
                "Nothing was saved: the directory changed since the check. " + " ".join(outcome.problems),
            )
        researcher = outcome.researcher
        if outcome.action == "unchanged":
            summary = f"{researcher} already matched their ORCID record; nothing changed."
        else:
            summary = f"{'Created' if outcome.action == 'create' else 'Updated'} {researcher} from ORCID."
        return staged.Saved(
            summary, {"next_url": researcher.get_absolute_url(), "next_label": f"See {researcher}"}
        )

    return RECORDS.confirm(job_id, pending_id, work)


def orcid_record(reading):
    """`reading()`, with a record that cannot be fetched or read failing the job with the reason."""
    try:
        return reading()
    except OrcidProblem as problem:
        raise runner.JobFailed(str(problem)) from None


def start_orcid_check(pending: PendingHarvest):
    return RECORDS.start(
        check_orcid, ORCID_CHECK, f"Check the ORCID record of {pending.source_name}", pending
    )


def start_orcid_import(pending: PendingHarvest):
    """Queues the import; raises jobs.runner.AlreadyQueued if this record is being imported."""
    label = f"Import the ORCID record of {pending.source_name}"
    return RECORDS.start(confirm_orcid, ORCID_CONFIRM, label, pending)
