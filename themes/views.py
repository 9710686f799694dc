from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.listing import filtered_list
from core.models import Entry, published_or_none
from core.queries import preview, subquery_count
from core.visibility import visible_entry
from datasets.models import Dataset
from people.models import Researcher
from projects.models import Project

from .filters import ThemeFilter
from .models import Theme


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
    return render(
        request,
        "themes/theme_detail.html",
        {
            "theme": theme,
            "parent": parent,
            "sub_themes": with_entry_counts(theme.children.published()),
            "datasets": preview(Dataset.objects.published().in_theme(theme).with_card_details()),
            "people": preview(Researcher.objects.published().in_theme(theme).with_card_details()),
            "projects": preview(Project.objects.published().in_theme(theme).with_card_details()),
        },
    )
