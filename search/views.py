"""One box across the directory.

For now each kind of entry is matched with its list page's keyword filter;
the ranked search engine will replace `matches` without changing the page.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.queries import preview
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from themes.models import Theme

MAX_QUERY_LENGTH = 200


def matches(words: str) -> list[dict]:
    kinds = [
        ("Researchers", "people:list", Researcher.objects.published().with_card_details(), "researcher"),
        ("Datasets", "datasets:list", Dataset.objects.published().with_card_details(), "dataset"),
        ("Projects", "projects:list", Project.objects.published().with_card_details(), "project"),
        (
            "Organisations",
            "organisations:list",
            Organisation.objects.published().with_card_details(),
            "organisation",
        ),
        ("Themes", "themes:list", Theme.objects.published(), "theme"),
    ]
    return [
        {
            "label": label,
            "card": card,
            "list_url": reverse(url_name),
            **preview(queryset.matching(words), limit=5),
        }
        for label, url_name, queryset, card in kinds
    ]


def search(request: HttpRequest) -> HttpResponse:
    words = request.GET.get("q", "").strip()
    error = ""
    if len(words) > MAX_QUERY_LENGTH:
        error = f"Please use at most {MAX_QUERY_LENGTH} characters."
        words = ""
    groups = matches(words) if words else []
    return render(
        request,
        "search/search.html",
        {
            "query": words,
            "error": error,
            "groups": groups,
            "total": sum(group["total"] for group in groups),
        },
        status=400 if error else 200,
    )
