"""The ceiling the platform is measured against: the least a handler can do for the same answer.

A bare Starlette app, no ORM and no Pydantic: it verifies the same HS256 JWT (once per token
until it expires, as the platform does), checks the path's user, then runs one SQL statement in
autocommit that creates the user on first sight, refuses a deactivated one and does the task
work, on a psycopg 3 async pool, and answers with the stdlib's JSON. As fast as such a server
goes (issue 28 measured a faster one than the first version of this file): every pool
connection open before the first request, rows as tuples read by position, a plain dict of
strings to `json.dumps`, prepared statements, no access log. Run by bench/run.py on uvloop
and httptools:

    uvicorn --factory bench.ceiling:create_app --loop uvloop --http httptools --port 8001
    (with DATABASE_URL and JWT_SECRET)
"""

from __future__ import annotations

import base64
import json
import os
import time
import uuid
from collections.abc import Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import jwt
from psycopg_pool import AsyncConnectionPool
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

# The user's first-sight creation and active check, folded into every statement as the
# platform does: one statement, one round trip, per request.
ACCOUNT = """
    WITH existing AS (SELECT is_active FROM app_user WHERE id = %(owner)s),
    created AS (
        INSERT INTO app_user (id, email, name, is_active, created_at, updated_at)
        SELECT %(owner)s, NULL, NULL, true, %(now)s, %(now)s
        WHERE NOT EXISTS (SELECT 1 FROM existing)
        ON CONFLICT (id) DO NOTHING
    ),
    account AS (SELECT coalesce((SELECT is_active FROM existing), true) AS active)
"""
# What a create writes, and what every answer reads: the contract's Task, schedule included.
COLUMNS = "id, owner_id, title, description, completed, version, created_at, updated_at"
SCHEDULE = "completed_at, due_date, due_time, time_zone, priority, labels"
READ = f"{COLUMNS}, {SCHEDULE}"
VERIFIED_TOKENS_KEPT = 10_000


def _json(value: Any, status: int = 200) -> Response:
    return Response(
        json.dumps(value, separators=(",", ":")),
        status_code=status,
        media_type="application/json",
    )


