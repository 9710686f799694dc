"""The datasets a visitor has collected, kept in their session: no sign-in needed."""

from django.http import HttpRequest

SESSION_KEY = "data_journey"
# Enough for any project plan; keeps the session small.
MOST_DATASETS = 30


def slugs_in(request: HttpRequest) -> list[str]:
    slugs = request.session.get(SESSION_KEY, [])
    return (
        [slug for slug in slugs if isinstance(slug, str)][:MOST_DATASETS] if isinstance(slugs, list) else []
    )


def add(request: HttpRequest, slug: str) -> bool:
    """Adds `slug`; False when the basket is already full."""
    slugs = slugs_in(request)
    if slug in slugs:
        return True
    if len(slugs) >= MOST_DATASETS:
        return False
    request.session[SESSION_KEY] = [*slugs, slug]
    return True


def remove(request: HttpRequest, slug: str) -> None:
    request.session[SESSION_KEY] = [kept for kept in slugs_in(request) if kept != slug]


def empty(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
