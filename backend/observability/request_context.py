"""Per-request context: the X-Request-ID on every response and log event, and the last-resort 500.

Unhandled exceptions end here rather than in Starlette's ServerErrorMiddleware, so they are
logged once, as one structured event, and still answered with the contract's envelope and id.
"""

from __future__ import annotations

import re
import time
import uuid

import structlog
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.errors import AppError

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")

log = structlog.get_logger("backend.request")


def request_id_from(scope: Scope) -> str:
    """The client's id when it is sane, a new one otherwise."""
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            if _SANE_REQUEST_ID.fullmatch(candidate):
                return candidate
            break
    return uuid.uuid4().hex


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(scope)
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        status = 500
        started_at = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id):
            try:
                await self.app(scope, receive, send_with_id)
            except Exception as exc:
                log.error("unhandled_exception", error_type=type(exc).__name__, exc_info=exc)
                if status != 500:  # the response had started: too late for an envelope
                    raise
                response = AppError().response()
                await response(scope, receive, send_with_id)
            finally:
                route = scope.get("route")
                owner_id = state.get("owner_id")
                # One access event per request: the route template, never the raw path or query,
                # which may carry a user's search text.
                log.info(
                    "request",
                    method=scope["method"],
                    # Under a mount (the back office) the route is the mount's own: prefix it.
                    route=scope.get("root_path", "") + route.path if route is not None else None,
                    status=status,
                    duration_ms=round((time.perf_counter() - started_at) * 1000, 2),
                    user_id=str(owner_id) if owner_id else None,
                )
