from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from core.cached_counts import fresh_for, kept
from core.listing import filtered_list
from core.queries import preview
from core.visibility import visible_entry
from datasets.models import Dataset
from involvement.models import Opportunity
from people.models import Researcher
from projects.models import Project

from .filters import OrganisationFilter
from .models import Organisation


def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.published().with_card_details()
    return filtered_list(request, OrganisationFilter, organisations, "organisations/organisation_list.html")


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = visible_entry(request, Organisation.objects.all().select_related("area"), slug=slug)
    fresh = fresh_for(request)

    def kept_preview(kind: str, entries) -> SimpleLazyObject:
        """The first entries and how many there are in all (kept until the directory changes: a
        university's people are thousands), read only when the page draws them: the drawn sections
        are kept too (templates/organisations/organisation_detail.html)."""

        def read() -> dict:
            total = kept(f"organisation:{organisation.pk}:{kind}", entries.count, fresh=fresh)
            return preview(entries, total=total)

        return SimpleLazyObject(read)

    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "people": kept_preview(
                "people", Researcher.objects.published().at(organisation).with_card_details()
            ),
            "datasets": kept_preview(
                "datasets", Dataset.objects.published().filter(custodian=organisation).with_card_details()
            ),
            "projects": kept_preview(
                "projects", Project.objects.published().involving(organisation).with_card_details()
            ),
            # Its own opportunities; its projects' are on their pages.
            "opportunities": list(
                Opportunity.objects.open().filter(organisation=organisation).with_card_details()[:10]
            ),
        },
    )
