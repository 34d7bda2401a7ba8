"""The one app factory: every web layer (API, operations endpoints, back office) on one engine.

It is the one module of the core that imports the web layers: it is where they are wired.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI

from backend.admin import install_admin
from backend.api.routes import router as task_router
from backend.body_limit import BodyLimitMiddleware
from backend.context import AppContext
from backend.db import create_engine, create_session_factory
from backend.errors import install_error_handlers
from backend.observability.health import router as health_router
from backend.observability.logging import configure_logging
from backend.observability.metrics import install_metrics
from backend.observability.request_context import RequestContextMiddleware
from backend.schema import head_revisions
from backend.security import TokenVerifier
from backend.settings import Settings
from backend.tasks import CursorCodec

MAX_BODY_BYTES = 64 * 1024
log = structlog.get_logger("taskapi.app")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the ASGI app. Nothing connects to the database until a request needs it."""
    settings = settings if settings is not None else Settings()
    configure_logging(settings)
    url = settings.app_database_url()
    if url is None:
        raise RuntimeError("DATABASE_URL is not set (`taskapi serve` starts an embedded database)")
    engine = create_engine(url, pooled=settings.app_database_is_pooled())
    context = AppContext(
        settings=settings,
        engine=engine,
        session_factory=create_session_factory(engine),
        verifier=TokenVerifier(settings),
        cursor_codec=CursorCodec(settings.cursor_key),
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await engine.dispose()
        log.info("shutdown", database_pool="closed")

    app = FastAPI(
        title="Task platform",
        version="1.0.0",
        summary="Each user's tasks, behind their identity provider's JWT.",
        lifespan=lifespan,
    )
    app.state.context = context
    app.state.migration_heads = head_revisions()
    metrics_token = settings.metrics_token.get_secret_value() if settings.metrics_token else None
    app.state.metrics = install_metrics(app, engine=engine, token=metrics_token)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    # Added last, so outermost: its id is on every response, errors and 413s included.
    app.add_middleware(RequestContextMiddleware)
    app.include_router(task_router)
    app.include_router(health_router)
    install_admin(
        app,
        engine=engine,
        secret_key=settings.admin_key,
        secure_cookie=not settings.is_development,
        sign_ins=app.state.metrics.admin_sign_ins,
    )
    return app


def create_app_from_environment() -> FastAPI:
    """Entry point for uvicorn workers (`factory=True`): settings come from the environment."""
    return create_app(Settings())
