"""Rate limits on what is costly or abused (sign-in, search, autocomplete, introductions).

Counts are kept in the cache (Redis in production), so they hold across every process and machine
serving the portal. The rates are settings (RATE_LIMITS), read on each request so they can be tuned.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit


def rate(group: str, request: HttpRequest) -> str:
    return settings.RATE_LIMITS[group]


def limited(group: str, methods: Iterable[str] = ratelimit.ALL) -> Callable:
    """Refuses a client's requests to a view beyond the group's rate, with a 429 answer."""
    return ratelimit(group=group, key="core.clients.client_ip_key", rate=rate, method=methods, block=True)


def too_many_requests(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": "Too many requests: wait a minute and try again."}, status=429)
    else:
        response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