def _utc(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _public(row: Sequence[Any]) -> dict[str, Any]:
    """A row read as (active, *READ): the contract's Task."""
    (_, task_id, owner_id, title, description, completed, version, created_at, updated_at,
     completed_at, due_date, due_time, time_zone, priority, labels) = row[:15]  # fmt: skip
    due_at = None
    if due_date is not None and due_time is not None and time_zone:
        local = datetime.combine(due_date, due_time, ZoneInfo(time_zone))
        due_at = local.astimezone(UTC).isoformat()
    return {
        "id": str(task_id),
        "owner_id": str(owner_id),
        "title": title,
        "description": description,
        "completed": completed,
        "version": version,
        "created_at": _utc(created_at),
        "updated_at": _utc(updated_at),
        "completed_at": _utc(completed_at),
        "due_date": None if due_date is None else due_date.isoformat(),
        "due_time": None if due_time is None else due_time.isoformat("minutes"),
        "time_zone": time_zone,
        "priority": priority,
        "labels": labels,
        "due_at": due_at,
    }


def create_app() -> Starlette:
    secret = os.environ["JWT_SECRET"]
    pool = AsyncConnectionPool(
        os.environ["DATABASE_URL"],
        # Ten, all open before the first request (the lifespan waits for them): the size the
        # fastest bare server measured in issue 28 used on this 2-core machine.
        min_size=10,
        max_size=10,
        open=False,
        kwargs={"application_name": "ceiling", "autocommit": True},
    )

    # Tokens already verified, until they expire: the platform keeps them too
    # (backend.accounts.tokens.VerifiedTokens), and decoding one each time cost the ceiling
    # 80 µs of a 900 µs request, which flattered every ratio.
    verified: dict[str, tuple[uuid.UUID, float]] = {}

    async def owned(request: Request, statement: str, params: dict[str, Any]) -> Any:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        known = verified.get(token)
        if known is None or known[1] <= time.time():
            try:
                claims = jwt.decode(
                    token, secret, algorithms=["HS256"], options={"require": ["exp", "sub"]}
                )
            except jwt.PyJWTError:
                return None, _json({"detail": "bad token", "code": "invalid_token"}, 401)
            known = (uuid.UUID(claims["sub"]), float(claims["exp"]))
            if len(verified) < VERIFIED_TOKENS_KEPT:  # bounded, as the platform's is
                verified[token] = known
        owner_id = known[0]
        if request.path_params["user_id"] != str(owner_id):
            return None, _json({"detail": "not yours", "code": "forbidden"}, 403)
        async with pool.connection() as conn:
            params = {"owner": owner_id, "now": datetime.now(UTC), **params}
            # A `q` page's best plan depends on the word: planned for it each time, as the
            # platform does (a prepared statement's generic plan fits one kind of word only).
            prepare = False if "pattern" in params else None
            cursor = await conn.execute(ACCOUNT + statement, params, prepare=prepare)
            rows = await cursor.fetchall()
        if not rows[0][0]:
            return None, _json({"detail": "inactive", "code": "user_inactive"}, 403)
        return [row for row in rows if row[1] is not None], None

    async def list_tasks(request: Request) -> Response:
        limit = int(request.query_params.get("limit", 20))
        where, params = ["owner_id = %(owner)s"], {"limit": limit + 1}
        if "completed" in request.query_params:
            where.append("completed = %(completed)s")
            params["completed"] = request.query_params["completed"] == "true"
        if q := request.query_params.get("q"):
            where.append(
                "(title ILIKE %(pattern)s ESCAPE '\\' OR description ILIKE %(pattern)s ESCAPE '\\')"
            )
            params["pattern"] = f"%{q}%"
        if cursor := request.query_params.get("cursor"):
            created_at, last_id = json.loads(base64.urlsafe_b64decode(cursor))
            where.append("(created_at, id) < (%(after_at)s, %(after_id)s)")
            params.update(after_at=datetime.fromisoformat(created_at), after_id=uuid.UUID(last_id))
        statement = (
            f"SELECT account.active, page.* FROM account LEFT JOIN LATERAL (SELECT {READ}"
            f" FROM task WHERE {' AND '.join(where)}"
            " ORDER BY created_at DESC, id DESC LIMIT %(limit)s) page ON account.active"
            " ORDER BY page.created_at DESC, page.id DESC"
        )
        rows, refused = await owned(request, statement, params)
        if refused:
            return refused
        items = rows[:limit]
        next_cursor = None
        if len(rows) > limit:
            last = items[-1]
            raw = json.dumps([last[7].isoformat(), str(last[1])]).encode()
            next_cursor = base64.urlsafe_b64encode(raw).decode()
        return _json({"items": [_public(row) for row in items], "next_cursor": next_cursor})

    async def get_task(request: Request) -> Response:
        statement = (
            f"SELECT account.active, task.* FROM account LEFT JOIN (SELECT {READ} FROM task"
            " WHERE owner_id = %(owner)s AND id = %(id)s) task ON account.active"
        )
        rows, refused = await owned(request, statement, {"id": request.path_params["task_id"]})
        if refused:
            return refused
        return _json(_public(rows[0])) if rows else _json({"code": "not_found"}, 404)

    async def create_task(request: Request) -> Response:
        body = json.loads(await request.body())
        statement = (
            f", inserted AS (INSERT INTO task ({COLUMNS}) SELECT %(id)s, %(owner)s, %(title)s,"
            " %(description)s, %(completed)s, 1, %(now)s, %(now)s FROM account"
            f" WHERE account.active RETURNING {READ})"
            " SELECT account.active, inserted.* FROM account LEFT JOIN inserted ON true"
        )
        params = {
            "id": uuid.uuid4(),
            "title": body["title"],
            "description": body.get("description"),
            "completed": body.get("completed", False),
        }
        rows, refused = await owned(request, statement, params)
        return refused or _json(_public(rows[0]), 201)

    async def patch_task(request: Request) -> Response:
        body = json.loads(await request.body())
        statement = (
            ", before AS (SELECT id, completed AS was_completed FROM task"
            " WHERE owner_id = %(owner)s AND id = %(id)s AND (SELECT active FROM account)"
            " FOR UPDATE OF task),"
            " updated AS (UPDATE task SET completed = %(completed)s, version = version + 1,"
            " updated_at = %(now)s FROM before"
            " WHERE task.owner_id = %(owner)s AND task.id = before.id"
            f" RETURNING {', '.join('task.' + c for c in READ.split(', '))}, before.was_completed)"
            " SELECT account.active, updated.* FROM account LEFT JOIN updated ON true"
        )
        params = {"id": request.path_params["task_id"], "completed": body["completed"]}
        rows, refused = await owned(request, statement, params)
        if refused:
            return refused
        return _json(_public(rows[0])) if rows else _json({"code": "not_found"}, 404)

    async def delete_task(request: Request) -> Response:
        # The same answer includes keeping the task restorable: it moves to the trash.
        statement = (
            ", deleted AS (DELETE FROM task WHERE owner_id = %(owner)s AND id = %(id)s"
            " AND (SELECT active FROM account) RETURNING *)"
            f", trashed AS (INSERT INTO task_trash ({READ}, deleted_at) SELECT {READ}, now()"
            " FROM deleted RETURNING id)"
            " SELECT account.active, trashed.id FROM account LEFT JOIN trashed ON true"
        )
        rows, refused = await owned(request, statement, {"id": request.path_params["task_id"]})
        if refused:
            return refused
        return Response(status_code=204) if rows else _json({"code": "not_found"}, 404)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> Any:
        await pool.open(wait=True)
        yield
        await pool.close()

    return Starlette(
        routes=[
            Route("/api/{user_id}/tasks", list_tasks, methods=["GET"]),
            Route("/api/{user_id}/tasks", create_task, methods=["POST"]),
            Route("/api/{user_id}/tasks/{task_id}", get_task, methods=["GET"]),
            Route("/api/{user_id}/tasks/{task_id}", patch_task, methods=["PATCH"]),
            Route("/api/{user_id}/tasks/{task_id}", delete_task, methods=["DELETE"]),
        ],
        lifespan=lifespan,
    )
