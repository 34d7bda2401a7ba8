"""The one middleware every request passes: its id, its size limit, its metrics, its log event.

Doing all of it in one place reads the headers once and wraps `send` once per request. Unhandled
exceptions end here rather than in Starlette's ServerErrorMiddleware, so they are logged once,
as one structured event, and still answered with the contract's envelope and id.
"""

from __future__ import annotations

import itertools
import re
import time
import uuid
from collections.abc import Callable

import structlog
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.core.body_limit import limited, too_large
from backend.core.errors import AppError
from backend.observability.logging import log_request
from backend.observability.metrics import UNINSTRUMENTED, HttpMetrics

REQUEST_ID_HEADER = b"x-request-id"
UNMATCHED = "<unmatched>"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
# The error code of an envelope (`backend.core.errors.envelope` writes it compactly), read from
# the answer itself so that every way of failing (a handler's error, a 413 before any route,
# an unmatched path) names its code in the access event.
_ERROR_CODE = re.compile(rb'"code":"([a-z_]{1,64})"')
# Probes come every few seconds from every orchestrator: a healthy answer is logged at DEBUG.
PROBES = frozenset({"/healthz", "/readyz"})
# A scope state key: headers a route wants on its answer, whichever way it answers (an error
# handler's response included), such as the task API's RateLimit headers.
EXTRA_HEADERS = "extra_headers"

log = structlog.get_logger("backend.request")


# New ids: this process's random prefix and a counter, unique without a random draw each.
_ID_PREFIX = uuid.uuid4().hex[:16]
_id_counter = itertools.count(1)


def request_id_from(scope: Scope) -> str:
    """The client's id when it is sane, a new one otherwise."""
    for name, value in scope.get("headers", ()):
        if name == REQUEST_ID_HEADER:
            candidate: str = value.decode("latin-1")
            if _SANE_REQUEST_ID.fullmatch(candidate):
                return candidate
            break
    return f"{_ID_PREFIX}{next(_id_counter):016x}"


def _declared_length(scope: Scope) -> int:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else 0
    return 0


def _template_of(scope: Scope) -> str:
    """The template of the route the path would reach, or UNMATCHED."""
    for route in getattr(scope.get("app"), "routes", ()):
        if route.matches(scope)[0] is not Match.NONE:
            return str(route.path_format)
    return UNMATCHED


class RequestContextMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        http_metrics: HttpMetrics,
        max_body_bytes: int,
        trace_id: Callable[[], str | None] | None = None,
    ) -> None:
        self.app = app
        self.http_metrics = http_metrics
        self.max_body_bytes = max_body_bytes
        # When tracing is on: the request's trace id, for every event it logs.
        self.trace_id = trace_id
        self.uninstrumented = frozenset(UNINSTRUMENTED)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started_at = time.perf_counter()
        request_id = request_id_from(scope)
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        status = 500
        started = False
        response_bytes = 0
        code: str | None = None
        request_bytes = _declared_length(scope)
        id_header = (b"x-request-id", request_id.encode())

        async def send_with_id(message: Message) -> None:
            nonlocal status, started, response_bytes, code
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                headers = message.setdefault("headers", [])
                for name, value in headers:
                    if name == b"content-length":
                        response_bytes = int(value)
                headers.append(id_header)
                extra = state.get(EXTRA_HEADERS)
                if extra is not None:
                    headers.extend(extra)
            elif status >= 400 and code is None:
                found = _ERROR_CODE.search(message.get("body", b""))
                code = found[1].decode() if found else None
            await send(message)

        instrumented = scope["path"] not in self.uninstrumented
        in_flight = self.http_metrics.in_flight(scope["method"])
        if instrumented:
            in_flight.inc()
        # Bound for every event of the request (not `bound_contextvars`, whose context manager
        # costs more than the binding itself).
        bound = structlog.contextvars.bind_contextvars(request_id=request_id)
        if self.trace_id is not None and (trace_id := self.trace_id()) is not None:
            bound = {**bound, **structlog.contextvars.bind_contextvars(trace_id=trace_id)}
        try:
            if request_bytes > self.max_body_bytes:
                await too_large(scope, receive, send_with_id)
            else:
                await self.app(scope, limited(receive, self.max_body_bytes), send_with_id)
        except Exception as exc:
            log.error("unhandled_exception", error_type=type(exc).__name__, exc_info=exc)
            # A mounted app (the back office) answers its own errors before re-raising them;
            # a second response would break the connection, so only the unanswered get one.
            if not started:
                await AppError().response()(scope, receive, send_with_id)
        finally:
            duration_s = time.perf_counter() - started_at
            route = scope.get("route")
            # Under a mount (the back office) the route is the mount's own: prefix it. The
            # template as written, without a parameter's convertor (`{task_id}`).
            template = scope.get("root_path", "") + route.path_format if route is not None else None
            # Answered before routing (a 413) or by no route (a 404): still named by template.
            named = template or _template_of(scope)
            if instrumented:
                in_flight.dec()
                # Unmatched paths are not recorded: a label per raw path would be unbounded.
                if template is not None:
                    self.http_metrics.observe(
                        method=scope["method"],
                        handler=template,
                        status=status,
                        duration_s=duration_s,
                        request_bytes=request_bytes,
                        response_bytes=response_bytes,
                    )
            # One access event per request: the route template, never the raw path or query,
            # which may carry a user's search text (a path no route matched is `<unmatched>`).
            # Who asked (user_id, staff_id) is in the context, bound where the request was
            # authenticated; a failed one names its error code.
            fields = {"code": code} if status >= 400 else {}
            log_request(
                debug=status < 400 and scope["path"] in PROBES,
                method=scope["method"],
                route=named,
                status=status,
                duration_ms=round(duration_s * 1000, 2),
                **fields,
            )
            structlog.contextvars.reset_contextvars(**bound)
            structlog.contextvars.unbind_contextvars("user_id", "staff_id")
