"""What the API answers when it cannot answer: JSON for an address it does not have, and every error
response written into the OpenAPI schema, so that a client generated from it expects them."""

from django.http import HttpRequest, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve

ERROR_SCHEMA = {
    "type": "object",
    "description": "What went wrong: `detail` for the request as a whole, or a list of messages per parameter.",
    "additionalProperties": True,
    "properties": {"detail": {"type": "string"}},
}
ERRORS = {
    "400": "A parameter has a value the API cannot use; the answer names it and says why.",
    "404": "No such address, entry or page.",
    "429": "Too many requests from this address in a short time; try again a little later.",
}


def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any address under /api/v1/ that names no operation (or, without its final slash, one that does)."""
    if request.method in ("GET", "HEAD") and not request.path.endswith("/"):
        try:
            if resolve(request.path + "/").func is not not_found:
                return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
        except Resolver404:
            pass
    return JsonResponse({"detail": "Not found. The operations are listed at /api/v1/schema/."}, status=404)


def document_errors(result: dict, generator, request, public) -> dict:
    """drf-spectacular post-processing hook: each operation documents the errors it may answer with, and
    its choice parameters as the filters read them."""
    content = {"application/json": {"schema": ERROR_SCHEMA}}
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                responses.setdefault(status, {"description": description, "content": content})
            for parameter in operation.get("parameters", []):
                as_the_filters_read_it(path, parameter)
    return result


# Parameters a blank value does not leave out: a page number is refused, and so is the search's sort.
BLANK_REFUSED = {("*", "page"), ("*", "page_size"), ("/api/v1/search/", "sort")}


def as_the_filters_read_it(path: str, parameter: dict) -> None:
    """A filter left blank (?stage=) filters nothing, as on the list pages: the schema allows the empty
    value. A choice of words is a string, whatever the field behind it (n8=true, not a boolean)."""
    name = parameter["name"]
    if parameter.get("in") == "query" and not ({("*", name), (path, name)} & BLANK_REFUSED):
        parameter["allowEmptyValue"] = True
    schema = parameter["schema"]
    target = schema["items"] if schema.get("type") == "array" else schema
    if target.get("enum") and all(isinstance(value, str) for value in target["enum"]):
        target["type"] = "string"
