"""Tick-boxes on dataset cards (the list, search results) that choose datasets to compare side by side.

Each tick-box belongs, through its `form` attribute, to the one GET form `compare_form` puts after the
results, so the cards stay where they are in the page and no script is needed."""

from django import template
from django.urls import Resolver404, resolve

register = template.Library()

FORM_ID = "compare-datasets"


@register.inclusion_tag("datasets/_compare_tick.html")
def compare_tick(slug: str, title: str) -> dict:
    return {"slug": slug, "title": title, "form_id": FORM_ID}


@register.inclusion_tag("datasets/_compare_form.html")
def compare_form() -> dict:
    return {"form_id": FORM_ID}


@register.filter
def dataset_slug(url: str) -> str:
    """The slug of the dataset whose page is at `url` (a search result's address), else ""."""
    try:
        match = resolve(url)
    except Resolver404:
        return ""
    return match.kwargs.get("slug", "") if match.view_name == "datasets:detail" else ""


@register.filter
def any_dataset(hits) -> bool:
    return any(dataset_slug(hit.url) for hit in hits)
