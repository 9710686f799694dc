"""The DCAT-AP catalogue and each dataset's description, in the format the suffix or Accept header asks for."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from .dcat import catalogue_graph, dataset_graph, published_datasets, serialise

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


def rdf_response(request: HttpRequest, suffix: str | None, make_graph) -> HttpResponse:
    chosen = chosen_suffix(request, suffix)
    if chosen is None:
        response = HttpResponse(NOT_ACCEPTABLE, status=406, content_type="text/plain; charset=utf-8")
    else:
        media_type, rdf_format = FORMATS[chosen]
        body = serialise(make_graph(request.build_absolute_uri), rdf_format)
        response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
        # Open metadata: harvesters and browser-based tools on other sites may read it.
        response["Access-Control-Allow-Origin"] = "*"
    if suffix is None:
        response["Vary"] = "Accept"
    return response


@require_safe
def catalogue_dcat(request: HttpRequest, suffix: str | None = None) -> HttpResponse:
    datasets = list(published_datasets())
    return rdf_response(request, suffix, lambda absolute: catalogue_graph(datasets, absolute))


@require_safe
def dataset_dcat(request: HttpRequest, slug: str, suffix: str | None = None) -> HttpResponse:
    # Published only, even for editors: this is what harvesters copy.
    dataset = get_object_or_404(published_datasets(), slug=slug)
    return rdf_response(request, suffix, lambda absolute: dataset_graph(dataset, absolute))
