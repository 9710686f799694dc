from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.policy import Action, can
from core.visibility import visible_entry

from .models import Collection


def collection_list(request: HttpRequest) -> HttpResponse:
    collections = Collection.objects.published().newest_first().select_related("theme").with_item_counts()
    page = Paginator(collections, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "collection/collection_list.html", {"page": page})


def collection_detail(request: HttpRequest, slug: str) -> HttpResponse:
    collection = visible_entry(request, Collection.objects.select_related("theme"), slug=slug)
    # Items whose entry is not published are skipped: the prefetch leaves their target as None.
    items = [
        item
        for item in collection.items.visible().with_cards().order_by("position", "pk")
        if item.target is not None
    ]
    return render(
        request,
        "collection/collection_detail.html",
        {
            "collection": collection,
            "items": items,
            "may_edit": can(request.user, Action.EDIT, collection),
        },
    )
