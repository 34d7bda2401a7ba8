"""The public API's connections: every request is one statement, one round trip, on a psycopg
pool with no ORM and no SQLAlchemy execution in between; rows are read by column name."""

from __future__ import annotations

import asyncio
import logging
import select
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

import psycopg
from psycopg.rows import namedtuple_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout, TooManyRequests
from sqlalchemy.engine import URL

from backend.core.db import (
    CONNECT_TIMEOUT_S,
    LOCK_TIMEOUT_MS,
    POOL_OVERFLOW,
    POOL_RECYCLE_S,
    POOL_SIZE,
    ROLE_DEFAULTS,
    STATEMENT_TIMEOUT_MS,
    connect_args,
    is_unavailable,
    libpq_conninfo,
)
from backend.core.errors import DatabaseUnavailable

# A request's first statement, getting its connection included, must be done within this.
# Behind PgBouncer a down server makes it queue (for minutes); giving up then costs up to 5 s
# more, for psycopg waits that long for the cancelled query before closing the connection.
FIRST_STATEMENT_TIMEOUT_S = 3
# Connections a statement may find dead before it is answered 503. PgBouncer finds its own
# dead only by using them: after every backend was cut, under full load, a read met two in a
# row once in 250 (a third never, in 750), which a single retry would have answered 503.
ATTEMPTS = 3
# A connection idle for longer is pinged before use: a compute may have been suspended.
IDLE_PING_AFTER_S = 5.0
# How often, at most, the pool gauges are brought up to date while the pool is busy.
GAUGE_INTERVAL_S = 0.1


async def _alive(connection: psycopg.AsyncConnection[Any]) -> bool:
    """A check at checkout without a round trip for a connection in use just now.

    An idle connection has nothing to read: if its socket is readable, the server said goodbye
    (a terminated backend, a suspended compute) or closed it. Only then, or after a long idle
    spell (when a silent drop is possible), is it pinged.
    """
    if connection.broken or connection.closed:
        return False
    idle_since = getattr(connection, "_taskapi_idle_since", 0.0)
    # poll, not select: select refuses a descriptor numbered 1024 or more, which a process
    # serving many clients holds.
    poller = select.poll()
    poller.register(connection.pgconn.socket, select.POLLIN)
    readable = poller.poll(0)
    if readable or time.monotonic() - idle_since > IDLE_PING_AFTER_S:
        try:
            await connection.execute("")
        except psycopg.Error:
            return False
    return True


def _mark_idle(connection: psycopg.AsyncConnection[Any]) -> None:
    connection._taskapi_idle_since = time.monotonic()  # type: ignore[attr-defined]


async def _configure(connection: psycopg.AsyncConnection[Any]) -> None:
    _mark_idle(connection)


# Behind PgBouncer the timeouts cannot be session settings (the next transaction may run on
# another server connection). Where they are not the role's defaults in the database either,
# each statement sets them for its own transaction, sent in one pipeline with it: one round
# trip still, but five statements for the server (and the pooler) instead of one.
_BEGIN_BOUNDED = (
    "BEGIN",
    f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}",
    f"SET LOCAL lock_timeout = {LOCK_TIMEOUT_MS}",
)
# Whether the serving role's defaults in this database are the API's timeouts: each server
# connection a pooler opens then has them (backend.core.db.ROLE_DEFAULTS).
_ROLE_DEFAULTS_SQL = """
SELECT count(DISTINCT setting) = cardinality(%(settings)s::text[]) AS bounded
FROM pg_db_role_setting, unnest(setconfig) AS setting
WHERE setrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)
  AND setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND setting = ANY(%(settings)s::text[])
"""
_ROLE_DEFAULTS = (_ROLE_DEFAULTS_SQL, {"settings": list(ROLE_DEFAULTS)})


