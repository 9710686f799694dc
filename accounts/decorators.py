"""View decorators that ask accounts.policy."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from .policy import is_curator


def curator_required(view):
    """Anonymous visitors are sent to sign in; signed-in people who are not curators are refused (403)."""

    @login_required
    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs):
        if not is_curator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked
