"""The one app factory: every web layer (API, operations endpoints, back office) on one engine.

It is the one module of the core that imports the web layers: it is where they are wired.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from backend.accounts.tokens import TokenVerifier
from backend.admin import install_admin
from backend.api import docs
from backend.api.context import AppContext
from backend.api.docs import document_bearer_auth
from backend.api.fair_use import InProgress, RateLimiter
from backend.api.routes import router as task_router
from backend.core.allowed_hosts import AllowedHostsMiddleware
from backend.core.client_address import ForwardedClient
from backend.core.db import POOL_SIZE, create_engine
from backend.core.errors import MAX_BODY_BYTES, install_error_handlers
from backend.core.migrations import head_revisions
from backend.core.settings import Settings
from backend.core.statement_pool import StatementPool
from backend.observability.health import router as health_router
from backend.observability.logging import configure_logging, flush_logs
from backend.observability.metrics import install_metrics
from backend.observability.process import worker_stopped
from backend.observability.request_context import RequestContextMiddleware
from backend.observability.tracing import flush_traces, install_tracing
from backend.tasks.cursors import CursorCodec

log = structlog.get_logger("taskapi.app")
# Objects that live as long as the app (routes, models, compiled statements) are frozen out of
# the collector's reach after start-up, and young objects are collected less often: a request
# makes many short-lived ones, and full collections of the old were what stretched p99. No
# collection comes first: after start-up it found 20 objects to free and took 40 to 90 ms of
# the time to /readyz. One comes at shutdown instead, once they are unfrozen, so a process that
# builds app after app (the tests) frees each one.
GC_GENERATION_0_THRESHOLD = 50_000
# Traces are ours (backend.observability.tracing, on when OTEL_EXPORTER_OTLP_ENDPOINT is set),
# and FastAPI's own OpenTelemetry steps aside for them. Left on, it would look for a configured
# tracer, meter and logger provider on every request (3 us, 0.5 % of a get) to find none.
FASTAPI_TELEMETRY_OFF = {"tracing": False, "metrics": False, "logs": False}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the ASGI app. Nothing connects to the database until a request needs it."""
    settings = settings if settings is not None else Settings()
    configure_logging(settings)
    for warning in settings.startup_warnings():
        log.warning("insecure_configuration", detail=warning)
    url = settings.required_app_database_url()
    pooled = settings.app_database_is_pooled()
    engine = create_engine(url, pooled=pooled)
    statements = StatementPool(url, pooled=pooled)
    context = AppContext(
        settings=settings,
        engine=engine,
        db=statements,
        verifier=TokenVerifier(settings),
        cursor_codec=CursorCodec(settings.cursor_key),
        rate_limiter=RateLimiter(settings.api_rate_limit) if settings.api_rate_limit else None,
        in_progress=InProgress(),
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        gc.freeze()
        gc.set_threshold(GC_GENERATION_0_THRESHOLD, *gc.get_threshold()[1:])
        yield
        await statements.close()
        await engine.dispose()
        worker_stopped()
        log.info("shutdown", database_pool="closed")
        flush_traces()
        flush_logs()
        gc.unfreeze()
        gc.collect()

    # Swagger UI's and ReDoc's files served from this package, not a CDN: /docs and /redoc
    # (ours: see backend/api/docs.py) work on an air-gapped network.
    app = FastAPIOffline(
        docs_url=None,
        redoc_url=None,
        static_url=docs.STATIC_URL,
        title="Task platform",
        version="1.0.0",
        summary="Each user's tasks, behind their identity provider's JWT.",
        lifespan=lifespan,
        telemetry=FASTAPI_TELEMETRY_OFF,
    )
    app.state.context = context
    app.state.migration_heads = head_revisions()
    metrics_token = settings.metrics_token.get_secret_value() if settings.metrics_token else None
    metrics = install_metrics(app, engine=engine, token=metrics_token, pool_capacity=POOL_SIZE)
    statements.on_use = metrics.pools.observe_api_pool
    statements.on_retry = lambda kind: metrics.business.statements_retried.labels(kind=kind).inc()
    app.state.metrics = metrics.business
    install_error_handlers(app)
    tracing = install_tracing(app, settings)
    if tracing is not None:
        statements.statement_span = tracing.statement_span
    if settings.allowed_hosts:
        # Right inside the request context (whose id and access event every answer gets):
        # nothing else sees a request for another host.
        app.add_middleware(AllowedHostsMiddleware, hosts=settings.allowed_hosts)
    # The request context: its id is on every response, errors and 413s included.
    app.add_middleware(
        RequestContextMiddleware,
        http_metrics=metrics.http,
        max_body_bytes=MAX_BODY_BYTES,
        trace_id=tracing.trace_id if tracing is not None else None,
    )
    # Outermost: who is asking, from a trusted proxy's X-Forwarded-For, before anything reads it.
    app.add_middleware(ForwardedClient, trusted_hosts=settings.forwarded_allow_ips)
    # The routers' routes join the app's own: FastAPI builds an included router's routes once
    # more for each app, on its first request (about 50 ms before the first answer), where
    # these were built once, at import. None of them has an include-time prefix or dependency.
    for router in (task_router, docs.router, health_router):
        app.router.routes.extend(router.routes)
    document_bearer_auth(app)
    install_admin(
        app,
        engine=engine,
        secret_key=settings.admin_key,
        secure_cookie=not settings.is_development,
        admins_need_second_factor=not settings.is_development,
        metrics=metrics.business,
    )
    return app


def create_app_from_environment() -> FastAPI:
    """Entry point for uvicorn workers (`factory=True`): settings come from the environment."""
    return create_app(Settings())
