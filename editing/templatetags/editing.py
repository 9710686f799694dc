from django import template

from editing import workflow
from editing.forms import FORMS
from editing.kinds import kind_of

register = template.Library()


@register.simple_tag(takes_context=True)
def entry_moves(context, entry) -> list[workflow.Move]:
    """The review-workflow steps the person viewing may take with `entry` now."""
    return workflow.moves_for(context["request"].user, entry)


@register.filter
def kind(entry) -> str:
    """The entry's kind as it appears in editing addresses: `{% url 'editing:edit' entry|kind entry.slug %}`."""
    return kind_of(entry)


@register.filter
def singular(entry) -> str:
    """The entry's kind in words: "dataset", "opportunity" (its kind in addresses is plural)."""
    return entry._meta.verbose_name


@register.filter
def has_site_form(entry) -> bool:
    return type(entry) in FORMS


@register.filter
def person(user) -> str:
    """Who made a change, by name only: an email address is not shown to everyone who edits an entry."""
    if user is None:
        return "someone outside the site"
    return user.get_full_name() or "a signed-in member without a name on their account"
