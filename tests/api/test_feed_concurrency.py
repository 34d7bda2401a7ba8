"""The change feed's proof: a client polling throughout many concurrent writers, some of whose
transactions are held open on purpose while later ones commit (and some roll back), ends with
a copy, built from the feed alone, equal to the server's tasks, task by task.

A feed that hands out positions past a still-running transaction skips that transaction's
change for ever (it commits behind the client's token); this test sees the difference. In the
pooled suite the same runs behind PgBouncer, each statement on whichever server connection.
"""

from __future__ import annotations

import asyncio
import json
import random
import uuid
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg.rows import namedtuple_row

from backend.accounts.tokens import Principal
from backend.accounts.users import account_params
from backend.core.errors import NotFound
from backend.core.settings import Settings
from backend.core.statement_pool import StatementPool
from backend.models import utcnow
from backend.tasks import service, statements
from backend.tasks.cursors import CursorCodec
from backend.tasks.feed import read_changes
from backend.tasks.rows import COLUMNS, public
from backend.tasks.schemas import TaskCreate
from tests.helpers import libpq

WRITERS, WRITES_EACH = 6, 40
HOLDERS, HOLDS_EACH = 3, 8


async def _write(
    pool: StatementPool, principal: Principal, live: list[str], rng: random.Random
) -> None:
    """One API write: a create, a patch or a delete, each the API's one statement."""
    op = rng.choice(["create", "create", "patch", "patch", "delete"]) if live else "create"
    try:
        if op == "create":
            task = await service.create_task(
                db=pool, principal=principal, data=TaskCreate(title=f"new {rng.random()}")
            )
            live.append(task.id)
        elif op == "patch":
            await service.update_task(
                db=pool,
                principal=principal,
                task_id=uuid.UUID(rng.choice(live)),
                changes={"title": f"patched {rng.random()}", "completed": rng.random() < 0.5},
                versions=None,
            )
        else:
            victim = rng.choice(live)
            await service.delete_task(
                db=pool, principal=principal, task_id=uuid.UUID(victim), versions=None
            )
            if victim in live:
                live.remove(victim)
    except NotFound:  # another writer deleted it first
        pass


async def _held_write(url: str, principal: Principal, live: list[str], rng: random.Random) -> None:
    """The API's own statement in a transaction kept open while others commit; some roll back."""
    conn = await psycopg.AsyncConnection.connect(url)
    async with conn, conn.transaction(force_rollback=rng.random() < 0.25):
        params = account_params(principal)
        if live and rng.random() < 0.6:
            params.update(
                task_id=uuid.UUID(rng.choice(live)),
                title=f"held {rng.random()}",
                now=utcnow(),
            )
            await conn.execute(statements.update_sql(("title",), False), params)
        else:
            params = service.create_params(principal, TaskCreate(title=f"held new {rng.random()}"))
            await conn.execute(statements.create_sql(), params)
        # The transaction has its id now; later ones take bigger ids and commit first.
        await asyncio.sleep(rng.uniform(0.05, 0.4))


async def _scenario(settings: Settings, direct_url: str, seed: int) -> None:
    url = settings.required_app_database_url()
    pool = StatementPool(url, pooled=settings.app_database_is_pooled())
    principal = Principal(user_id=uuid.uuid4(), email=None, name=None)
    codec = CursorCodec(b"feed-proof")
    rng = random.Random(seed)
    live: list[str] = []
    for _ in range(20):
        await _write(pool, principal, live, rng)

    replica: dict[str, dict[str, Any]] = {}
    versions: dict[str, int] = {}
    deleted: set[str] = set()
    token: str | None = None
    writing = True

    async def poll_once() -> bool:
        nonlocal token
        page = json.loads(
            await read_changes(
                db=pool, principal=principal, since=token, limit=rng.randint(1, 30), codec=codec
            )
        )
        for change in page["changes"]:
            if change["type"] == "upsert":
                task = change["task"]
                # Never an older state after a newer one, never a task back from deletion.
                assert task["id"] not in deleted, change
                assert task["version"] >= versions.get(task["id"], 0), change
                versions[task["id"]] = task["version"]
                replica[task["id"]] = task
            else:
                deleted.add(change["id"])
                replica.pop(change["id"], None)
        token = page["next"]
        return bool(page["more"])

    async def poller() -> None:
        while writing:
            await poll_once()
            await asyncio.sleep(rng.uniform(0, 0.02))

    async def writer(n: int) -> None:
        own = random.Random(seed * 100 + n)
        for _ in range(WRITES_EACH):
            await _write(pool, principal, live, own)

    async def holder(n: int) -> None:
        own = random.Random(seed * 1000 + n)
        for _ in range(HOLDS_EACH):
            await _held_write(held_url, principal, live, own)

    held_url = libpq(url.render_as_string(hide_password=False))
    try:
        async with asyncio.TaskGroup() as group:  # the first failure cancels the rest
            polling = group.create_task(poller())
            async with asyncio.TaskGroup() as writes:
                for n in range(WRITERS):
                    writes.create_task(writer(n))
                for n in range(HOLDERS):
                    writes.create_task(holder(n))
            writing = False
        await polling
        while await poll_once():
            pass
    finally:
        await pool.close()

    with psycopg.connect(libpq(direct_url), row_factory=namedtuple_row) as conn:
        columns = ", ".join(
            f"{c.name}::text AS {c.name}" if c.name.endswith("id") else c.name for c in COLUMNS
        )
        rows = conn.execute(
            f"SELECT {columns} FROM task WHERE owner_id = %s",  # noqa: S608 - the model's columns
            (principal.user_id,),
        ).fetchall()
    server = {row.id: public(row) for row in rows}
    assert len(server) > 20 and deleted, "the scenario wrote too little to prove anything"
    assert replica.keys() == server.keys()
    for task_id, task in server.items():
        assert replica[task_id] == task


def test_a_client_polling_through_concurrent_writers_ends_with_the_servers_tasks(
    make_settings: Callable[..., Settings], direct_url: str, db: psycopg.Connection
) -> None:
    asyncio.run(_scenario(make_settings(), direct_url, seed=random.randrange(1 << 30)))
