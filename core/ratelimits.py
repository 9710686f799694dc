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


def limited(group: str, methods: Iterable[str] = ratelimit.ALL, answers_json: bool = False) -> Callable:
    """Refuses a client's requests to a view beyond the group's rate, with a 429 answer: in JSON for a view
    that `answers_json` (a script reading it expects JSON), else the 429 page."""
    limit = ratelimit(group=group, key="core.clients.client_ip_key", rate=rate, method=methods, block=True)

    def limiting(view: Callable) -> Callable:
        limited_view = limit(view)
        limited_view.answers_json = answers_json
        return limited_view

    return limiting


def answers_json(request: HttpRequest) -> bool:
    view = getattr(request.resolver_match, "func", None)
    return request.path.startswith("/api/") or getattr(view, "answers_json", False)


def too_many_requests(request: HttpRequest, exception: Exception) -> HttpResponse:
    if answers_json(request):
        response = JsonResponse({"detail": "Too many requests: wait a minute and try again."}, status=429)
    else:
        response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
