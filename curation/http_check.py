"""Asking a web address whether it still answers, politely: HEAD first, a timeout, a named User-Agent."""

import http.client
import ipaddress
import socket
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

from django.conf import settings
from django.utils.encoding import iri_to_uri

WEB_SCHEMES = ("http", "https")
# Servers that do not implement HEAD answer with these; we then ask again with GET.
HEAD_REFUSED = (405, 501)


@dataclass(frozen=True)
class Answer:
    status_code: int | None
    error: str = ""

    @property
    def is_broken(self) -> bool:
        return bool(self.error) or self.status_code is None or self.status_code >= 400


class BoundedRedirects(HTTPRedirectHandler):
    """Follows at most five redirects, only to web addresses, keeping HEAD a HEAD."""

    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in WEB_SCHEMES:
            raise HTTPError(newurl, code, "Redirected to an address that is not a web page", headers, fp)
        if is_private(newurl):
            raise HTTPError(newurl, code, "Redirected to an address on a private network", headers, fp)
        new_request = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new_request is not None:
            new_request.method = req.get_method()
        return new_request


OPENER = build_opener(BoundedRedirects)


def check_address(url: str, timeout: float, user_agent: str) -> Answer:
    """How `url` answers now. Never raises: a failure is an Answer with an error."""
    try:
        url = iri_to_uri(url)
        if urlsplit(url).scheme not in WEB_SCHEMES:
            return Answer(None, "Not a web address (it should start with https://)")
        if is_private(url):
            return Answer(None, "Not checked: the address is on a private network, not the public web")
        answer = _ask(url, "HEAD", timeout, user_agent)
        if answer.status_code in HEAD_REFUSED:
            answer = _ask(url, "GET", timeout, user_agent)
        return answer
    except Exception as error:  # One odd address must not stop the whole run.
        return Answer(None, f"Could not be checked: {error}"[:300])


def is_private(url: str) -> bool:
    """Whether `url`'s host is on a private, loopback or otherwise non-public network.

    The checker runs inside our network; it must not be a way to probe it.
    """
    if getattr(settings, "LINK_CHECK_PRIVATE_NETWORKS", False):
        return False
    try:
        addresses = socket.getaddrinfo(urlsplit(url).hostname or "", None)
    except (socket.gaierror, UnicodeError):
        return False  # An unknown host fails on its own, as a broken link.
    return any(not ipaddress.ip_address(address[4][0].split("%")[0]).is_global for address in addresses)


def _ask(url: str, method: str, timeout: float, user_agent: str) -> Answer:
    request = Request(url, method=method, headers={"User-Agent": user_agent, "Accept": "*/*"})
    try:
        # The body is never read: the status line is all we need.
        with OPENER.open(request, timeout=timeout) as response:
            return Answer(response.status)
    except HTTPError as error:
        error.close()
        if error.code < 400:
            return Answer(error.code, f"Too many redirects, or a redirect loop: {error.reason}")
        return Answer(error.code)
    except TimeoutError:
        return Answer(None, f"No answer within {timeout:g} seconds")
    except URLError as error:
        if isinstance(error.reason, TimeoutError):
            return Answer(None, f"No answer within {timeout:g} seconds")
        return Answer(None, f"Could not connect: {error.reason}"[:300])
    except (OSError, http.client.HTTPException) as error:
        return Answer(None, f"The connection failed: {error or type(error).__name__}"[:300])
