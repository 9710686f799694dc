"""Where to send someone after a form: back to the page they came from, when that is safe."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def posted_next(request: HttpRequest, fallback: str) -> str:
    """The `next` address posted with the form when it is a path on this site, otherwise `fallback`.

    Only a path: redirect() takes a bare word such as "0" for the name of a view, and fails; and never
    another site, so a crafted link cannot send people away through the portal.
    """
    wanted = request.POST.get("next", "")
    if wanted.startswith("/") and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return fallback
