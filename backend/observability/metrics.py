"""Prometheus metrics at /metrics: HTTP figures by route template, pool gauges, business counters
(and, from backend.observability.process, the process's figures and the build).

Each app has its own registry, so tests (and anything else) can build many apps in one process.
Under `taskapi serve --workers N` (PROMETHEUS_MULTIPROC_DIR set by `serve`) every worker writes
its figures to that directory and /metrics adds them up across workers.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, Request
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Summary,
    disable_created_metrics,
)
from prometheus_fastapi_instrumentator import Instrumentator
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from backend.core.errors import NotAuthenticated
from backend.observability.process import ProcessFigures

# For a service answering in 5 ms to 2 s: the instrumentator's default buckets start at 10 ms.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 5.0)
UNINSTRUMENTED = ["/metrics", "/healthz", "/readyz"]


@dataclass(frozen=True)
class BusinessMetrics:
    """Counters the API (and the back office) move as things happen."""

    tasks_created: Counter
    tasks_completed: Counter
    tasks_deleted: Counter
    trash_purged: Counter
    auth_failures: Counter
    admin_sign_ins: Counter
    database_unavailable: Counter
    requests_limited: Counter
    statements_retried: Counter

    @classmethod
    def on(cls, registry: CollectorRegistry) -> BusinessMetrics:
        metrics = cls(
            tasks_created=Counter("tasks_created", "Tasks created.", registry=registry),
            tasks_completed=Counter(
                "tasks_completed", "Tasks changed from open to completed.", registry=registry
            ),
            tasks_deleted=Counter("tasks_deleted", "Tasks deleted.", registry=registry),
            trash_purged=Counter(
                "trash_purged",
                "Deleted tasks purged from the trash after their 30 days.",
                registry=registry,
            ),
            auth_failures=Counter(
                "auth_failures", "Refused API requests by reason.", ["reason"], registry=registry
            ),
            admin_sign_ins=Counter(
                "admin_sign_ins",
                "Back-office sign-in attempts by outcome.",
                ["outcome"],
                registry=registry,
            ),
            database_unavailable=Counter(
                "database_unavailable",
                "API requests answered 503 database_unavailable, and failed /readyz checks.",
                registry=registry,
            ),
            requests_limited=Counter(
                "api_requests_limited",
                "Task API requests refused by fair use: reason rate (429) or overload (503).",
                ["reason"],
                registry=registry,
            ),
            statements_retried=Counter(
                "api_statements_retried",
                "API statements tried again on another connection after theirs died, by kind.",
                ["kind"],
                registry=registry,
            ),
        )
        # Every reason and kind exported from the start, at 0: dashboards and alerts see a
        # series before the first refusal or retry.
        for reason in ("rate", "overload"):
            metrics.requests_limited.labels(reason=reason)
        for kind in ("read", "write"):
            metrics.statements_retried.labels(kind=kind)
        return metrics


class PoolGauges:
    """Both connection pools as gauges, labelled `pool`: `api` (the public API's statements)
    and `admin` (the SQLAlchemy engine of the back office, readiness and the CLI).

    Kept up to date as connections move rather than read by a scrape-time callback, because
    with `serve --workers N` the scrape is answered by one worker from every worker's files
    (Prometheus multiprocess mode), where a callback would only ever see its own process.
    `livesum` adds the live workers' values.
    """

    def __init__(self, engine: AsyncEngine, registry: CollectorRegistry, capacity: int) -> None:
        def gauge(name: str, help_text: str) -> Gauge:
            return Gauge(name, help_text, ["pool"], registry=registry, multiprocess_mode="livesum")

        self._capacity = capacity
        self._size = gauge("db_pool_size", "Connections the pool keeps.")
        self._checked_out = gauge("db_pool_checked_out", "Connections in use by requests.")
        self._checked_in = gauge("db_pool_checked_in", "Idle connections in the pool.")
        self._overflow = gauge("db_pool_overflow", "Connections open beyond the pool size.")
        self._series: dict[str, tuple[Gauge, ...]] = {}
        self._engine_open = 0
        self._engine_in_use = 0
        self.observe_api_pool(0, 0, 0)
        self._publish_engine()
        pool = engine.sync_engine.pool
        for name, step in (
            ("connect", self._opened),
            ("close", self._closed),
            ("close_detached", self._closed),
            ("checkout", self._out),
            ("checkin", self._in),
        ):
            event.listen(pool, name, step)

    def _set(self, pool: str, size: int, in_use: int, idle: int) -> None:
        series = self._series.get(pool)
        if series is None:
            gauges = (self._size, self._checked_out, self._checked_in, self._overflow)
            series = self._series[pool] = tuple(g.labels(pool=pool) for g in gauges)
            series[0].set(self._capacity)
        _, checked_out, checked_in, overflow = series
        checked_out.set(in_use)
        checked_in.set(idle)
        overflow.set(max(size - self._capacity, 0))

    def observe_api_pool(self, size: int, in_use: int, idle: int) -> None:
        """The API pool's figures, given by the pool as connections move."""
        self._set("api", size, in_use, idle)

    def _publish_engine(self) -> None:
        idle = max(self._engine_open - self._engine_in_use, 0)
        self._set("admin", self._engine_open, self._engine_in_use, idle)

    def _opened(self, *_: object) -> None:
        self._engine_open += 1
        self._publish_engine()

    def _closed(self, *_: object) -> None:
        self._engine_open = max(self._engine_open - 1, 0)
        self._publish_engine()

    def _out(self, *_: object) -> None:
        self._engine_in_use += 1
        self._publish_engine()

    def _in(self, *_: object) -> None:
        self._engine_in_use = max(self._engine_in_use - 1, 0)
        self._publish_engine()


class HttpMetrics:
    """The HTTP figures, fed by our one request middleware, which already knows the route.

    The names, labels and help texts are those of the instrumentator's `metrics.default()`
    (dashboards and alerts written for it keep working); its own middleware is not used, as it
    matches every route again and builds request and response objects for each request. Each
    label combination's series is looked up once and kept.
    """

    def __init__(self, registry: CollectorRegistry, process: ProcessFigures) -> None:
        self._process = process
        self._total = Counter(
            "http_requests_total",
            "Total number of requests by method, status and handler.",
            ["method", "status", "handler"],
            registry=registry,
        )
        self._request_size = Summary(
            "http_request_size_bytes",
            "Content length of incoming requests by handler. Only value of header is respected.",
            ["handler"],
            registry=registry,
        )
        self._response_size = Summary(
            "http_response_size_bytes",
            "Content length of outgoing responses by handler. Only value of header is respected.",
            ["handler"],
            registry=registry,
        )
        self._latency_all = Histogram(
            "http_request_duration_highr_seconds",
            "Latency with many buckets but no API specific labels.",
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self._latency = Histogram(
            "http_request_duration_seconds",
            "Latency with only few buckets by handler.",
            ["method", "handler"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self._in_flight = Gauge(
            "http_requests_inprogress",
            "HTTP requests being served.",
            ["method"],
            registry=registry,
            multiprocess_mode="livesum",
        )
        self._series: dict[tuple[str, str, str], tuple[Any, Any, Any, Any]] = {}
        self._in_flight_series: dict[str, Gauge] = {}

    def in_flight(self, method: str) -> Gauge:
        """The in-flight gauge of one method (methods are few: the server refuses others)."""
        series = self._in_flight_series.get(method)
        if series is None:
            series = self._in_flight_series[method] = self._in_flight.labels(method=method)
        return series

    def observe(
        self,
        *,
        method: str,
        handler: str,
        status: int,
        duration_s: float,
        request_bytes: int,
        response_bytes: int,
    ) -> None:
        # Route templates, methods and status classes are few, so the series are bounded.
        key = (method, handler, f"{status // 100}xx")
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = (
                self._total.labels(method=method, status=key[2], handler=handler),
                self._request_size.labels(handler=handler),
                self._response_size.labels(handler=handler),
                self._latency.labels(method=method, handler=handler),
            )
        total, request_size, response_size, latency = series
        total.inc()
        request_size.observe(request_bytes)
        response_size.observe(response_bytes)
        self._latency_all.observe(duration_s)
        latency.observe(duration_s)
        self._process.tick()


@dataclass(frozen=True)
class Metrics:
    """Everything an app instance measures, on its own registry."""

    business: BusinessMetrics
    http: HttpMetrics
    pools: PoolGauges
    process: ProcessFigures


def install_metrics(
    app: FastAPI, *, engine: AsyncEngine, token: str | None, pool_capacity: int
) -> Metrics:
    """Define the app's metrics on a registry of its own and expose them at /metrics (behind
    `token` when given). The figures come from the request middleware and the pools."""
    # A `_created` twin of every counter, histogram and summary doubled the samples for
    # nothing a dashboard reads (Prometheus tells a reset by the value falling).
    disable_created_metrics()  # type: ignore[no-untyped-call]  # (untyped upstream)
    registry = CollectorRegistry()
    process = ProcessFigures(registry)
    installed = Metrics(
        business=BusinessMetrics.on(registry),
        http=HttpMetrics(registry, process),
        pools=PoolGauges(engine, registry, pool_capacity),
        process=process,
    )

    def require_token(request: Request) -> None:
        if token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), token.encode()
        ):
            raise NotAuthenticated("A valid metrics token is required.")

    Instrumentator(registry=registry).expose(
        app,
        include_in_schema=False,
        dependencies=[Depends(require_token), Depends(process.refresh)],
    )
    return installed
