from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from collection.models import Collection
from core.listing import filtered_list
from core.models import Entry, published_or_none
from core.queries import preview, subquery_count
from core.visibility import visible_entry
from datasets.models import Dataset
from people.models import Researcher
from projects.models import Output, Project

from .filters import FindingFilter, ThemeFilter
from .models import Theme

# Findings shown per page on a theme's page.
FINDINGS_PER_PAGE = 20


def with_entry_counts(themes):
    """Each theme with how many published datasets, researchers and projects it tags directly."""
    published = Entry.Status.PUBLISHED
    return themes.annotate(
        dataset_count=subquery_count(
            Dataset.themes.through.objects.filter(dataset__status=published), "theme"
        ),
        researcher_count=subquery_count(
            Researcher.themes.through.objects.filter(researcher__status=published), "theme"
        ),
        project_count=subquery_count(
            Project.themes.through.objects.filter(project__status=published), "theme"
        ),
    )


def theme_list(request: HttpRequest) -> HttpResponse:
    themes = with_entry_counts(Theme.objects.published().select_related("parent"))
    return filtered_list(request, ThemeFilter, themes, "themes/theme_list.html")


def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    theme = visible_entry(request, Theme.objects.all().select_related("parent"), slug=slug)
    parent = published_or_none(theme.parent)
    findings, finding_filter = theme_findings(request, theme)
    page_query = request.GET.copy()
    page_query.pop("page", None)
    return render(
        request,
        "themes/theme_detail.html",
        {
            "theme": theme,
            "parent": parent,
            "sub_themes": with_entry_counts(theme.children.published()),
            "findings": findings,
            "finding_filter": finding_filter,
            "page_query": page_query.urlencode(),
            "datasets": preview(Dataset.objects.published().in_theme(theme).with_card_details()),
            "people": preview(Researcher.objects.published().in_theme(theme).with_card_details()),
            "projects": preview(Project.objects.published().in_theme(theme).with_card_details()),
            "collections": preview(
                Collection.objects.published()
                .filter(theme__in=theme.with_children())
                .newest_first()
                .select_related("theme")
                .with_item_counts()
            ),
        },
    )


def theme_findings(request: HttpRequest, theme: Theme):
    """The outputs of the theme's published projects (sub-themes included), newest first, filtered and paged.

    Newest first by the output's year (undated last), then by project title, so that what
    one project learned stays together within a year. Three queries: years, count and page.
    """
    outputs = Output.objects.filter(project__in=Project.objects.published().in_theme(theme))
    years = outputs.exclude(year=None).order_by("-year").values_list("year", flat=True).distinct()
    finding_filter = FindingFilter(request.GET, queryset=outputs, years=list(years))
    ordered = finding_filter.qs.select_related("project").order_by(
        F("year").desc(nulls_last=True), "project__title", "project_id", "title", "pk"
    )
    page = Paginator(ordered, FINDINGS_PER_PAGE).get_page(request.GET.get("page"))
    return page, finding_filter
