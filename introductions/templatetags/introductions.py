from django import template

from introductions.forms import HONEYPOT_FIELD
from introductions.sending import address_of
from introductions.views import action_for, introduction_form, kind_context

register = template.Library()


@register.inclusion_tag("introductions/_request.html", takes_context=True)
def introduction_request(context, entry) -> dict:
    """The 'ask for an introduction' form for a researcher or dataset page ('take part' on an
    opportunity's), or a line saying there is none. Queries the database at most once (see `address_of`)."""
    request = context["request"]
    return {
        "request": request,
        "entry": entry,
        **kind_context(entry),
        "is_published": entry.is_published,
        "available": bool(address_of(entry)),
        "form": introduction_form(request, entry=entry),
        "action": action_for(entry),
        "honeypot": HONEYPOT_FIELD,
    }
