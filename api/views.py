"""The read-only JSON API: the same published entries, filters and search as the pages.

Every list takes the filters of its page (`?theme=…&area=…&q=…&sort=…`), pages through
`?page=` (20 a page, `page_size` up to 100) in a stable order, and answers a filter value it
cannot use with 400 and the reason.
"""

from html import unescape

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.html import strip_tags
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from areas.models import Area
from datasets.filters import DatasetFilter
from datasets.models import Dataset
from involvement.filters import OpportunityFilter
from involvement.models import Opportunity
from organisations.filters import OrganisationFilter
from organisations.models import Organisation
from people.filters import ResearcherFilter
from people.models import Researcher
from projects.filters import ProjectFilter
from projects.models import DatasetUsage, Membership, Project
from search.cache import search_for
from search.facets import chosen_facets, fixed_values
from search.forms import AgesForm
from search.models import Kind
from search.service import FACETS, MAX_PAGE, SORTS
from themes.filters import ThemeFilter
from themes.models import Theme

from . import serializers as shapes
from .pagination import PAGE_SIZE, Pages


def published(model):
    return model.objects.published()


class EntryViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    filter_backends = [DjangoFilterBackend]
    pagination_class = Pages

    def get_queryset(self):
        # The primary key settles ties, so pages never repeat or skip an entry.
        queryset = self.entries()
        return queryset.order_by(*queryset.model._meta.ordering, "pk")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset if queryset.ordered else queryset.order_by("pk")


class ResearcherViewSet(EntryViewSet):
    """Researchers: academics, students, analysts and practitioners with expertise to share."""

    serializer_class = shapes.ResearcherSerializer
    filterset_class = ResearcherFilter

    def entries(self):
        return (
            published(Researcher)
            .select_related("organisation")
            .prefetch_related(
                Prefetch("affiliations", queryset=published(Organisation)),
                Prefetch("themes", queryset=published(Theme)),
            )
        )


class DatasetViewSet(EntryViewSet):
    """Datasets (data assets): what they cover, who holds them and how to get access."""

    serializer_class = shapes.DatasetSerializer
    filterset_class = DatasetFilter

    def entries(self):
        return (
            published(Dataset)
            .select_related("custodian")
            .prefetch_related(
                Prefetch("themes", queryset=published(Theme)),
                "areas",
                "identifiers",
                Prefetch("linked_datasets", queryset=published(Dataset)),
                "access_steps",
                "observations",
            )
        )


class ProjectViewSet(EntryViewSet):
    """Projects: who works on them, the data they use and what they found."""

    serializer_class = shapes.ProjectSerializer
    filterset_class = ProjectFilter

    def entries(self):
        members = Membership.objects.filter(researcher__status="published").select_related("researcher")
        usages = DatasetUsage.objects.filter(dataset__status="published").select_related("dataset")
        return published(Project).prefetch_related(
            Prefetch("memberships", queryset=members, to_attr="public_memberships"),
            Prefetch("usages", queryset=usages, to_attr="public_usages"),
            "outputs",
            Prefetch("partner_organisations", queryset=published(Organisation)),
            Prefetch("themes", queryset=published(Theme)),
        )


class OpportunityViewSet(EntryViewSet):
    """Open involvement opportunities, soonest closing first: closed ones leave by themselves."""

    serializer_class = shapes.OpportunitySerializer
    filterset_class = OpportunityFilter

    def entries(self):
        return Opportunity.objects.open().select_related("project", "organisation")


class OrganisationViewSet(EntryViewSet):
    """Universities, local authorities, NHS trusts and others."""

    serializer_class = shapes.OrganisationSerializer
    filterset_class = OrganisationFilter

    def entries(self):
        return published(Organisation).select_related("area")


class ThemeViewSet(EntryViewSet):
    """Themes and priorities, in two levels."""

    serializer_class = shapes.ThemeSerializer
    filterset_class = ThemeFilter

    def entries(self):
        return (
            published(Theme)
            .select_related("parent")
            .prefetch_related(Prefetch("children", queryset=published(Theme)))
        )


class AreaViewSet(viewsets.ReadOnlyModelViewSet):
    """The northern local authorities, by their current ONS code."""

    serializer_class = shapes.AreaSerializer
    lookup_field = "code"
    pagination_class = Pages
    queryset = Area.objects.order_by("name", "code")


class HitSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    page = serializers.CharField(source="url")
    snippet = serializers.CharField()
    does_not_match = serializers.ListField(
        child=serializers.CharField(),
        help_text="In a relaxed search, the parts of the query it does not meet.",
    )


