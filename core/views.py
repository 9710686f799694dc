import sqlite3
import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from core.cached_counts import fresh_for, kept
from datasets.models import Dataset
from jobs.health import queue_health
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from themes.models import Theme


def home(request: HttpRequest) -> HttpResponse:
    """The directory in numbers and its recently updated datasets, real ones before the fictional samples;
    the numbers are kept in the cache until the directory changes (five counts, tens of milliseconds at
    national scale), except for signed-in people."""
    counts = kept("home", published_totals, fresh=fresh_for(request))
    recent_datasets = (
        Dataset.objects.published().with_card_details().order_by("is_sample", "-updated", "pk")[:3]
    )
    return render(request, "core/home.html", {"counts": counts, "recent_datasets": recent_datasets})


def published_totals() -> dict[str, int]:
    """How many published entries of each kind the directory holds (one query per kind)."""
    kinds = {
        "researchers": Researcher,
        "datasets": Dataset,
        "projects": Project,
        "organisations": Organisation,
        "themes": Theme,
    }
    return {name: model.objects.published().count() for name, model in kinds.items()}


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "core/cookies.html")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Both pages are rendered without the database or the session, so they show when those are down.
    if database_unreachable(sys.exc_info()[1]):
        # Restarting, failing over, or the network: say so, and when to come back.
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "10"
        return response
    return render(request, "500.html", status=500)


# PostgreSQL's codes for a lost connection and for a server shutting down or starting up.
CONNECTION_LOST = ("08", "57P01", "57P02", "57P03")
SQLITE_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")


def database_unreachable(error: BaseException | None) -> bool:
    """Whether `error` says the database could not be reached, rather than that a query was wrong or
    slow: only that deserves a 503; a missing table or a statement timeout is a bug to fix (500)."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, DatabaseError):
        return False
    if connection_broken():
        # Whatever psycopg2 called it ("no results to fetch" and the like), the connection is gone.
        return True
    cause = error.__cause__
    if type(error) is DatabaseError:
        # libpq losing the connection in the middle of an answer ("error with status PGRES_TUPLES_OK
        # and no message from the libpq"): no code, because the server never said anything.
        return getattr(cause, "pgcode", "") is None
    if not isinstance(error, OperationalError):
        return False  # the query was wrong (IntegrityError, ProgrammingError…), not the connection
    if isinstance(cause, sqlite3.Error):
        return getattr(cause, "sqlite_errorname", "") in SQLITE_BUSY
    code = getattr(cause, "pgcode", None)
    # psycopg2 gives no code when it cannot connect at all.
    return code is None or code.startswith(CONNECTION_LOST)


def connection_broken() -> bool:
    """Whether a database connection opened for this request has broken (psycopg2 marks a connection
    it found dead as closed; SQLite's never are)."""
    return any(
        getattr(database.connection, "closed", 0) for database in connections.all(initialized_only=True)
    )


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: whether the database and the cache answer, and nothing else.

    "database" is whether the primary, and the read replica if there is one, answer: without either the
    node cannot serve pages (503). A cache outage only switches caching and rate limits off, so the
    node stays in service. "worker_seen" says whether a background worker asked for work within
    JOBS_WORKER_SEEN_WITHIN seconds, and "oldest_queued_job_seconds" how long the oldest waiting job has
    waited (null when none waits).
    """
    checks = {"database": all(database_answers(alias) for alias in connections), "cache": cache_answers()}
    # Background work is reported, never a reason to take the node out of service.
    jobs = queue_health() if checks["database"] else {}
    return JsonResponse({**checks, **jobs}, status=200 if checks["database"] else 503)


def database_answers(alias: str) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except (DatabaseError, InterfaceError):
        return False


def cache_answers() -> bool:
    key = f"health:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=5)
        answered = cache.get(key) == "ok"
        cache.delete(key)
        return answered
    except Exception:  # any cache backend's own connection error
        return False
