from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.models import Entry
from core.queries import preview, subquery_count
from datasets.models import Dataset

from .models import Area


def area_list(request: HttpRequest) -> HttpResponse:
    listing = Dataset.areas.through.objects.filter(dataset__status=Entry.Status.PUBLISHED)
    areas = Area.objects.annotate(dataset_count=subquery_count(listing, "area")).order_by("region", "name")
    regions = [
        (label, [area for area in areas if area.region == code]) for code, label in Area.Region.choices
    ]
    national_count = Dataset.objects.published().filter(coverage_scope__in=Dataset.NATIONAL_SCOPES).count()
    return render(request, "areas/area_list.html", {"regions": regions, "national_count": national_count})


def area_detail(request: HttpRequest, code: str) -> HttpResponse:
    areas = list(Area.objects.for_code(code))
    if len(areas) == 1 and areas[0].code != code:
        return redirect(areas[0], permanent=True)
    if len(areas) != 1:
        # An unknown code, or a retired county code now split between several areas.
        return render(request, "areas/area_not_found.html", {"code": code, "areas": areas}, status=404)
    area = areas[0]
    published = Dataset.objects.published().with_card_details()
    return render(
        request,
        "areas/area_detail.html",
        {
            "area": area,
            "local_datasets": preview(published.filter(areas=area), limit=24),
            "national_datasets": preview(published.filter(coverage_scope__in=Dataset.NATIONAL_SCOPES)),
            "organisations": area.organisations.published(),
            "aliases": area.aliases.all(),
        },
    )
