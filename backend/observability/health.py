"""Liveness and readiness: /healthz touches nothing, /readyz asks the database."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from backend.core.errors import DatabaseUnavailable

READY_TIMEOUT_S = 3.0

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    context = request.app.state.context
    try:
        async with asyncio.timeout(READY_TIMEOUT_S), context.engine.connect() as connection:
            rows = await connection.execute(text("SELECT version_num FROM alembic_version"))
            current = frozenset(row.version_num for row in rows)
    except ProgrammingError:
        return _not_ready(request, "the database schema is not migrated")
    except TimeoutError:
        return _not_ready(request, "the database did not answer in time")
    except Exception:  # any other failure means "not ready"; its text may hold a URL, so drop it
        return _not_ready(request, "the database is unreachable")
    if current != request.app.state.migration_heads:
        return _not_ready(request, "the database schema is not at the migrations' head")
    return JSONResponse({"status": "ready"})


def _not_ready(request: Request, reason: str) -> JSONResponse:
    request.app.state.metrics.database_unavailable.inc()
    return DatabaseUnavailable(f"Not ready: {reason}.").response()
