"""The DCAT-AP catalogue and each dataset's description, in the format the suffix or Accept header asks for."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from rdflib import Graph

from .dcat import (
    Absolute,
    InvalidPage,
    catalogue_graph,
    catalogue_page,
    dataset_graph,
    published_datasets,
    serialise,
)

JSON_LD = "application/ld+json"
TURTLE = "text/turtle"
# The suffix in the address → (media type, rdflib format). JSON-LD first: the default.
FORMATS = {"jsonld": (JSON_LD, "json-ld"), "ttl": (TURTLE, "turtle")}
NOT_ACCEPTABLE = (
    "This address offers DCAT-AP metadata as JSON-LD (Accept: application/ld+json, or add .jsonld) "
    "or Turtle (Accept: text/turtle, or add .ttl).\n"
)


def chosen_suffix(request: HttpRequest, suffix: str | None) -> str | None:
    """The format named in the address, else the one the Accept header prefers; None if neither fits."""
    if suffix:
        return suffix
    preferred = request.get_preferred_type([media_type for media_type, _ in FORMATS.values()])
    return next((key for key, (media_type, _) in FORMATS.items() if media_type == preferred), None)


def plain_text(text: str, status: int) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


def rdf_response(
    request: HttpRequest, suffix: str | None, make_graph: Callable[[Absolute], Graph]
) -> HttpResponse:
    chosen = chosen_suffix(request, suffix)
    if chosen is None:
        response = plain_text(NOT_ACCEPTABLE, 406)
    else:
        try:
            graph = make_graph(request.build_absolute_uri)
        except InvalidPage as error:
            response = plain_text(str(error), 400)
        else:
            media_type, rdf_format = FORMATS[chosen]
            response = HttpResponse(serialise(graph, rdf_format), content_type=f"{media_type}; charset=utf-8")
            # Open metadata: harvesters and browser-based tools on other sites may read it.
            response["Access-Control-Allow-Origin"] = "*"
    if suffix is None:
        response["Vary"] = "Accept"
    return response


@require_safe
def catalogue_dcat(request: HttpRequest, suffix: str | None = None) -> HttpResponse:
    """One page of the catalogue (`?page=N`, the first by default); 400 for a page it does not have."""

    def make_graph(absolute: Absolute) -> Graph:
        page = catalogue_page(request.GET.get("page"), settings.DCAT_PAGE_SIZE)
        return catalogue_graph(page, absolute, request.path)

    return rdf_response(request, suffix, make_graph)


@require_safe
def dataset_dcat(request: HttpRequest, slug: str, suffix: str | None = None) -> HttpResponse:
    # Published only, even for editors: this is what harvesters copy.
    dataset = get_object_or_404(published_datasets(), slug=slug)
    return rdf_response(request, suffix, lambda absolute: dataset_graph(dataset, absolute))
