from django import template

register = template.Library()


@register.filter
def published(entry):
    """The entry if the public may see it, else None: `{% with org=dataset.custodian|published %}`."""
    return entry if entry is not None and entry.is_published else None


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    query = context.get("page_query", "")
    return f"?{query}&page={number}" if query else f"?page={number}"
