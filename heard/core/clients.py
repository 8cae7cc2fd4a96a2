"""The address of the client a request comes from, behind the proxies the operator trusts.

Behind a reverse proxy every request arrives from the proxy's own address; the client's is in the
X-Forwarded-For header the proxy adds. Anyone can write that header, so it is read only when the
request comes from an address in HEARD_TRUSTED_PROXIES, and then from the right: each trusted
proxy appends the address it saw, so the first address from the right that is not a trusted
proxy is the client's. Anything else written to the left of it was written by the client and is
ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [2001:db8::1]:443
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # 192.0.2.1:443
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def _trusted(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address, networks: list[Network]
) -> bool:
    return any(address in network for network in networks)


def client_address(request: HttpRequest | None) -> str:
    """The client's address as text, "unknown" if there is none to read."""
    if request is None:
        return "unknown"
    remote = _address(request.META.get("REMOTE_ADDR", "") or "")
    if remote is None:
        return "unknown"
    networks: list[Network] = settings.HEARD_TRUSTED_PROXY_NETWORKS
    if not networks or not _trusted(remote, networks):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed(forwarded.split(",")):
        address = _address(hop)
        if address is None:
            break  # a garbled entry: trust nothing to its left
        if not _trusted(address, networks):
            return str(address)
    # Only trusted proxies, or nothing usable: the last one that spoke is all we know.
    return str(remote)
