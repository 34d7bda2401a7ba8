"""Prometheus metrics at /metrics: HTTP figures by route template, pool gauges, business counters.

Each app has its own registry, so tests (and anything else) can build many apps in one process.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import Depends, FastAPI, Request
from prometheus_client import CollectorRegistry, Counter, Gauge
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from prometheus_fastapi_instrumentator import Instrumentator, metrics
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


class PoolCollector(Collector):
    """The engine's connection pool, read at scrape time."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._pool = engine.sync_engine.pool

    def collect(self) -> Iterator[GaugeMetricFamily]:
        pool = self._pool
        for name, help_text, read in (
            ("db_pool_size", "Connections the pool keeps.", "size"),
            ("db_pool_checked_out", "Connections in use by requests.", "checkedout"),
            ("db_pool_checked_in", "Idle connections in the pool.", "checkedin"),
            ("db_pool_overflow", "Connections open beyond the pool size.", "overflow"),
        ):
            value = getattr(pool, read, None)
            if callable(value):
                yield GaugeMetricFamily(name, help_text, value=float(value()))


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
    registry.register(PoolCollector(engine))
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
        "http_requests_inprogress", "HTTP requests being served.", ["method"], registry=registry
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
