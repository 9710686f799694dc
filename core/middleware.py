"""Middleware for running the portal on several machines: request ids, one log line per request,
and which database a request may read from."""

import logging
import re
import time
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import URLResolver, get_resolver

from core.clients import client_ip

logger = logging.getLogger("portal.request")

# The id of the request being served, for every log line written while serving it.
current_request_id: ContextVar[str] = ContextVar("current_request_id", default="-")
# Whether the request may read from a read replica (see core.routers).
replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)

# A proxy's id is kept only when it looks like one, so a client cannot write into our logs.
PROXY_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Parts of addresses that work as passwords (password reset, one-click unsubscribe).
SECRET_URL_PARTS = {"token", "uidb64"}


def loggable_path(request: HttpRequest) -> str:
    """The address's path for the logs: never its query string (searches may hold names or email
    addresses), and for addresses carrying a secret, the pattern instead of the secret."""
    match = getattr(request, "resolver_match", None)
    if match and SECRET_URL_PARTS & match.kwargs.keys():
        return "/" + match.route
    if match is None:
        # An address that resolved to nothing (a secret link without its last slash, or with a
        # character too many) may still carry the secret: keep only what comes before it.
        for prefix in secret_url_prefixes():
            if request.path.startswith(prefix):
                return prefix + "…"
    return request.path


@cache
def secret_url_prefixes() -> tuple[str, ...]:
    """The fixed beginnings of the addresses whose patterns carry a secret, such as
    `/accounts/password-reset/` for `/accounts/password-reset/<uidb64>/<token>/`."""
    return tuple(sorted(set(_secret_prefixes(get_resolver().url_patterns, "/")), key=len, reverse=True))


def _secret_prefixes(patterns, prefix: str) -> Iterator[str]:
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _secret_prefixes(pattern.url_patterns, prefix + route)
        elif any(re.search(rf"<(\w+:)?{part}>", route) for part in SECRET_URL_PARTS):
            yield prefix + route.split("<", 1)[0]


class RequestLogMiddleware:
    """Gives each request an id (the reverse proxy's X-Request-ID when it sent a sensible one), returns
    it in the response, and writes one log line per request with its outcome and duration."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Only our own proxy's id is trusted: a client could otherwise pick ids to muddle the logs.
        offered = request.headers.get("X-Request-ID", "") if settings.TRUSTED_PROXY_COUNT else ""
        request_id = offered if PROXY_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
        token = current_request_id.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": loggable_path(request),
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "client": client_ip(request),
                },
            )
            return response
        finally:
            current_request_id.reset(token)


class ReplicaMiddleware:
    """Lets visitors' plain page views read from the read replica (core.routers). A change, or anyone
    with a session, reads the primary, so people always see what they have just saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = replica_allowed.set(
            request.method in SAFE_METHODS and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        try:
            return self.get_response(request)
        finally:
            replica_allowed.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds the current request's id to every log record, so lines from several nodes can be joined.

    Django's own records of failed requests carry the request, which would be written out with its
    query string; they keep only its method and loggable path.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            path = loggable_path(request)
            record.request = f"{request.method} {path}"
            if isinstance(record.args, tuple):
                record.args = tuple(path if arg == request.path else arg for arg in record.args)
        return True
