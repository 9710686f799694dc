from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/account.html")


def locked_out(request: HttpRequest, credentials=None, *args, **kwargs) -> HttpResponse:
    """Shown after too many failed sign-ins in a row (see AXES_* settings)."""
    return render(request, "accounts/locked_out.html", status=429)
