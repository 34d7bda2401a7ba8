"""Refuses cross-site requests that could change something in the back office (CSRF).

SQLAdmin has no CSRF token and runs custom actions (deactivate a user) as GET requests, so a
link or form on another site must not be able to trigger them. The session cookie is already
SameSite=Strict and scoped to /admin; this is the second lock: browsers say where a request
comes from (`Sec-Fetch-Site`, or `Origin` in older ones), and any request that writes, runs an
action or signs out is refused unless it comes from the back office's own origin. Clients that
send neither header are not browsers and carry no ambient cookie to abuse.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.core.errors import Forbidden

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TRUSTED_SITES = frozenset({"same-origin", "none"})


def _changes_state(method: str, path: str) -> bool:
    return method not in SAFE_METHODS or "/action/" in path or path.endswith("/logout")


def is_cross_site(headers: Headers) -> bool:
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site not in TRUSTED_SITES
    origin = headers.get("origin")
    if origin is None:
        return False
    # Host only: behind a TLS-terminating proxy the scheme the app sees is not the browser's.
    return urlsplit(origin).netloc != headers.get("host")


class CrossSiteRefusal:
    """ASGI middleware for the back-office mount."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and _changes_state(scope["method"], scope["path"])
            and is_cross_site(Headers(scope=scope))
        ):
            response = Forbidden("Cross-site requests to the back office are refused.").response()
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
