from urllib.parse import urlencode

from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from collection.models import Collection
from core.cached_counts import fresh_for, kept
from core.listing import filtered_list
from core.models import published_or_none
from core.queries import kept_page, preview
from core.visibility import visible_entry
from projects.models import Output, Project

from .counts import in_theme, totals_in, with_tagged_counts
from .filters import FindingFilter, ThemeFilter
from .models import Theme

# Findings shown per page on a theme's page.
FINDINGS_PER_PAGE = 20


def theme_list(request: HttpRequest) -> HttpResponse:
    fresh = fresh_for(request)
    return filtered_list(
        request,
        ThemeFilter,
        Theme.objects.published().select_related("parent"),
        "themes/theme_list.html",
        each_page=lambda themes: with_tagged_counts(themes, fresh),
    )


def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A theme's hub: its sub-themes, findings and entries.

    The counts (sub-themes' cards, the totals of each preview, the findings) are kept in the cache
    until the directory changes, except for signed-in people; a visitor's page runs about fifteen
    small queries whatever the size of the theme.
    """
    theme = visible_entry(request, Theme.objects.all().select_related("parent"), slug=slug)
    fresh = fresh_for(request)
    parent = published_or_none(theme.parent)
    findings, finding_filter = theme_findings(request, theme, fresh)
    page_query = request.GET.copy()
    page_query.pop("page", None)
    datasets, people, projects = in_theme(theme)
    dataset_total, people_total, project_total = totals_in(theme, fresh)
    return render(
        request,
        "themes/theme_detail.html",
        {
            "theme": theme,
            "parent": parent,
            "sub_themes": with_tagged_counts(list(theme.children.published()), fresh),
            "findings": findings,
            "finding_filter": finding_filter,
            "page_query": page_query.urlencode(),
            "datasets": preview(datasets.with_card_details(), total=dataset_total),
            "people": preview(people.with_card_details(), total=people_total),
            "projects": preview(projects.with_card_details(), total=project_total),
            "collections": preview(
                Collection.objects.published()
                .filter(theme__in=theme.with_children())
                .newest_first()
                .select_related("theme")
                .with_item_counts()
            ),
        },
    )


def theme_findings(request: HttpRequest, theme: Theme, fresh: bool = False):
    """The outputs of the theme's published projects (sub-themes included), newest first, filtered and paged.

    Newest first by the output's year (undated last), then by project title, so that what one
    project learned stays together within a year. The years, the count and the outputs on the page
    are kept in the cache for each filter and page until the directory changes: one query for the
    page's outputs then, else three (years, count and page).
    """
    outputs = Output.objects.filter(project__in=Project.objects.published().in_theme(theme))
    years = kept(
        f"themes:findings-years:{theme.pk}",
        lambda: list(outputs.exclude(year=None).order_by("-year").values_list("year", flat=True).distinct()),
        fresh=fresh,
    )
    finding_filter = FindingFilter(request.GET, queryset=outputs, years=years)
    ordered = finding_filter.qs.select_related("project").order_by(
        F("year").desc(nulls_last=True), "project__title", "project_id", "title", "pk"
    )
    chosen = {name: value for name, value in finding_filter.form.cleaned_data.items() if value}
    name = f"themes:findings:{theme.pk}:" + urlencode(sorted(chosen.items()))
    page = kept_page(name, ordered, request.GET.get("page"), FINDINGS_PER_PAGE, fresh)
    return page, finding_filter
