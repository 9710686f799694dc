from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.listing import filtered_list
from core.visibility import visible_entry

from .filters import OpportunityFilter
from .models import Opportunity


def opportunity_list(request: HttpRequest, **kwargs) -> HttpResponse:
    """The open opportunities, soonest closing first, with filters that work as a plain form."""
    if "format" in request.GET:
        # No CSV of opportunities: the page is the list. A stray ?format= shows the page.
        request.GET = request.GET.copy()
        request.GET.pop("format")
    opportunities = Opportunity.objects.open().with_card_details()
    return filtered_list(request, OpportunityFilter, opportunities, "involvement/opportunity_list.html")


def opportunity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = visible_entry(request, Opportunity.objects.with_card_details(), slug=slug)
    return render(request, "involvement/opportunity_detail.html", {"opportunity": opportunity})
