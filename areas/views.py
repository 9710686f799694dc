from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.cached_counts import fresh_for
from core.queries import preview
from coverage.counts import kept_tally
from datasets.models import Dataset

from .models import Area


def area_list(request: HttpRequest) -> HttpResponse:
    """Every area with its number of local datasets: the coverage map's counts (kept in the cache)."""
    per_area, national_count = kept_tally(Dataset.objects.published(), {}, fresh_for(request))
    areas = list(Area.objects.order_by("region", "name"))
    for area in areas:
        area.dataset_count = per_area.get(area.pk, (0, 0))[0]
    regions = [
        (label, [area for area in areas if area.region == code]) for code, label in Area.Region.choices
    ]
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
    # The totals are the coverage map's, kept in the cache until the directory changes.
    per_area, national_count = kept_tally(Dataset.objects.published(), {}, fresh_for(request))
    return render(
        request,
        "areas/area_detail.html",
        {
            "area": area,
            "local_datasets": preview(
                published.filter(areas=area), limit=24, total=per_area.get(area.pk, (0, 0))[0]
            ),
            "national_datasets": preview(
                published.filter(coverage_scope__in=Dataset.NATIONAL_SCOPES), total=national_count
            ),
            "organisations": area.organisations.published(),
            "aliases": area.aliases.all(),
        },
    )
