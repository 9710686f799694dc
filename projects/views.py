from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.listing import filtered_list
from core.models import Entry
from core.visibility import visible_entry
from involvement.models import Opportunity
from organisations.models import Organisation
from themes.models import Theme

from .filters import ProjectFilter
from .models import DatasetUsage, Membership, Project


def project_list(request: HttpRequest) -> HttpResponse:
    projects = Project.objects.published().with_card_details()
    return filtered_list(request, ProjectFilter, projects, "projects/project_list.html")


def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    published = Entry.Status.PUBLISHED
    project = visible_entry(
        request,
        Project.objects.all().prefetch_related(
            Prefetch("partner_organisations", queryset=Organisation.objects.published()),
            Prefetch("themes", queryset=Theme.objects.published()),
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(researcher__status=published).select_related(
                    "researcher__organisation"
                ),
            ),
            Prefetch(
                "usages",
                queryset=DatasetUsage.objects.filter(dataset__status=published).select_related("dataset"),
            ),
            "outputs",
            Prefetch("opportunities", queryset=Opportunity.objects.open(), to_attr="open_opportunities"),
        ),
        slug=slug,
    )
    return render(request, "projects/project_detail.html", {"project": project})
