from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.decorators import curator_required
from accounts.policy import Action, can
from core.navigation import posted_next
from editing.kinds import model_for

from .dashboard import dashboard_context


@curator_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """What needs a curator's attention: stale, incomplete and broken entries."""
    return render(request, "curation/dashboard.html", dashboard_context(request))


@require_POST
def confirm_reviewed(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    """Someone who may edit the entry confirms it is still correct and current."""
    entry = get_object_or_404(model_for(kind), slug=slug)
    if not can(request.user, Action.EDIT, entry):
        if not can(request.user, Action.VIEW, entry):
            raise Http404("No such entry.")  # a hidden entry answers as a missing one does
        raise PermissionDenied
    if not entry.is_published:
        # Only a published entry is due for review; confirming a suggestion would mark it reviewed
        # without anyone reviewing it, taking it off the review queue and out of its author's hands.
        return HttpResponseBadRequest("Only a published entry can be confirmed as correct and current.")
    # An update, not a save: confirming changes no content, so `updated` (the version an open edit
    # form started from) must stay as it is, or that form's next save would be refused as a clash.
    type(entry).objects.filter(pk=entry.pk).update(last_reviewed=timezone.now())
    messages.success(request, f"Thank you: “{entry}” is confirmed as correct for another year.")
    return redirect(posted_next(request, entry.get_absolute_url()))
