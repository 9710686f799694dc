"""The curator's job list, one job's progress (as a page and as JSON for the progress bar), cancelling."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.decorators import curator_required

from . import runner
from .models import Job
from .registry import startable, task_for

LIST_LENGTH = 50


def visible_job(request: HttpRequest, pk: int) -> Job:
    """The job, if the person asking started it or is a curator; otherwise 404."""
    return get_object_or_404(Job.objects.visible_to(request.user).select_related("user"), pk=pk)


@never_cache
@curator_required
def job_list(request: HttpRequest) -> HttpResponse:
    runner.reap_lost()
    jobs = Job.objects.select_related("user")[:LIST_LENGTH]
    return render(request, "jobs/job_list.html", {"jobs": jobs, "startable": startable()})


@require_POST
@curator_required
def start(request: HttpRequest, kind: str) -> HttpResponse:
    """A curator starts one of the daily jobs now (link check, reminders, digests, reindexing)."""
    entry = startable().get(kind)
    if entry is None:
        raise Http404
    try:
        job = runner.start(entry.task, kind=kind, label=entry.label, user=request.user, key=kind)
    except runner.AlreadyQueued as queued:
        job = queued.job
    return redirect(job)


@never_cache
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    runner.reap_lost()
    return render(request, "jobs/job_detail.html", {"job": visible_job(request, pk)})


@never_cache
@login_required
def status(request: HttpRequest, pk: int) -> JsonResponse:
    """What the progress bar shows, polled by static/js/jobs.js."""
    runner.reap_lost()
    return JsonResponse(visible_job(request, pk).as_json())


@require_POST
@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    runner.cancel(visible_job(request, pk))
    return redirect("jobs:detail", pk=pk)


@require_POST
@login_required
def run_again(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job(request, pk)
    task = task_for(job.kind)
    if task is None or job.state not in (Job.State.FAILED, Job.State.CANCELLED):
        raise Http404
    try:
        again = runner.run_again(job, task)
    except runner.AlreadyQueued as queued:
        again = queued.job
    return redirect(again)
