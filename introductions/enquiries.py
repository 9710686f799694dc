"""Enquiries about datasets, for the people who answer them: a custodian's organisation editors see the
open enquiries about its datasets and mark them answered (curators see every custodian's)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.policy import is_curator, reviewable_by
from datasets.models import Dataset
from organisations.models import Organisation

from .models import IntroductionRequest

PAGE_SIZE = 25


def answerable_by(user) -> QuerySet:
    """The enquiries `user` may read and answer: those sent about datasets whose custodian they edit."""
    datasets = reviewable_by(user, Dataset.objects.all()).values("pk")
    return IntroductionRequest.objects.filter(
        dataset__in=datasets, outcome=IntroductionRequest.Outcome.SENT
    ).select_related("dataset", "answered_by")


def require_answerer(user) -> None:
    """Only curators and organisation editors have enquiries to answer."""
    if not (is_curator(user) or Organisation.objects.filter(editors=user).exists()):
        raise PermissionDenied


@login_required
def enquiry_list(request: HttpRequest) -> HttpResponse:
    """Open enquiries, oldest first (they have waited longest); `?show=answered` for the answered ones."""
    require_answerer(request.user)
    showing_answered = request.GET.get("show") == "answered"
    enquiries = answerable_by(request.user).filter(answered__isnull=not showing_answered)
    enquiries = (
        enquiries.order_by("-answered", "pk") if showing_answered else enquiries.order_by("created", "pk")
    )
    page = Paginator(enquiries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "introductions/enquiries.html",
        {
            "page": page,
            "showing_answered": showing_answered,
            "page_query": "show=answered" if showing_answered else "",
        },
    )


@login_required
@require_POST
def mark_answered(request: HttpRequest, pk: int) -> HttpResponse:
    enquiry = get_object_or_404(answerable_by(request.user), pk=pk)
    if enquiry.answered is None:
        enquiry.answered, enquiry.answered_by = timezone.now(), request.user
        enquiry.save(update_fields=["answered", "answered_by"])
    messages.success(
        request, f"The enquiry from {enquiry.requester_name} about “{enquiry.dataset}” is marked answered."
    )
    return redirect("introductions:enquiries")
