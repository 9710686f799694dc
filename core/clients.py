"""Who is asking: the client's address, as seen through the portal's own reverse proxies."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address of the client, for rate limits and logs.

    Behind TRUSTED_PROXY_COUNT reverse proxies, each appends the address it received the request from
    to X-Forwarded-For, so the client is that many entries from the right; anything further left was
    written by the client and cannot be trusted. With no proxies, it is the connection's own address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()
    ]
    if proxies and len(forwarded) >= proxies and is_address(forwarded[-proxies]):
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
        return True
    except ValueError:
        return False


def client_ip_key(group: str, request: HttpRequest) -> str:
    """The client, as django-ratelimit counts it: an IPv6 client by its /64 network, since anyone
    given one IPv6 address can use every address of its /64."""
    address = client_ip(request)
    if ":" in address and is_address(address):
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return address
