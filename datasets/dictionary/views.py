"""A dataset's data dictionary: the searchable table, each variable's page, editing and importing."""

from datetime import timedelta

import reversion
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.policy import is_curator, may_edit_dictionary
from core.cached_counts import fresh_for, kept
from core.visibility import visible_entry
from datasets import tasks
from datasets.models import Dataset, DictionaryTable, PendingDictionaryImport, Variable
from editing import history
from jobs.models import Job
from jobs.runner import AlreadyQueued
from transfer.csvfile import csv_response
from transfer.models import digest_of

from . import chart
from .changes import dictionaries_changed
from .columns import COLUMNS, NAMES
from .formats import MOST_VARIABLES
from .forms import DictionaryUploadForm, TableForm, VariableForm
from .importer import Outcome

VARIABLES_PER_PAGE = 50
ABANDONED_AFTER = timedelta(days=1)


def visible_dataset(request: HttpRequest, slug: str) -> Dataset:
    return visible_entry(request, Dataset.objects.select_related("custodian"), slug=slug)


def editable_dataset(request: HttpRequest, slug: str) -> Dataset:
    """The dataset if the signed-in person may change its dictionary; 403 otherwise (404 if unseen)."""
    dataset = visible_dataset(request, slug)
    if not may_edit_dictionary(request.user, dataset):
        raise PermissionDenied
    return dataset


def measured_grid(dataset: Dataset, fresh: bool = False) -> chart.Grid:
    """What the dataset measured at which ages: one grouped query, however many variables, kept in the
    cache until the directory changes (every change to a dictionary says so: changes.py)."""

    def grouped() -> list[tuple]:
        rows = (
            Variable.objects.filter(dataset=dataset)
            .exclude(ages="")
            .values_list("topic", "theme__name", "ages")
            .annotate(number=Count("pk"))
            .order_by()
        )
        return [tuple(row) for row in rows]

    return chart.grid_of(kept(f"variables:measured:{dataset.pk}", grouped, fresh=fresh))


def dictionary(request: HttpRequest, slug: str) -> HttpResponse:
    """The dataset's variables, searched by name, label or topic and narrowed to a table, 50 a page."""
    dataset = visible_dataset(request, slug)
    variables = Variable.objects.filter(dataset=dataset)
    tables = list(DictionaryTable.objects.filter(dataset=dataset).annotate(size=Count("variables")))
    words = request.GET.get("q", "").strip()[:200]
    table = next((t for t in tables if t.slug == request.GET.get("table")), None)
    shown = variables.matching(words) if words else variables
    if table:
        shown = shown.filter(table=table)
    # Tables are made in the order of their positions, so table then position is dictionary order, read
    # off variable_dictionary_idx rather than sorted (a join on the tables' positions sorts every row).
    ordered = shown.select_related("table", "theme").order_by("table_id", "position", "pk")
    page = Paginator(ordered, VARIABLES_PER_PAGE).get_page(request.GET.get("page"))
    page_query = request.GET.copy()
    page_query.pop("page", None)
    grid = measured_grid(dataset, fresh_for(request))
    return render(
        request,
        "datasets/dictionary/dictionary.html",
        {
            "dataset": dataset,
            "tables": tables,
            "table": table,
            "words": words,
            "page": page,
            "page_query": page_query.urlencode(),
            "grid": grid,
            "chart": chart.svg(grid) if grid else "",
            "may_edit": may_edit_dictionary(request.user, dataset),
        },
    )


def find_variable(dataset: Dataset, table: str, name: str) -> Variable:
    return get_object_or_404(
        Variable.objects.select_related("table", "theme"), dataset=dataset, table__slug=table, name=name
    )


def variable_detail(request: HttpRequest, slug: str, table: str, name: str) -> HttpResponse:
    dataset = visible_dataset(request, slug)
    variable = find_variable(dataset, table, name)
    variable.dataset = dataset
    may_edit = may_edit_dictionary(request.user, dataset)
    return render(
        request,
        "datasets/dictionary/variable_detail.html",
        {
            "dataset": dataset,
            "variable": variable,
            "may_edit": may_edit,
            "versions": history.versions_of(variable).count() if may_edit else 0,
        },
    )


def dictionary_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    """The whole dictionary in the import's columns: edit it in a spreadsheet and import it back."""
    dataset = visible_dataset(request, slug)
    variables = Variable.objects.filter(dataset=dataset).select_related("table").iterator(chunk_size=2000)
    rows = (
        [
            dataset.slug,
            v.table.name,
            v.table.description,
            v.name,
            v.label,
            v.description,
            v.value_type,
            v.unit,
            "; ".join(line.strip() for line in v.values.splitlines() if line.strip()),
            v.topic,
            v.ages,
            v.waves,
            v.coverage_notes,
        ]
        for v in variables
    )
    return csv_response(f"{dataset.slug}-variables.csv", NAMES, rows)


