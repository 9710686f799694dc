import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from themes.models import Theme


def home(request: HttpRequest) -> HttpResponse:
    counts = {
        "researchers": Researcher.objects.published().count(),
        "datasets": Dataset.objects.published().count(),
        "projects": Project.objects.published().count(),
        "organisations": Organisation.objects.published().count(),
        "themes": Theme.objects.published().count(),
    }
    recent_datasets = Dataset.objects.published().with_card_details().order_by("-updated", "pk")[:3]
    return render(request, "core/home.html", {"counts": counts, "recent_datasets": recent_datasets})


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Both pages are rendered without the database or the session, so they show when those are down.
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        # The database is unreachable (restarting, failing over): say so, and when to come back.
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "10"
        return response
    return render(request, "500.html", status=500)


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: whether the database and the cache answer, and nothing else.

    503 when the database does not answer (the node cannot serve pages); the cache being down only
    makes pages slower, so the node stays in service.
    """
    checks = {"database": database_answers(), "cache": cache_answers()}
    return JsonResponse(checks, status=200 if checks["database"] else 503)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
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
