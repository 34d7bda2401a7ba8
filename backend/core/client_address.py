"""Who is asking: the connection's peer, or the client a trusted proxy forwarded.

uvicorn's ProxyHeadersMiddleware takes `X-Forwarded-For` from the proxies FORWARDED_ALLOW_IPS
trusts. It runs here, in the app, rather than in uvicorn, so that the connection's own peer is
kept beside what it forwarded: the sign-in limits (backend.admin.throttle) exempt the machine
itself only when the connection really comes from it, never because a header says so.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

# A scope state key: the connection's peer, (host, port), before a forwarded one replaced it.
PEER = "peer"
# IPv6 addresses are handed out per /64 (a home or a host gets a whole one): counted so.
IPV6_PREFIX = 64


class ForwardedClient:
    """uvicorn's proxy headers, with the connection's own peer kept in the scope's state."""

    def __init__(self, app: ASGIApp, *, trusted_hosts: str) -> None:
        self.proxied = ProxyHeadersMiddleware(app, trusted_hosts=trusted_hosts)  # type: ignore[arg-type]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope.setdefault("state", {})[PEER] = scope.get("client")
        await self.proxied(scope, receive, send)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ClientAddress:
    """The address a request is counted against, and whether it is the machine itself."""

    address: str
    local: bool


def client_address(scope: Scope) -> ClientAddress:
    client = scope.get("client")
    connection = scope.get("state", {}).get(PEER, client)
    # The proxy headers put a new (host, port) in the scope's client when they apply.
    forwarded = client is not connection
    said, peer = (client or ("",))[0], (connection or ("",))[0]
    # A forwarded value that is not an IP address is ignored: the peer is counted instead.
    address = _ip(said) or _ip(peer)
    if address is None:
        return ClientAddress(address=peer, local=False)
    # Only a connection from this machine is the machine itself, not one forwarded as such.
    local = not forwarded and address.is_loopback
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:  # ::ffff:192.0.2.1 is 192.0.2.1
            return ClientAddress(address=str(address.ipv4_mapped), local=local)
        network = ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False)
        return ClientAddress(address=str(network), local=local)
    return ClientAddress(address=str(address), local=local)


def _ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        return None
