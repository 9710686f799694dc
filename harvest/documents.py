"""Turning a harvested document into records, or into one clear message about what is wrong with it."""

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from transfer.reading import FileProblem

from . import ckan, dcat
from .models import Source
from .records import Record
from .safe_json import load_json

AUTO = "auto"


def check_size(size: int) -> None:
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise FileProblem(
            f"This document is {filesizeformat(size)}; the most a harvest takes is {filesizeformat(limit)}. "
            "Harvest it in parts (CKAN answers a page at a time)."
        )


def decode(raw: bytes) -> str:
    """JSON and Turtle are UTF-8 by definition."""
    check_size(len(raw))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(
            "This is not a text document in UTF-8, so it is neither CKAN JSON nor a DCAT catalogue."
        ) from None
    if not text.strip():
        raise FileProblem("The file is empty.")
    return text


def detect(text: str, kind: str) -> str:
    """Which source a document comes from: the kind the curator chose, or what its content shows."""
    if kind != AUTO:
        return kind
    start = text.lstrip()[:1]
    if start not in ("{", "["):
        if start == "<" and not dcat.is_rdf_xml(text):
            raise FileProblem(
                "This looks like XML or HTML but not RDF/XML. Give a CKAN API response (JSON) or a DCAT "
                "catalogue as Turtle, JSON-LD or RDF/XML."
            )
        return Source.DCAT
    data = load_json(text)
    if isinstance(data, dict) and ("success" in data or "result" in data):
        return Source.CKAN
    if looks_like_json_ld(data):
        return Source.DCAT
    raise FileProblem(ckan.NOT_CKAN + " Nor is it JSON-LD (with “@context”, “@graph”, “@id” or “@type”).")


def looks_like_json_ld(data) -> bool:
    nodes = data if isinstance(data, list) else [data]
    return any(
        isinstance(node, dict) and {"@context", "@graph", "@id", "@type"} & node.keys() for node in nodes
    )


def read(text: str, source: str) -> tuple[list[Record], list[str]]:
    """The document's records and warnings about it as a whole; FileProblem when it cannot be read."""
    check_size(len(text.encode()))
    if not text.strip():
        raise FileProblem("The document is empty.")
    if source == Source.CKAN:
        return ckan.read(load_json(text))
    return dcat.read(text, json_ld=text.lstrip()[:1] in ("{", "[")), []