class ReadingSerializer(serializers.Serializer):
    """How the query was read: the words matched, and the places, ages and kind of entry understood."""

    words = serializers.CharField(help_text="What had to match as words.")
    areas = serializers.ListField(
        child=serializers.CharField(),
        help_text="ONS codes of the areas named; England- and UK-wide data covers them too.",
    )
    area_label = serializers.CharField()
    ages = serializers.ListField(
        child=serializers.IntegerField(allow_null=True),
        allow_null=True,
        help_text="[from, to] in years, to null for 'and over'.",
    )
    looking_for = serializers.CharField(
        help_text="people, datasets, projects or organisations: ranked first."
    )
    set_aside = serializers.ListField(
        child=serializers.CharField(), help_text="Question words not needed to match."
    )


class SearchPageSerializer(serializers.Serializer):
    count = serializers.IntegerField(
        help_text="How many entries match: exact when count_exact is true; otherwise an estimate."
    )
    count_exact = serializers.BooleanField(
        help_text="False above 10,000 matches: count is then estimated from a sample (or is 10,001, "
        "meaning more than 10,000), and the results are ranked among that sample."
    )
    count_text = serializers.CharField(help_text="The count as the search page writes it: about 220,000.")
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    did_you_mean = serializers.CharField()
    reading = ReadingSerializer()
    relaxed = serializers.ListField(
        child=serializers.CharField(),
        help_text="When no entry met every part of the query: the parts the first results leave out.",
    )
    results = HitSerializer(many=True)


# The facets whose values are a fixed list, given in the schema.
FIXED = fixed_values()


class SearchView(APIView):
    """The site's search: words, phrases, -exclusions and OR, narrowed by facets, ranked."""

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="What to look for, as in the search box."),
            OpenApiParameter("sort", str, enum=list(SORTS)),
            OpenApiParameter("page", int),
            *[
                OpenApiParameter(
                    name,
                    str,
                    many=True,
                    explode=True,
                    enum=sorted(FIXED[name]) if name in FIXED else None,
                    description=f"{label}: repeat for several (?{name}=a&{name}=b); an entry with any of them "
                    "matches, and every filter given must match.",
                )
                for name, label in FACETS.items()
            ],
            OpenApiParameter("age_from", int, description="Aged from, in whole years (0 to 120)."),
            OpenApiParameter(
                "age_to",
                int,
                description="Up to age, as school years are written (4 to 11 is Reception to Year 6).",
            ),
        ],
        responses=SearchPageSerializer,
    )
    def get(self, request):
        page = page_number(request.query_params.get("page", "1"))
        sort = request.query_params.get("sort", "relevance")
        if sort not in SORTS:
            raise ValidationError({"sort": [f"One of: {', '.join(SORTS)}."]})
        facets, problems = chosen_facets(request.query_params)
        if problems:
            raise ValidationError(problems)
        ages = AgesForm(request.query_params)
        if ages.errors:
            raise ValidationError(
                {name: [str(error) for error in errors] for name, errors in ages.errors.items()}
            )
        results = search_for(
            request,
            request.query_params.get("q", ""),
            facets,
            sort,
            page,
            ages.ages(),
        )
        return Response(
            {
                "count": results.total,
                "count_exact": results.exact,
                "count_text": results.count_text,
                "page": results.page,
                "pages": results.pages,
                "did_you_mean": results.suggestion,
                "reading": results.reading.as_dict(),
                "relaxed": results.relaxed,
                "results": [
                    {
                        "kind": Kind(hit.kind).label if hit.kind in Kind.values else hit.kind,
                        "title": hit.title,
                        "page": request.build_absolute_uri(hit.url),
                        "snippet": strip_marks(hit.snippet),
                        "does_not_match": hit.missing,
                    }
                    for hit in results.hits
                ],
            }
        )


def page_number(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_PAGE:
        raise ValidationError({"page": f"A page number from 1 to {MAX_PAGE}."})
    return int(text)


def strip_marks(snippet: str) -> str:
    """The snippet as plain text: the page marks matching words in HTML, the API does not."""
    return unescape(strip_tags(snippet))


def documentation(request):
    """A page for people: what the API offers, with an example for each address."""
    filters = {
        "researchers": ResearcherFilter,
        "datasets": DatasetFilter,
        "projects": ProjectFilter,
        "organisations": OrganisationFilter,
        "themes": ThemeFilter,
        "opportunities": OpportunityFilter,
    }
    endpoints = [
        (kind, [(name, str(field.label)) for name, field in filterset.base_filters.items()])
        for kind, filterset in filters.items()
    ]
    return render(
        request, "api/documentation.html", {"endpoints": endpoints, "facets": FACETS, "page_size": PAGE_SIZE}
    )
