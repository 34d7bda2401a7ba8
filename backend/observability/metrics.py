"""Prometheus metrics at /metrics: HTTP figures by route template, pool gauges, business counters.

Each app has its own registry, so tests (and anything else) can build many apps in one process.
Under `taskapi serve --workers N` (PROMETHEUS_MULTIPROC_DIR set by `serve`) every worker writes
its figures to that directory and /metrics adds them up across workers.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from fastapi import Depends, FastAPI, Request
from prometheus_client import CollectorRegistry, Counter, Gauge
from prometheus_fastapi_instrumentator import Instrumentator, metrics
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.errors import NotAuthenticated

# For a service answering in 5 ms to 2 s: the instrumentator's default buckets start at 10 ms.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 5.0)
UNINSTRUMENTED = ["/metrics", "/healthz", "/readyz"]


@dataclass(frozen=True)
class BusinessMetrics:
    """Counters the API (and the back office) move as things happen."""

    tasks_created: Counter
    tasks_completed: Counter
    tasks_deleted: Counter
    auth_failures: Counter
    admin_sign_ins: Counter

    @classmethod
    def on(cls, registry: CollectorRegistry) -> BusinessMetrics:
        return cls(
            tasks_created=Counter("tasks_created", "Tasks created.", registry=registry),
            tasks_completed=Counter(
                "tasks_completed", "Tasks changed from open to completed.", registry=registry
            ),
            tasks_deleted=Counter("tasks_deleted", "Tasks deleted.", registry=registry),
            auth_failures=Counter(
                "auth_failures", "Refused API requests by reason.", ["reason"], registry=registry
            ),
            admin_sign_ins=Counter(
                "admin_sign_ins",
                "Back-office sign-in attempts by outcome.",
                ["outcome"],
                registry=registry,
            ),
        )


class PoolGauges:
    """The engine's pool as gauges, kept up to date from pool events.

    Events rather than a scrape-time callback, because with `serve --workers N` the scrape is
    answered by one worker from every worker's files (Prometheus multiprocess mode), where a
    callback would only ever see its own process. `livesum` adds the live workers' values.
    """

    def __init__(self, engine: AsyncEngine, registry: CollectorRegistry) -> None:
        pool = engine.sync_engine.pool

        def gauge(name: str, help_text: str) -> Gauge:
            return Gauge(name, help_text, registry=registry, multiprocess_mode="livesum")

        self._size = gauge("db_pool_size", "Connections the pool keeps.")
        self._checked_out = gauge("db_pool_checked_out", "Connections in use by requests.")
        self._checked_in = gauge("db_pool_checked_in", "Idle connections in the pool.")
        self._overflow = gauge("db_pool_overflow", "Connections open beyond the pool size.")
        size = pool.size() if hasattr(pool, "size") else 0
        self._size.set(size)
        self._capacity = size
        self._open = 0
        self._in_use = 0
        self._publish()
        for name, step in (
            ("connect", self._opened),
            ("close", self._closed),
            ("close_detached", self._closed),
            ("checkout", self._out),
            ("checkin", self._in),
        ):
            event.listen(pool, name, step)

    def _publish(self) -> None:
        self._checked_out.set(self._in_use)
        self._checked_in.set(max(self._open - self._in_use, 0))
        self._overflow.set(max(self._open - self._capacity, 0))

    def _opened(self, *_: object) -> None:
        self._open += 1
        self._publish()

    def _closed(self, *_: object) -> None:
        self._open = max(self._open - 1, 0)
        self._publish()

    def _out(self, *_: object) -> None:
        self._in_use += 1
        self._publish()

    def _in(self, *_: object) -> None:
        self._in_use = max(self._in_use - 1, 0)
        self._publish()


def install_metrics(app: FastAPI, *, engine: AsyncEngine, token: str | None) -> BusinessMetrics:
    """Instrument `app`, expose /metrics (behind `token` when given), return the counters."""
    registry = CollectorRegistry()
    instrumentator = Instrumentator(
        should_group_status_codes=True,
        should_ignore_untemplated=True,
        # Its in-progress gauge ignores `registry` and lands in the global one, which breaks a
        # second app in the same process; InFlightMiddleware below counts on ours instead.
        should_instrument_requests_inprogress=False,
        excluded_handlers=UNINSTRUMENTED,
        registry=registry,
    )
    instrumentator.add(
        metrics.default(
            latency_highr_buckets=LATENCY_BUCKETS,
            latency_lowr_buckets=LATENCY_BUCKETS,
            registry=registry,
        )
    )
    PoolGauges(engine, registry)
    business = BusinessMetrics.on(registry)

    def require_token(request: Request) -> None:
        if token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), token.encode()
        ):
            raise NotAuthenticated("A valid metrics token is required.")

    instrumentator.instrument(app).expose(
        app, include_in_schema=False, dependencies=[Depends(require_token)]
    )
    in_flight = Gauge(
        "http_requests_inprogress",
        "HTTP requests being served.",
        ["method"],
        registry=registry,
        multiprocess_mode="livesum",
    )
    app.add_middleware(InFlightMiddleware, gauge=in_flight)
    return business


class InFlightMiddleware:
    def __init__(self, app: ASGIApp, gauge: Gauge) -> None:
        self.app = app
        self.gauge = gauge

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNINSTRUMENTED:
            await self.app(scope, receive, send)
            return
        with self.gauge.labels(method=scope["method"]).track_inprogress():
            await self.app(scope, receive, send)
