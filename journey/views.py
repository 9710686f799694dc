"""A visitor's journey to data: collect datasets, then see the combined route to getting them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.navigation import posted_next
from datasets.models import Dataset
from transfer.csvfile import csv_response

from . import basket
from .graph import linkage_svg
from .route import route_for


def journey(request: HttpRequest) -> HttpResponse:
    route = route_for(basket.slugs_in(request))
    return render(request, "journey/journey.html", {"route": route, "graph": linkage_svg(route)})


@require_POST
def add(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = get_object_or_404(Dataset.objects.published(), slug=slug)
    if basket.add(request, slug):
        messages.success(request, f"“{dataset}” is in your data journey.")
    else:
        messages.error(
            request, f"Your data journey holds {basket.MOST_DATASETS} datasets at most. Remove one first."
        )
    return redirect(posted_next(request, dataset.get_absolute_url()))


@require_POST
def remove(request: HttpRequest, slug: str) -> HttpResponse:
    basket.remove(request, slug)
    return redirect(posted_next(request, "journey:journey"))


@require_POST
def clear(request: HttpRequest) -> HttpResponse:
    basket.empty(request)
    messages.success(request, "Your data journey is empty again.")
    return redirect("journey:journey")


def summary_csv(request: HttpRequest):
    """The route as a spreadsheet to take into a project plan."""
    route = route_for(basket.slugs_in(request))
    header = [
        "Dataset",
        "Custodian",
        "Access level",
        "Trusted research environment",
        "Time to access",
        "How to get access",
        "Access application page",
        "Linked already with",
        "Shares identifiers with",
        "Web address",
    ]
    rows = []
    for dataset in route.datasets:
        linked = [
            other_side(link, dataset).title
            for link in route.links
            if dataset in (link.first, link.second) and link.already_linked
        ]
        shared = [
            f"{other_side(link, dataset).title} ({', '.join(link.identifiers)})"
            for link in route.links
            if dataset in (link.first, link.second) and link.identifiers
        ]
        custodian = dataset.custodian.name if dataset.custodian.is_published else ""
        rows.append(
            [
                dataset.title,
                custodian,
                dataset.get_access_level_display(),
                dataset.trusted_research_environment,
                dataset.time_to_access,
                dataset.access_instructions,
                dataset.access_url,
                "; ".join(linked),
                "; ".join(shared),
                request.build_absolute_uri(dataset.get_absolute_url()),
            ]
        )
    return csv_response("data-journey.csv", header, rows)


def other_side(link, dataset):
    return link.second if link.first == dataset else link.first
