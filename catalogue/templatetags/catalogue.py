from django import template
from django.utils.safestring import SafeString, mark_safe

from catalogue.schema_org import json_for_script, schema_for

register = template.Library()


@register.simple_tag(takes_context=True)
def schema_org(context, entry) -> SafeString:
    """The entry's schema.org description as a JSON-LD script element: `{% schema_org dataset %}`."""
    data = schema_for(entry, context["request"].build_absolute_uri)
    # Safe: json_for_script escapes <, > and &, so nothing in the data can end the element.
    return mark_safe(f'<script type="application/ld+json">{json_for_script(data)}</script>')
