from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

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
    # Rendered without context processors' database work, so it still shows when the database is down.
    return render(request, "500.html", status=500)
