from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.listing import filtered_list
from core.models import Entry
from core.visibility import visible_entry
from people.models import Researcher
from projects.models import DatasetUsage, Membership
from themes.models import Theme

from .filters import DatasetFilter
from .hdruk import hdruk_metadata, published_for_hdruk
from .models import Dataset


def dataset_list(request: HttpRequest) -> HttpResponse:
    datasets = Dataset.objects.published().with_card_details()
    return filtered_list(request, DatasetFilter, datasets, "datasets/dataset_list.html")


def dataset_detail(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = visible_entry(
        request,
        Dataset.objects.all()
        .select_related("custodian")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.published()),
            "areas",
            "identifiers",
            Prefetch("linked_datasets", queryset=Dataset.objects.published()),
            "access_steps",
            "observations",
        ),
        slug=slug,
    )
    usages = DatasetUsage.objects.filter(
        dataset=dataset, project__status=Entry.Status.PUBLISHED
    ).select_related("project")
    return render(
        request,
        "datasets/dataset_detail.html",
        {"dataset": dataset, "usages": usages, "knowers": people_who_know(dataset)},
    )


# The most project roles a dataset page lists for the people who know the data, so a famous dataset's
# page stays small.
MOST_KNOWERS = 50


def people_who_know(dataset: Dataset) -> list[tuple[Researcher, list[Membership]]]:
    """The people on published projects that used the dataset, each once, with their role on each of
    those projects (one query)."""
    published = Entry.Status.PUBLISHED
    memberships = (
        Membership.objects.filter(
            researcher__status=published, project__status=published, project__usages__dataset=dataset
        )
        .select_related("researcher__organisation", "project")
        .order_by("researcher__name", "researcher__pk", "project__title")[:MOST_KNOWERS]
    )
    people: dict[int, tuple[Researcher, list[Membership]]] = {}
    for membership in memberships:
        people.setdefault(membership.researcher_id, (membership.researcher, []))[1].append(membership)
    return list(people.values())


@require_safe
def dataset_hdruk(request: HttpRequest, slug: str) -> JsonResponse:
    """The dataset in the HDR UK metadata schema 3.0.0 (datasets.hdruk); published datasets only."""
    dataset = get_object_or_404(published_for_hdruk(), slug=slug)
    response = JsonResponse(
        hdruk_metadata(dataset, request.build_absolute_uri), json_dumps_params={"indent": 2}
    )
    # Open metadata, as the DCAT descriptions are: tools on other sites may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response
