import hashlib

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from accounts.policy import Action, can
from core.cached_counts import fresh_for, kept
from core.models import published_or_none

register = template.Library()


@register.filter
def published(entry):
    """The entry if the public may see it, else None: `{% with org=dataset.custodian|published %}`."""
    return published_or_none(entry)


@register.filter
def initials(name: str) -> str:
    """The initials a picture labels a person with (core.svg.initials), for the list beside it."""
    from core.svg import initials as initials_of

    return initials_of(name)


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    query = context.get("page_query", "")
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.simple_tag(takes_context=True)
def query_with(context, name: str, value="") -> str:
    """This page's query string with `name` set to `value` (or removed when empty), back on page one."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    query.pop("after", None)
    if value:
        query[name] = str(value)
    else:
        query.pop(name, None)
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def may(context, action: str, entry) -> bool:
    """Whether the person viewing may do `action` to `entry`: `{% may "edit" dataset as may_edit %}`."""
    return can(context["request"].user, Action(action), entry)


def page_numbers(current: int, last: int) -> list[int | None]:
    """The page numbers a pagination shows: the first, the last, and the current one with its neighbours,
    None standing for the pages left out between them (GOV.UK's pattern: 1 … 4 5 6 … 12)."""
    shown = sorted({1, last, *range(max(1, current - 1), min(last, current + 1) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - numbers[-1] == 2:
            numbers.append(number - 1)  # one page left out is shown rather than an ellipsis
        elif numbers and number - numbers[-1] > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers


@register.inclusion_tag("includes/_page_links.html", takes_context=True)
def pagination(context, current: int, last: int, after: str = "", capped: bool = False) -> dict:
    """Numbered links to the pages of a list or search, keeping the rest of the query string; with
    `after` (a keyset cursor, core/keyset.py), Next reads the following page from the index at any depth.
    `capped`: the list was counted only up to a limit, so its last page is not known and not offered."""
    query = context["request"].GET.copy()
    query.pop("format", None)
    query.pop("after", None)

    def url(number: int) -> str:
        query["page"] = str(number)
        return "?" + query.urlencode()

    def url_after(cursor: str) -> str:
        following = query.copy()
        following.pop("page", None)
        following["after"] = cursor
        return "?" + following.urlencode()

    following = url_after(after) if after else url(current + 1) if current < last else ""
    shown_last = (current + 1 if following else current) if capped else last
    return {
        "last": last,
        "capped": capped,
        "current": current,
        "previous": url(current - 1) if current > 1 else "",
        "next": following,
        "items": [(number, url(number) if number else "") for number in page_numbers(current, shown_last)],
    }


# What picks a page of a list rather than its filters: the filter panel is the same whatever they say.
PAGING_PARAMETERS = ("page", "after")


@register.simple_tag(takes_context=True)
def filter_panel(context) -> str:
    """includes/_filters.html for this page, kept in the cache for each address and query until the
    directory changes (core/cached_counts.py), as the counts are; drawn afresh for people signed in.

    The panel is a function of the query alone (the values given, their errors, the filters in force)
    and of the directory (the choices offered), and drawing its dozen fields costs a list page more
    than its twenty cards."""
    request = context["request"]

    def draw() -> str:
        template = context.template.engine.get_template("includes/_filters.html")
        return str(template.render(context))

    query = request.GET.copy()
    for name in PAGING_PARAMETERS:
        query.pop(name, None)
    # Hashed: a query may be long, and it is typed by visitors.
    digest = hashlib.sha256(f"{request.path}?{query.urlencode()}".encode()).hexdigest()[:32]
    name = f"filter-panel:{digest}:{timezone.localdate().isoformat()}"
    return mark_safe(kept(name, draw, fresh=fresh_for(request)))


@register.tag
def kept_for(parser, token):
    """`{% kept_for entry %}…{% endkept_for %}`: what is between, for `entry`, kept in the cache until
    the directory changes (core/cached_counts.py), for each page template; drawn afresh for people
    signed in. More values after the entry (`{% kept_for entry card %}`) name what else decides it on
    that page, such as which card template a shared section draws.

    For what shows only the entry and the entries it links to (all in the directory, so any change to
    them forgets it), the same for every visitor: a list's cards (twenty of them cost a list page more
    than its queries), a researcher's network of collaborators."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("kept_for takes an entry: {% kept_for entry %}")
    nodelist = parser.parse(("endkept_for",))
    parser.delete_first_token()
    return KeptForNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class KeptForNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.entry, *self.deciding = values

    def render(self, context) -> str:
        entry = self.entry.resolve(context)
        deciding = ":".join(str(value.resolve(context)) for value in self.deciding)
        request = context.get("request")
        # The day too: a card may say what the date decides (a project past its end date).
        day = timezone.localdate().isoformat()
        name = f"kept-for:{context.template.name}:{deciding}:{entry._meta.label}:{entry.pk}:{day}"
        fresh = request is None or fresh_for(request)
        return mark_safe(kept(name, lambda: str(self.nodelist.render(context)), fresh=fresh))
