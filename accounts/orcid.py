"""Connecting an account to its owner's ORCID iD: ORCID's OAuth 2.0 authorization-code flow with the
/authenticate scope (https://info.orcid.org/documentation/api-tutorials/api-tutorial-get-and-authenticated-orcid-id/).

The account page sends its owner to ORCID with a random `state` kept in their session; ORCID sends them
back with a one-time code (or an error, if they said no); the portal exchanges the code, with its client
secret, for the iD of whoever signed in to ORCID. Only that iD counts as theirs: it links the account to
the researcher profile with the same iD (accounts/claims.py). The access token is not kept: the portal
reads nothing else from ORCID. ORCID's redirect back is a cross-site top-level GET: the session cookie
must stay SameSite=Lax (Django's default), or the state would not be found.

Written by hand over urllib, as harvest/orcid.py fetches records: two HTTP exchanges and one check do
not earn an OAuth library (and its own session and settings conventions).
"""

import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest

from core.identifiers import normalise_orcid, validate_orcid

from .models import OrcidConnection

# The session key holding the `state` of the sign-in at ORCID under way.
STATE_KEY = "orcid_state"
# ORCID's answer is a few hundred bytes; more is not a token.
MAX_ANSWER_BYTES = 64 * 1024


class OrcidRefused(Exception):
    """Why the iD was not connected, in words for the person."""


def configured() -> bool:
    return bool(settings.ORCID_CLIENT_ID and settings.ORCID_CLIENT_SECRET)


def offered(view):
    """For the views of the flow: without the portal's ORCID credentials they do not exist (404, signed in
    or not); with them, anonymous visitors are sent to sign in."""

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs):
        if not configured():
            raise Http404("Connecting an ORCID iD is not offered on this site.")
        return login_required(view)(request, *args, **kwargs)

    return checked


def authorize_url(request: HttpRequest, redirect_uri: str) -> str:
    """Where to send the person to sign in to ORCID; remembers the state to expect back in their session."""
    state = secrets.token_urlsafe(32)
    request.session[STATE_KEY] = state
    query = urllib.parse.urlencode(
        {
            "client_id": settings.ORCID_CLIENT_ID,
            "response_type": "code",
            "scope": "/authenticate",
            "redirect_uri": redirect_uri,
            "state": state,
        }
    )
    return f"{settings.ORCID_BASE_URL}/oauth/authorize?{query}"


def check_answer(request: HttpRequest) -> str:
    """The code ORCID sent back, once sure it answers this person's own request; else OrcidRefused."""
    expected = request.session.pop(STATE_KEY, None)
    state = request.GET.get("state", "")
    if not expected or not secrets.compare_digest(expected.encode(), state.encode()):
        raise OrcidRefused(
            "This answer from ORCID is not for a request made from this browser, or it was already used, "
            "so your ORCID iD was not connected. Please try again from your account page."
        )
    error = request.GET.get("error", "")
    if error == "access_denied":
        raise OrcidRefused(
            "You did not give the portal permission at ORCID, so your ORCID iD was not connected. "
            "You can try again whenever you like."
        )
    code = request.GET.get("code", "")
    if error or not code:
        raise OrcidRefused("ORCID did not confirm your iD, so it was not connected. Please try again.")
    return code


def exchange(code: str, redirect_uri: str) -> str:
    """The ORCID iD of whoever signed in to ORCID, in exchange for the code (POST <base>/oauth/token)."""
    body = urllib.parse.urlencode(
        {
            "client_id": settings.ORCID_CLIENT_ID,
            "client_secret": settings.ORCID_CLIENT_SECRET,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
        }
    ).encode()
    request = urllib.request.Request(
        f"{settings.ORCID_BASE_URL}/oauth/token",
        data=body,
        headers={"Accept": "application/json", "User-Agent": "N8 CYP data portal"},
        method="POST",
    )
    timeout = settings.ORCID_TIMEOUT
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (an https setting)
            answer = response.read(MAX_ANSWER_BYTES + 1)
    except urllib.error.HTTPError as error:
        if 400 <= error.code < 500:
            # An expired or already used code, or a wrong client setting: asking again gets a new code.
            raise OrcidRefused(
                "ORCID did not accept the sign-in (it may have taken too long), so your ORCID iD was not "
                "connected. Please try again."
            ) from None
        raise unavailable(f"ORCID answered with an error (HTTP {error.code})") from None
    except (TimeoutError, urllib.error.URLError) as error:
        timed_out = isinstance(error, TimeoutError) or isinstance(error.reason, TimeoutError)
        what = (
            f"ORCID did not answer within {timeout:g} seconds" if timed_out else "ORCID could not be reached"
        )
        raise unavailable(what) from None
    return orcid_in(answer)


def unavailable(what: str) -> OrcidRefused:
    return OrcidRefused(f"{what}, so your ORCID iD was not connected. Please try again later.")


def orcid_in(answer: bytes) -> str:
    """The iD in ORCID's token answer, checked; OrcidRefused if the answer is not one."""
    try:
        if len(answer) > MAX_ANSWER_BYTES:
            raise ValueError("too large")
        orcid = normalise_orcid(str(json.loads(answer.decode("utf-8"))["orcid"]))
        validate_orcid(orcid)
    except (ValueError, TypeError, KeyError, RecursionError, ValidationError):
        raise unavailable("ORCID’s answer could not be read") from None
    return orcid


def connect(user, orcid: str) -> OrcidConnection:
    """Records `orcid` as the account's verified iD (replacing any earlier one); refused when another
    account has it."""
    if OrcidConnection.objects.filter(orcid=orcid).exclude(user=user).exists():
        raise already_connected(orcid)
    try:
        with transaction.atomic():
            OrcidConnection.objects.filter(user=user).delete()
            return OrcidConnection.objects.create(user=user, orcid=orcid)
    except IntegrityError:  # another account connected it meanwhile
        raise already_connected(orcid) from None


def already_connected(orcid: str) -> OrcidRefused:
    return OrcidRefused(
        f"The ORCID iD {orcid} is already connected to another account on the portal, so it was not "
        "connected to this one. If that account is not yours, contact us."
    )
