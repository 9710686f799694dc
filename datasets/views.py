from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.listing import filtered_list
from core.models import Entry
from core.visibility import visible_entry
from people.models import Researcher
from projects.models import DatasetUsage, Membership
from themes.models import Theme

from .filters import DatasetFilter
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
        ),
        slug=slug,
    )
    usages = DatasetUsage.objects.filter(
        dataset=dataset, project__status=Entry.Status.PUBLISHED
    ).select_related("project")
    worked_with_it = Membership.objects.filter(
        researcher=OuterRef("pk"), project__status=Entry.Status.PUBLISHED, project__usages__dataset=dataset
    )
    people = Researcher.objects.published().filter(Exists(worked_with_it)).select_related("organisation")
    return render(
        request,
        "datasets/dataset_detail.html",
        {"dataset": dataset, "usages": usages, "people": people},
    )
