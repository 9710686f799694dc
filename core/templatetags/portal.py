from django import template

from accounts.policy import Action, can
from core.models import published_or_none

register = template.Library()


@register.filter
def published(entry):
    """The entry if the public may see it, else None: `{% with org=dataset.custodian|published %}`."""
    return published_or_none(entry)


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    query = context.get("page_query", "")
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.simple_tag(takes_context=True)
def query_with(context, name: str, value="") -> str:
    """This page's query string with `name` set to `value` (or removed when empty), back on page one."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if value:
        query[name] = str(value)
    else:
        query.pop(name, None)
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def may(context, action: str, entry) -> bool:
    """Whether the person viewing may do `action` to `entry`: `{% may "edit" dataset as may_edit %}`."""
    return can(context["request"].user, Action(action), entry)
