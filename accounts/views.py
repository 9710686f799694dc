from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.models import Entry
from editing.kinds import KINDS
from people.models import Researcher

from .policy import SUGGESTIBLE, editable_by, is_curator, reviewable_by

# How many of their own entries of each kind the account page lists, most recently changed first.
YOURS_SHOWN = 50


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own entries, what they may suggest, and what waits for their review."""

    user = request.user
    yours = {
        kind: editable_by(user, model.objects.all()).order_by("-updated")[:YOURS_SHOWN]
        for kind, model in KINDS.items()
        if model in SUGGESTIBLE and not is_curator(user)
    }
    waiting = sum(
        reviewable_by(user, model.objects.filter(status=Entry.Status.SUBMITTED)).count()
        for model in KINDS.values()
    )
    context = {
        "profile": Researcher.objects.filter(account=user).first(),
        "yours": {kind: list(entries) for kind, entries in yours.items()},
        "waiting": waiting,
        "may_review": is_curator(user) or user.edited_organisations.exists(),
        "is_curator": is_curator(user),
    }
    return render(request, "accounts/account.html", context)


def locked_out(request: HttpRequest, credentials=None, *args, **kwargs) -> HttpResponse:
    """Shown after too many failed sign-ins in a row (see AXES_* settings)."""
    return render(request, "accounts/locked_out.html", status=429)
