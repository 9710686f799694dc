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
def person(user, show_email: bool = False) -> str:
    """Who made a change, by name: an email address is not shown to everyone who edits an entry, but a
    curator (`show_email`) is shown the name part of the address of an account without a name."""
    if user is None:
        return "someone outside the site"
    name = user.get_full_name()
    if name:
        return name
    if show_email and user.email:
        return f"{user.email.split('@')[0]} (an account without a name)"
    return "a signed-in member without a name on their account"


@register.filter
def by_region(field) -> list[tuple[str, str, list]]:
    """An AreaTickBoxes field's tick boxes grouped by region: (region code, its name, the boxes)."""
    boxes = list(field)  # reading the labels notes each area's region
    groups: dict[tuple[str, str], list] = {}
    for box in boxes:
        region = field.field.regions.get(str(box.data["value"]), ("", ""))
        groups.setdefault(region, []).append(box)
    return [(code, name, grouped) for (code, name), grouped in groups.items()]


@register.simple_tag
def pending_changes(entry) -> tuple[bool, list]:
    """For a submitted entry's reviewer: (whether it was published before, what the submission changes)."""
    from editing.history import changes_since_published

    return changes_since_published(entry)
