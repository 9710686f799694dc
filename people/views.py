from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from core.listing import filtered_list
from core.visibility import visible_entry
from datasets.models import Dataset
from organisations.models import Organisation
from projects.models import DatasetUsage
from themes.models import Theme

from .filters import ResearcherFilter
from .graph import collaboration_svg
from .models import Researcher
from .network import network_of, project_memberships


def researcher_list(request: HttpRequest) -> HttpResponse:
    researchers = Researcher.objects.published().with_card_details()
    return filtered_list(request, ResearcherFilter, researchers, "people/researcher_list.html")


def researcher_detail(request: HttpRequest, slug: str) -> HttpResponse:
    researcher = visible_entry(
        request,
        Researcher.objects.all()
        .select_related("organisation")
        .prefetch_related(
            Prefetch("affiliations", queryset=Organisation.objects.published()),
            Prefetch("themes", queryset=Theme.objects.published()),
        ),
        slug=slug,
    )
    # Everyone on their published projects, theirs first: the list below and their collaborators.
    on_their_projects = project_memberships(researcher)
    memberships = [
        membership for membership in on_their_projects if membership.researcher_id == researcher.pk
    ]
    used_by_them = DatasetUsage.objects.filter(
        dataset=OuterRef("pk"), project__in=[membership.project_id for membership in memberships]
    )
    datasets = Dataset.objects.published().filter(Exists(used_by_them))
    # Worked out only when the page draws them: the drawn section is kept until the directory changes.
    network = SimpleLazyObject(lambda: network_of(researcher, on_their_projects))
    context = {
        "researcher": researcher,
        "memberships": memberships,
        "datasets": datasets,
        "network": network,
        "graph": lambda: collaboration_svg(researcher.display_name, network),
    }
    return render(request, "people/researcher_detail.html", context)
