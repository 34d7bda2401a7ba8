"""ALLOWED_HOSTS: a request for a host the platform does not answer for gets 400 first.

Anything that builds a URL from the `Host` header (the back office's redirects after sign-in,
`Location` of a created task) would otherwise point wherever a client says. Starlette's
TrustedHostMiddleware does the check but answers in plain text, not the contract's envelope,
so this is the same check with our error.

The operations endpoints answer for any host: Kubernetes' probes and Prometheus' pod discovery
address a pod by its IP, and none of these answers carries the host anywhere.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from backend.core.errors import BadRequest

ANY_HOST_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def host_name(header: str) -> str:
    """The name in a `Host` header, without its port, in lower case."""
    header = header.strip().lower()
    if header.startswith("["):  # an IPv6 literal: [::1]:8000
        return header[: header.find("]") + 1]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class AllowedHostsMiddleware:
    def __init__(self, app: ASGIApp, *, hosts: tuple[str, ...]) -> None:
        self.app = app
        # "*.example.com" allows every name under example.com (not example.com itself).
        self.exact = frozenset(host for host in hosts if not host.startswith("*."))
        self.suffixes = tuple(host[1:] for host in hosts if host.startswith("*."))

    def allows(self, header: str) -> bool:
        name = host_name(header)
        return name in self.exact or (bool(name) and name.endswith(self.suffixes))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] not in ANY_HOST_PATHS:
            header = next((v for k, v in scope["headers"] if k == b"host"), b"")
            if not self.allows(header.decode("latin-1")):
                refusal = BadRequest("This server does not answer for that host.")
                await refusal.response()(scope, receive, send)
                return
        await self.app(scope, receive, send)
