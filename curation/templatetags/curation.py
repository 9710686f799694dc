from django import template

from curation.care import care_of

register = template.Library()


@register.simple_tag
def entry_care(entry) -> dict:
    """`{% entry_care entry as care %}`: see curation.care.care_of (two queries)."""
    return care_of(entry)


@register.simple_tag(takes_context=True)
def section_page_url(context, parameter: str, number: int) -> str:
    """This page's query string with `parameter` (one section's page number) set to `number`."""
    query = context["request"].GET.copy()
    query[parameter] = str(number)
    return "?" + query.urlencode()