class StatementPool:
    """The API's connections: every request is one statement in autocommit, one round trip.

    Nothing connects until the first statement. A statement whose connection dies before any
    result is tried on another, ATTEMPTS in all: a read as it is, a write in a form that is
    safe to repeat (`write`).
    """

    def __init__(self, url: URL, *, pooled: bool) -> None:
        self._pooled = pooled
        # Told (open connections, in use, idle) as connections move: the pool gauges.
        self.on_use: Callable[[int, int, int], None] | None = None
        # Told the kind ("read" or "write") of each statement tried again: a metric.
        self.on_retry: Callable[[str], None] | None = None
        # A span around each statement sent, when tracing is on (backend.observability.tracing).
        self.statement_span: Callable[[str], AbstractContextManager[Any]] | None = None
        self._in_use = 0
        self._published_at = 0.0
        self._opened = False
        # Whether a statement must set the timeouts itself: behind a pooler until the role's
        # defaults are found to be them (asked in the first statements' own pipelines).
        self._per_transaction = pooled
        self._checked = not pooled
        self._replacing: asyncio.Task[None] | None = None
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]] = AsyncConnectionPool(
            libpq_conninfo(url),
            # Rows are named tuples of the statement's column labels: read by name, at
            # the cost of a tuple (psycopg makes each row type once per set of names).
            kwargs={
                "autocommit": True,
                "row_factory": namedtuple_row,
                **connect_args(pooled=pooled),
            },
            min_size=2,
            max_size=POOL_SIZE + POOL_OVERFLOW,
            open=False,
            configure=_configure,
            timeout=CONNECT_TIMEOUT_S,
            max_lifetime=POOL_RECYCLE_S,
            name="taskapi-api",
        )

    async def fetch(
        self, sql: str, params: dict[str, Any] | Sequence[Any], *, prepare: bool | None = None
    ) -> list[Any]:
        """All rows of one read, as named tuples; DatabaseUnavailable when the database cannot
        answer. A read whose connection dies is tried again on another.

        `prepare=False` plans the statement afresh for its values (see backend.tasks.service.list_tasks), where a
        prepared statement's generic plan would fix one plan for all values.
        """
        rows, _ = await self._attempts(sql, sql, params, prepare, "read")
        return rows

    async def write(
        self, sql: str, params: dict[str, Any], *, again: str | None = None
    ) -> tuple[list[Any], bool]:
        """The rows of one write, and whether they are those of a repeat.

        When the connection dies before the answer arrives, the write may or may not have been
        applied: `again` (by default `sql` itself) is then run on another connection, with the
        same parameters. It must give the first try's answer whether or not the first try was
        applied, and apply nothing twice (backend.tasks.service says how each write does).
        """
        return await self._attempts(sql, again or sql, params, None, "write")

    async def _attempts(
        self,
        first: str,
        again: str,
        params: dict[str, Any] | Sequence[Any],
        prepare: bool | None,
        kind: str,
    ) -> tuple[list[Any], bool]:
        if not self._opened:
            self._opened = True
            await self._pool.open()
        try:
            async with asyncio.timeout(FIRST_STATEMENT_TIMEOUT_S):
                for attempt in range(1, ATTEMPTS + 1):
                    try:
                        sql = first if attempt == 1 else again
                        return await self._fetch_once(sql, params, prepare), attempt > 1
                    except psycopg.OperationalError as exc:
                        if not is_unavailable(exc):
                            raise
                        self._replace_idle_soon()  # the idle ones probably died the same way
                        # Only a lost connection (no SQLSTATE, or the backend ending) is worth
                        # another try: a statement that timed out on the server would again.
                        lost = exc.sqlstate is None or exc.sqlstate.startswith(("08", "57P0"))
                        if not lost or attempt == ATTEMPTS:
                            raise DatabaseUnavailable() from None
                        if self.on_retry is not None:
                            self.on_retry(kind)
        except TimeoutError:
            # The database is down or the path to it silently dropped, for the idle ones too.
            self._replace_idle_soon()
            raise DatabaseUnavailable() from None
        except (PoolTimeout, TooManyRequests):
            raise DatabaseUnavailable() from None
        raise AssertionError("unreachable")

    async def _connection(self) -> psycopg.AsyncConnection[Any]:
        # Not the pool's own `check` callback, which backs off a second and more after each
        # dead connection: after a suspend every idle one is dead, and they go at once.
        while True:
            connection = await self._pool.getconn()
            try:
                alive = await _alive(connection)
            except BaseException:
                # A ping cut short (the request's time ran out): the pool sorts it out.
                await self._pool.putconn(connection)
                raise
            if alive:
                return connection
            await connection.close()
            await self._pool.putconn(connection)
            self._replace_idle_soon()

    async def _fetch_once(
        self, sql: str, params: dict[str, Any] | Sequence[Any], prepare: bool | None
    ) -> list[Any]:
        if self.statement_span is not None:
            with self.statement_span(sql):
                return await self._send(sql, params, prepare)
        return await self._send(sql, params, prepare)

    async def _send(
        self, sql: str, params: dict[str, Any] | Sequence[Any], prepare: bool | None
    ) -> list[Any]:
        connection = await self._connection()
        self._publish(+1)
        try:
            if not self._per_transaction:
                cursor = await connection.execute(sql, params, prepare=prepare)
                return await cursor.fetchall()
            async with connection.pipeline():
                for statement in _BEGIN_BOUNDED:
                    await connection.execute(statement)
                # Until it is known, whether the role's defaults are the timeouts travels with
                # the statement: the request's one round trip still, and no wait of its own.
                check = None if self._checked else await connection.execute(*_ROLE_DEFAULTS)
                cursor = await connection.execute(sql, params, prepare=prepare)
                await connection.execute("COMMIT")
            if check is not None:
                [answer] = await check.fetchall()
                self._checked, self._per_transaction = True, not answer.bounded
            return await cursor.fetchall()
        finally:
            # Marked here rather than by the pool's `reset`, which runs in a task of its own.
            _mark_idle(connection)
            await self._pool.putconn(connection)
            self._publish(-1)

    def _replace_idle_soon(self) -> None:
        """Replace every idle connection with a new one, in the background.

        Not the pool's `check`, which pings each in turn with no bound: one silently dropped
        connection would stall it, and the rest with it.
        """
        if self._replacing is None or self._replacing.done():
            self._replacing = asyncio.get_running_loop().create_task(self._pool.drain())

    def _publish(self, step: int) -> None:
        self._in_use += step
        if self.on_use is None:
            return
        # At most every GAUGE_INTERVAL_S under load (a scrape comes every few seconds), and
        # whenever the pool falls idle, so a quiet pool is shown as it is.
        now = time.monotonic()
        if self._in_use and now - self._published_at < GAUGE_INTERVAL_S:
            return
        self._published_at = now
        stats = self._pool.get_stats()
        self.on_use(stats["pool_size"], self._in_use, stats["pool_available"])

    async def close(self) -> None:
        if self._opened:
            await self._pool.close()


# psycopg.pool logs every checkout at INFO: at the API's rate that is most of the log.
logging.getLogger("psycopg.pool").setLevel(logging.WARNING)
