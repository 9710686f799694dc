"""Bulk import from CSV, for curators: upload, preview every row, then confirm.

Checking and importing a file run as background jobs (transfer/tasks.py): the pages only queue them
and show their progress.
"""

from datetime import timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.decorators import curator_required
from jobs.models import Job
from jobs.runner import AlreadyQueued

from . import tasks
from .columns import CLEAR, COLUMNS
from .csvfile import csv_response
from .forms import UploadForm
from .importer import Outcome
from .models import PendingImport, digest_of

ABANDONED_AFTER = timedelta(days=1)
PREVIEW_ROWS_PER_PAGE = 100


def forget_abandoned_imports(user) -> None:
    """Uploads a curator never confirmed are not kept for ever."""
    PendingImport.objects.filter(user=user, created__lt=timezone.now() - ABANDONED_AFTER).delete()


def own_pending_import(request: HttpRequest, pk: int) -> PendingImport:
    return get_object_or_404(PendingImport, pk=pk, user=request.user)


@curator_required
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, initial={"kind": request.GET.get("kind")})
    if request.method == "POST" and form.is_valid():
        forget_abandoned_imports(request.user)
        pending = PendingImport.objects.create(
            user=request.user,
            kind=form.cleaned_data["kind"],
            file_name=form.cleaned_data["file"].name[:255],
            text=form.cleaned_data["text"],
            encoding=form.cleaned_data["encoding"],
            digest=digest_of(form.cleaned_data["text"]),
        )
        tasks.start_check(pending)
        return redirect(pending)
    kinds = [(kind, label, COLUMNS[kind]) for kind, label in PendingImport.Kind.choices]
    return render(
        request,
        "transfer/upload.html",
        {"form": form, "kinds": kinds, "max_bytes": settings.IMPORT_MAX_BYTES, "clear": CLEAR},
        # A refused upload (too big, not CSV, wrong columns) is shown again with the reasons.
        status=400 if request.method == "POST" else 200,
    )


@curator_required
def template(request: HttpRequest, kind: str) -> StreamingHttpResponse:
    """An empty CSV file with the header row for `kind`, to fill in a spreadsheet."""
    if kind not in COLUMNS:
        raise Http404
    header = [column.name for column in COLUMNS[kind] if column.imported]
    return csv_response(f"{kind}-import-template.csv", header, [])


def latest_job(pending: PendingImport, kind: str) -> Job | None:
    """Queries the database."""
    return Job.objects.filter(kind=kind, arguments__pending_id=pending.pk).order_by("-created").first()


@curator_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending_import(request, pk)
    if pending.preview is None:
        # Still being checked (or the check failed): its progress, with a link to refresh.
        job = latest_job(pending, tasks.PREVIEW)
        if job is None:
            job = tasks.start_check(pending)
        context = {
            "job": job,
            "title": f"Checking {pending.file_name}",
            "crumb": "Check the import",
            "lede": "Every row is being checked as the import would save it.",
            "preview_url": pending.get_absolute_url(),
            "preview_label": "See what the import would do",
        }
        return render(request, "jobs/checking.html", context)
    outcome = Outcome.from_json(pending.preview)
    context = {"pending": pending, "outcome": outcome, "importing": latest_job(pending, tasks.CONFIRM)}
    return render(request, "transfer/preview.html", {**context, **rows_page(request, outcome)})


def rows_page(request: HttpRequest, outcome: Outcome) -> dict:
    """A page of the rows' table (a file may have 45,000), all of them or those with problems only."""
    problem_rows = [row for row in outcome.rows if row.action == "problem"]
    only_problems = request.GET.get("rows") == "problems" and bool(problem_rows)
    rows = problem_rows if only_problems else outcome.rows
    page = Paginator(rows, PREVIEW_ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return {"page": page, "only_problems": only_problems, "problem_rows": len(problem_rows)}


@require_POST
@curator_required
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending_import(request, pk)
    if pending.preview is None or pending.preview["problems"]:
        # Nothing to import until the check has run and found every row right.
        outcome = Outcome.from_json(pending.preview) if pending.preview else None
        if outcome is None:
            return redirect(pending)
        context = {"pending": pending, "outcome": outcome, **rows_page(request, outcome)}
        return render(request, "transfer/preview.html", context, status=400)
    try:
        job = tasks.start_import(pending)
    except AlreadyQueued as queued:
        job = queued.job
    return redirect(job)
