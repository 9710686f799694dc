"""Harvesting, for curators: datasets from CKAN or DCAT documents, researchers from ORCID.

Each is a form, a preview of every change (nothing saved yet), then a confirmation that saves
everything at once. Checking and saving are background jobs (harvest/tasks.py): the pages queue them
and show their progress.
"""

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.decorators import curator_required
from jobs.models import Job
from jobs.runner import AlreadyQueued

from . import researchers, tasks
from .forms import HarvestForm, OrcidForm
from .importer import Outcome
from .models import PendingHarvest, Source
from .orcid import OrcidProblem

ABANDONED_AFTER = timedelta(days=1)


def forget_abandoned_harvests(user) -> None:
    """Documents a curator never confirmed are not kept for ever."""
    PendingHarvest.objects.filter(user=user, created__lt=timezone.now() - ABANDONED_AFTER).delete()


def own_pending(request: HttpRequest, pk: int, orcid: bool) -> PendingHarvest:
    sources = [Source.ORCID] if orcid else [Source.CKAN, Source.DCAT]
    return get_object_or_404(PendingHarvest, pk=pk, user=request.user, source__in=sources)


@curator_required
def upload(request: HttpRequest) -> HttpResponse:
    form = HarvestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        forget_abandoned_harvests(request.user)
        pending = PendingHarvest.objects.create(
            user=request.user,
            source=form.cleaned_data["source"],
            source_name=form.cleaned_data["source_name"],
            text=form.cleaned_data["document"],
        )
        tasks.start_check(pending)
        return redirect(pending)
    context = {"form": form, "max_bytes": settings.IMPORT_MAX_BYTES}
    # A refused document (too big, not JSON or Turtle, not a catalogue) is shown again with the reasons.
    return render(request, "harvest/upload.html", context, status=400 if request.method == "POST" else 200)


def latest_job(pending: PendingHarvest, kind: str) -> Job | None:
    """Queries the database."""
    return Job.objects.filter(kind=kind, arguments__pending_id=pending.pk).order_by("-created").first()


@curator_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending(request, pk, orcid=False)
    if pending.preview is None:
        # Still being checked (or the check failed): its progress, with a link to refresh.
        job = latest_job(pending, tasks.PREVIEW) or tasks.start_check(pending)
        context = {
            "job": job,
            "title": f"Checking the harvest of {pending.source_name}",
            "crumb": "Check the harvest",
            "lede": "Every dataset is being checked as the harvest would save it.",
            "preview_url": pending.get_absolute_url(),
            "preview_label": "See what the harvest would do",
        }
        return render(request, "jobs/checking.html", context)
    context = {
        "pending": pending,
        "outcome": importer_outcome(pending),
        "harvesting": latest_job(pending, tasks.CONFIRM),
    }
    return render(request, "harvest/preview.html", context)


def importer_outcome(pending: PendingHarvest) -> Outcome:
    return Outcome.from_json(pending.preview)


@require_POST
@curator_required
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending(request, pk, orcid=False)
    if pending.preview is None:
        return redirect(pending)  # nothing to harvest until the check has run
    outcome = importer_outcome(pending)
    if outcome.problems:
        context = {"pending": pending, "outcome": outcome}
        return render(request, "harvest/preview.html", context, status=400)
    try:
        job = tasks.start_harvest(pending)
    except AlreadyQueued as queued:
        job = queued.job
    return redirect(job)


@curator_required
def orcid(request: HttpRequest) -> HttpResponse:
    fetching = settings.ORCID_FETCH_ENABLED
    form = OrcidForm(request.POST or None, fetching=fetching)
    if request.method == "POST" and form.is_valid():
        orcid_id, text = form.cleaned_data["orcid"], form.cleaned_data["record"]
        try:
            if text.strip():
                # A pasted record is read at once, so that one that cannot be read is said next to it.
                researchers.run(text, orcid_id, request.user, commit=False)
        except OrcidProblem as problem:
            form.add_error("record", str(problem))
        else:
            forget_abandoned_harvests(request.user)
            # Without a pasted record, the check job fetches it from ORCID.
            pending = PendingHarvest.objects.create(
                user=request.user, source=Source.ORCID, source_name=orcid_id, text=text
            )
            tasks.start_orcid_check(pending)
            return redirect(pending)
    context = {"form": form, "fetching": fetching}
    return render(request, "harvest/orcid.html", context, status=400 if request.method == "POST" else 200)


@curator_required
def orcid_preview(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending(request, pk, orcid=True)
    if pending.preview is None:
        # Still being fetched and checked (or that failed): its progress, with a link to refresh.
        job = latest_job(pending, tasks.ORCID_CHECK) or tasks.start_orcid_check(pending)
        context = {
            "job": job,
            "title": f"Checking the ORCID record of {pending.source_name}",
            "crumb": "Check the record",
            "lede": "The record is being fetched and compared with the directory.",
            "preview_url": pending.get_absolute_url(),
            "preview_label": "See what the record would change",
        }
        return render(request, "jobs/checking.html", context)
    outcome = researchers.run(pending.text, pending.source_name, request.user, commit=False)
    context = {"pending": pending, "outcome": outcome, "importing": latest_job(pending, tasks.ORCID_CONFIRM)}
    return render(request, "harvest/orcid_preview.html", context)


@require_POST
@curator_required
def orcid_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending(request, pk, orcid=True)
    if pending.preview is None:
        return redirect(pending)  # nothing to save until the check has run
    outcome = researchers.run(pending.text, pending.source_name, request.user, commit=False)
    if outcome.problems:
        return render(
            request, "harvest/orcid_preview.html", {"pending": pending, "outcome": outcome}, status=400
        )
    try:
        job = tasks.start_orcid_import(pending)
    except AlreadyQueued as queued:
        job = queued.job
    return redirect(job)
