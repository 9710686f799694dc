"""Bulk import from CSV, for curators: upload, preview every row, then confirm."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.decorators import curator_required

from . import importer
from .columns import COLUMNS
from .csvfile import csv_response
from .forms import UploadForm
from .models import PendingImport

ABANDONED_AFTER = timedelta(days=1)


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
        )
        return redirect(pending)
    kinds = [(kind, label, COLUMNS[kind]) for kind, label in PendingImport.Kind.choices]
    return render(
        request,
        "transfer/upload.html",
        {"form": form, "kinds": kinds, "max_bytes": settings.IMPORT_MAX_BYTES},
        # A refused upload (too big, not CSV, wrong columns) is shown again with the reasons.
        status=400 if request.method == "POST" else 200,
    )


@curator_required
def template(request: HttpRequest, kind: str) -> StreamingHttpResponse:
    """An empty CSV file with the header row for `kind`, to fill in a spreadsheet."""
    if kind not in COLUMNS:
        raise Http404
    return csv_response(f"{kind}-import-template.csv", [column.name for column in COLUMNS[kind]], [])


@curator_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending_import(request, pk)
    outcome = importer.run(pending, request.user, commit=False)
    return render(request, "transfer/preview.html", {"pending": pending, "outcome": outcome})


@require_POST
@curator_required
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending_import(request, pk)
    outcome = importer.run(pending, request.user, commit=True)
    if not outcome.imported:
        # The directory changed since the preview in a way that makes a row invalid.
        return render(request, "transfer/preview.html", {"pending": pending, "outcome": outcome}, status=400)
    pending.delete()
    messages.success(
        request,
        f"Imported {pending.file_name}: {outcome.created} created and {outcome.updated} updated "
        f"{pending.get_kind_display().lower()}.",
    )
    return redirect("transfer:upload")
