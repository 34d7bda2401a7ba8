"""Liveness and readiness: /healthz touches nothing, /readyz asks the database."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from backend.errors import envelope
from backend.schema import head_revisions

READY_TIMEOUT_S = 3.0

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    context = request.app.state.context
    heads = request.app.state.migration_heads
    try:
        async with asyncio.timeout(READY_TIMEOUT_S), context.engine.connect() as connection:
            rows = await connection.execute(text("SELECT version_num FROM alembic_version"))
            current = frozenset(row[0] for row in rows)
    except Exception as exc:  # any failure is "not ready"; the type says why, never the text
        reason = (
            "database unreachable" if not isinstance(exc, TimeoutError) else "database timed out"
        )
        if "alembic_version" in str(exc):
            reason = "database schema is not migrated"
        return envelope(503, "not_ready", f"Not ready: {reason}.", {"Retry-After": "5"})
    if current != heads:
        return envelope(
            503, "not_ready", "Not ready: database schema is not at the migrations' head."
        )
    return JSONResponse({"status": "ready"})


def migration_heads() -> frozenset[str]:
    return head_revisions()
