"""How the API shows a link to another entry: its name, its API address and its web page."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

LINK_SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "url": {"type": "string", "format": "uri", "description": "The entry in this API."},
        "page": {"type": "string", "format": "uri", "description": "The entry's web page."},
    },
}


@extend_schema_field({**LINK_SCHEMA, "nullable": True})
class EntryLink(serializers.RelatedField):
    """A related entry, or null when the public may not see it (a draft or archived entry)."""

    def __init__(self, view_name: str, lookup: str = "slug", **kwargs):
        self.view_name, self.lookup = view_name, lookup
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, entry):
        if not getattr(entry, "is_published", True):
            return None
        request = self.context["request"]
        return {
            "name": str(entry),
            "url": request.build_absolute_uri(reverse(self.view_name, args=[getattr(entry, self.lookup)])),
            "page": request.build_absolute_uri(entry.get_absolute_url()),
        }


class PublicLinks(serializers.ListSerializer):
    """Many related entries, leaving out any the public may not see."""

    def to_representation(self, data):
        return [link for link in super().to_representation(data) if link is not None]


def links(view_name: str, source: str | None = None, **kwargs) -> serializers.ListSerializer:
    # The source names the list's attribute: given to the child, the list read a field that is not there
    # and was left out of every answer.
    return PublicLinks(child=EntryLink(view_name, **kwargs), source=source, read_only=True)