@login_required
def variable_edit(request: HttpRequest, slug: str, table: str = "", name: str = "") -> HttpResponse:
    dataset = editable_dataset(request, slug)
    variable = find_variable(dataset, table, name) if name else None
    form = VariableForm(request.POST or None, instance=variable, dataset=dataset)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if variable is not None:
                # As stored, not as the form has just changed it.
                history.ensure_first_version(Variable.objects.get(pk=variable.pk))
            with reversion.create_revision():
                saved = form.save()
                reversion.set_user(request.user)
                reversion.set_comment("Edited" if variable is not None else "Added")
        dictionaries_changed([dataset.pk])
        messages.success(request, f"Saved {saved.name}.")
        saved.dataset = dataset
        return redirect(saved)
    return render(
        request,
        "datasets/dictionary/variable_form.html",
        {"dataset": dataset, "variable": variable, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def variable_history(request: HttpRequest, slug: str, table: str, name: str) -> HttpResponse:
    """Every recorded version of a variable, newest first, numbered from the first, with what each changed."""
    dataset = editable_dataset(request, slug)
    variable = find_variable(dataset, table, name)
    variable.dataset = dataset
    page, numbered, total = history.numbered_page(variable, request.GET.get("page"))
    return render(
        request,
        "datasets/dictionary/variable_history.html",
        {
            "dataset": dataset,
            "variable": variable,
            "page": page,
            "numbered": numbered,
            "total": total,
            "show_emails": is_curator(request.user),
        },
    )


@require_POST
@login_required
def variable_restore(request: HttpRequest, slug: str, table: str, name: str, version_id: int) -> HttpResponse:
    dataset = editable_dataset(request, slug)
    variable = find_variable(dataset, table, name)
    version = get_object_or_404(history.versions_of(variable), pk=version_id)
    try:
        history.restore(variable, version, request.user)
    except history.RestoreFailed as failed:
        messages.error(request, str(failed))
        return redirect("dictionary:history", dataset.slug, table, name)
    dictionaries_changed([dataset.pk])
    restored = Variable.objects.select_related("table").get(pk=variable.pk)
    restored.dataset = dataset
    messages.success(
        request, f"{restored.name} is back as it was on {version.revision.date_created:%d %B %Y at %H:%M}."
    )
    return redirect(restored)


@login_required
def table_edit(request: HttpRequest, slug: str, table: str) -> HttpResponse:
    """A table's own name and description (its variables are edited one by one)."""
    dataset = editable_dataset(request, slug)
    found = get_object_or_404(DictionaryTable, dataset=dataset, slug=table)
    form = TableForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            history.ensure_first_version(DictionaryTable.objects.get(pk=found.pk))
            with reversion.create_revision():
                saved = form.save()
                reversion.set_user(request.user)
                reversion.set_comment("Edited")
        dictionaries_changed([dataset.pk])
        messages.success(request, f"Saved the table {saved.name}.")
        return redirect(reverse("dictionary:list", args=[dataset.slug]) + f"?table={saved.slug}")
    return render(
        request,
        "datasets/dictionary/table_form.html",
        {"dataset": dataset, "table": DictionaryTable.objects.get(pk=found.pk), "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def variable_delete(request: HttpRequest, slug: str, table: str, name: str) -> HttpResponse:
    dataset = editable_dataset(request, slug)
    variable = find_variable(dataset, table, name)
    variable.delete()
    DictionaryTable.objects.filter(pk=variable.table_id, variables__isnull=True).delete()
    dictionaries_changed([dataset.pk])
    messages.success(request, f"Removed {variable.name} from the data dictionary.")
    return redirect("dictionary:list", slug=dataset.slug)


@login_required
def import_upload(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = editable_dataset(request, slug)
    form = DictionaryUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        PendingDictionaryImport.objects.filter(
            user=request.user, created__lt=timezone.now() - ABANDONED_AFTER
        ).delete()
        upload = form.cleaned_data["file"]
        pending = PendingDictionaryImport.objects.create(
            user=request.user,
            dataset=dataset,
            file_name=upload.name[:255],
            file_format=form.cleaned_data["format"],
            rows=form.cleaned_data["rows"],
            digest=digest_of(f"{dataset.pk}:{form.cleaned_data['rows']}"),
        )
        tasks.start_check(pending)
        return redirect(pending)
    return render(
        request,
        "datasets/dictionary/import_upload.html",
        {
            "dataset": dataset,
            "form": form,
            "columns": COLUMNS,
            "max_bytes": settings.IMPORT_MAX_BYTES,
            "most_variables": f"{MOST_VARIABLES:,}",
        },
        status=400 if request.method == "POST" else 200,
    )


def own_pending(request: HttpRequest, pk: int) -> PendingDictionaryImport:
    return get_object_or_404(
        PendingDictionaryImport.objects.select_related("dataset"), pk=pk, user=request.user
    )


def latest_job(pending: PendingDictionaryImport, kind: str) -> Job | None:
    """Queries the database."""
    return Job.objects.filter(kind=kind, arguments__pending_id=pending.pk).order_by("-created").first()


@login_required
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending(request, pk)
    if pending.preview is None:
        job = latest_job(pending, tasks.PREVIEW) or tasks.start_check(pending)
        return render(
            request,
            "jobs/checking.html",
            {
                "job": job,
                "title": f"Checking {pending.file_name}",
                "crumb": "Check the data dictionary",
                "lede": "Every variable is being checked as the import would save it.",
                "preview_url": pending.get_absolute_url(),
                "preview_label": "See what the import would do",
            },
        )
    return render(
        request,
        "datasets/dictionary/import_preview.html",
        {
            "pending": pending,
            "outcome": Outcome.from_json(pending.preview),
            "importing": latest_job(pending, tasks.CONFIRM),
        },
    )


@require_POST
@login_required
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pending = own_pending(request, pk)
    if pending.preview is None:
        return redirect(pending)
    if pending.preview["problems"]:
        context = {"pending": pending, "outcome": Outcome.from_json(pending.preview)}
        return render(request, "datasets/dictionary/import_preview.html", context, status=400)
    try:
        job = tasks.start_import(pending)
    except AlreadyQueued as queued:
        job = queued.job
    return redirect(job)
