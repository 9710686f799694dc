from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from areas.models import Area
from core.filters import printable
from core.navigation import posted_next
from search.facets import chosen_facets
from themes.models import Theme

from .follows import MOST_FOLLOWS, TooManyFollows, follow
from .models import Follow, search_parameters
from .tokens import follows_for


@require_GET
@login_required
def following_list(request: HttpRequest) -> HttpResponse:
    follows = Follow.objects.of(request.user).select_related("theme", "area")
    return render(request, "following/following_list.html", {"follows": follows})


@require_POST
def follow_search(request: HttpRequest) -> HttpResponse:
    query = printable(request.POST.get("q", ""))
    # A value a facet cannot take is left out, as the search page leaves it out.
    facets, _ = chosen_facets(request.POST)
    page = reverse("search:search") + "?" + urlencode(search_parameters(query, facets))
    if not query and not facets:
        messages.error(request, "Search for something first, then follow the search.")
        return redirect("search:search")
    return _follow(request, page, Follow.Kind.SEARCH, query=query, facets=facets)


@require_POST
def follow_theme(request: HttpRequest, slug: str) -> HttpResponse:
    theme = get_object_or_404(Theme.objects.published(), slug=slug)
    return _follow(request, theme.get_absolute_url(), Follow.Kind.THEME, theme=theme)


@require_POST
def follow_area(request: HttpRequest, code: str) -> HttpResponse:
    # Without control characters: a NUL byte in the address is refused by PostgreSQL.
    area = get_object_or_404(Area, code=printable(code))
    return _follow(request, area.get_absolute_url(), Follow.Kind.AREA, area=area)


def _follow(request: HttpRequest, page: str, kind: str, **target) -> HttpResponse:
    """Follows the target for the signed-in person and goes back to its page; others sign in first."""
    if not request.user.is_authenticated:
        return redirect_to_login(page)
    try:
        followed, is_new = follow(request.user, kind, **target)
    except TooManyFollows:
        messages.error(request, f"You follow {MOST_FOLLOWS} things already. Unfollow one first.")
        return redirect(page)
    if is_new:
        messages.success(request, "You now follow this. We email you when something new is published here.")
    else:
        messages.info(request, "You already follow this.")
    return redirect(page)


@require_POST
def unfollow(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("following:list"))
    followed = get_object_or_404(Follow, pk=pk, user=request.user)
    followed.delete()
    messages.success(request, f"You no longer follow {followed.label}.")
    return redirect(posted_next(request, reverse("following:list")))


# Mail programs post here without a CSRF token (RFC 8058 one-click unsubscribe); the signed token is the
# only credential. A GET only asks, so that a mail scanner that opens links unsubscribes nobody.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        follows = follows_for(token)
    except signing.BadSignature:
        return render(request, "following/bad_link.html", status=400)
    if request.method == "GET":
        return render(request, "following/unsubscribe.html", {"follows": list(follows), "token": token})
    removed, _ = follows.delete()
    return render(request, "following/unsubscribed.html", {"removed": removed})
