from django import template
from django.urls import reverse

from areas.models import Area
from following.models import Follow, area_key, search_key, search_parameters, theme_key
from search.service import Results
from themes.models import Theme

register = template.Library()


@register.inclusion_tag("following/_button.html", takes_context=True)
def follow_button(context, target) -> dict:
    """A Follow button for a theme, an area or a search's results; a sign-in link for visitors.
    Queries the database once for a signed-in person (do they follow it already?)."""
    request = context["request"]
    shown = True
    fields: list[tuple[str, str]] = []
    if isinstance(target, Theme):
        shown = target.is_published
        key, action, what = theme_key(target), reverse("following:follow-theme", args=[target.slug]), "theme"
    elif isinstance(target, Area):
        key, action, what = area_key(target), reverse("following:follow-area", args=[target.code]), "area"
    elif isinstance(target, Results):
        shown = target.is_browsing
        query = target.corrected_from or target.text
        key, action, what = (
            search_key(query, target.active_facets),
            reverse("following:follow-search"),
            "search",
        )
        fields = search_parameters(query, target.active_facets)
    else:
        raise template.TemplateSyntaxError("follow_button takes a theme, an area or search results.")
    following = None
    if shown and request.user.is_authenticated:
        following = Follow.objects.filter(user=request.user, key=key).first()
    return {
        "request": request,
        "shown": shown,
        "what": what,
        "action": action,
        "fields": fields,
        "following": following,
    }
