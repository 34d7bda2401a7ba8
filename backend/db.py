"""The database connections, tuned for Neon: pooler-safe, suspend-safe, bounded waits.

Two pools share one set of connection settings (`connect_args`). The public API runs each
request as one statement on `StatementPool`, a psycopg pool with no ORM and no SQLAlchemy
execution in between; the back office, migrations and the CLI use the SQLAlchemy engine.
"""

from __future__ import annotations

import asyncio
import logging
import select
import time
from collections.abc import Callable, Sequence
from typing import Any

import psycopg
from psycopg_pool import AsyncConnectionPool, PoolTimeout, TooManyRequests
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.errors import UNAVAILABLE_SQLSTATES, DatabaseUnavailable

CONNECT_TIMEOUT_S = 5
# Neon suspends an idle compute after 5 minutes and drops its connections; recycle before that.
POOL_RECYCLE_S = 240
POOL_SIZE = 10
POOL_OVERFLOW = 10
STATEMENT_TIMEOUT_MS = 15_000
# A request's first statement, getting its connection included, must be done within this.
# Behind PgBouncer a down server makes it queue (for minutes); giving up then costs up to 5 s
# more, for psycopg waits that long for the cancelled query before closing the connection.
FIRST_STATEMENT_TIMEOUT_S = 3
# A row lock held longer than this fails the statement on the server, cleanly rolled back,
# before the first-statement bound cancels it from here (where a cancel could race a commit).
LOCK_TIMEOUT_MS = 2_500
# Connections a read may find dead before it is answered 503. PgBouncer finds its own dead
# only by using them: after every backend was cut, under full load, a read met two in a row
# once in 250 (a third never, in 750), which a single retry would have answered 503.
READ_ATTEMPTS = 3
# A connection idle for longer is pinged before use: a compute may have been suspended.
IDLE_PING_AFTER_S = 5.0
# How often, at most, the pool gauges are brought up to date while the pool is busy.
GAUGE_INTERVAL_S = 0.1


def connect_args(*, pooled: bool) -> dict[str, Any]:
    """libpq and psycopg options for every connection of the app, whichever pool holds it."""
    args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "taskapi",
        # A connection whose peer vanished without a word (a cut network, a suspended compute
        # behind a NAT) fails within seconds instead of hanging on a dead socket.
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": 10_000,
    }
    if pooled:
        # PgBouncer in transaction mode hands each transaction to any server connection, so a
        # statement prepared on one is missing on the next; and it refuses startup `options`.
        args["prepare_threshold"] = None
    else:
        args["options"] = (
            f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS}"
        )
    return args


def libpq_conninfo(url: URL) -> str:
    """The SQLAlchemy URL as libpq reads it (Neon's sslmode and channel_binding kept)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def is_unavailable(exc: BaseException) -> bool:
    """Whether a driver error means the database cannot answer now, rather than a bug."""
    if isinstance(exc, PoolTimeout | TooManyRequests):
        return True
    if not isinstance(exc, psycopg.Error):
        return False
    if exc.sqlstate:
        return exc.sqlstate.startswith(UNAVAILABLE_SQLSTATES)
    # No SQLSTATE: the client lost or never had the connection.
    return isinstance(exc, psycopg.OperationalError)


# --- the API's pool ---------------------------------------------------------------------------


async def _alive(connection: psycopg.AsyncConnection[Any]) -> bool:
    """A check at checkout without a round trip for a connection in use just now.

    An idle connection has nothing to read: if its socket is readable, the server said goodbye
    (a terminated backend, a suspended compute) or closed it. Only then, or after a long idle
    spell (when a silent drop is possible), is it pinged.
    """
    if connection.broken or connection.closed:
        return False
    idle_since = getattr(connection, "_taskapi_idle_since", 0.0)
    readable, _, _ = select.select([connection.pgconn.socket], [], [], 0)
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
# another server connection), so each statement sets them for its own transaction, sent in
# one pipeline with it: one round trip still.
_BEGIN_BOUNDED = (
    "BEGIN",
    f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}",
    f"SET LOCAL lock_timeout = {LOCK_TIMEOUT_MS}",
)


class StatementPool:
    """The API's connections: every request is one statement in autocommit, one round trip.

    Nothing connects until the first statement. A read (`retry=True`) whose connection dies
    before any result is tried on another, READ_ATTEMPTS in all; a write may have been applied.
    """

    def __init__(self, url: URL, *, pooled: bool) -> None:
        self._pooled = pooled
        # Told (open connections, in use, idle) as connections move: the pool gauges.
        self.on_use: Callable[[int, int, int], None] | None = None
        self._in_use = 0
        self._published_at = 0.0
        self._opened = False
        self._replacing: asyncio.Task[None] | None = None
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection[tuple[Any, ...]]] = (
            AsyncConnectionPool(
                libpq_conninfo(url),
                kwargs={"autocommit": True, **connect_args(pooled=pooled)},
                min_size=2,
                max_size=POOL_SIZE + POOL_OVERFLOW,
                open=False,
                configure=_configure,
                timeout=CONNECT_TIMEOUT_S,
                max_lifetime=POOL_RECYCLE_S,
                name="taskapi-api",
            )
        )

    async def fetch(
        self,
        sql: str,
        params: dict[str, Any] | Sequence[Any],
        *,
        retry: bool = False,
        prepare: bool | None = None,
    ) -> list[tuple[Any, ...]]:
        """All rows of one statement; DatabaseUnavailable when the database cannot answer.

        `prepare=False` plans the statement afresh for its values (see list_tasks), where a
        prepared statement's generic plan would fix one plan for all values.
        """
        if not self._opened:
            self._opened = True
            await self._pool.open()
        attempts = READ_ATTEMPTS if retry else 1
        try:
            async with asyncio.timeout(FIRST_STATEMENT_TIMEOUT_S):
                for attempt in range(1, attempts + 1):
                    try:
                        return await self._fetch_once(sql, params, prepare)
                    except psycopg.OperationalError as exc:
                        if not is_unavailable(exc):
                            raise
                        self._replace_idle_soon()  # the idle ones probably died the same way
                        # Only a lost connection (no SQLSTATE, or the backend ending) is worth
                        # another try: a read that timed out on the server would again.
                        lost = exc.sqlstate is None or exc.sqlstate.startswith(("08", "57P0"))
                        if not lost or attempt == attempts:
                            raise DatabaseUnavailable() from None
        except TimeoutError:
            # The database is down or the path to it silently dropped, for the idle ones too.
            self._replace_idle_soon()
            raise DatabaseUnavailable() from None
        except (PoolTimeout, TooManyRequests):
            raise DatabaseUnavailable() from None
        raise AssertionError("unreachable")

    async def _connection(self) -> psycopg.AsyncConnection[tuple[Any, ...]]:
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
    ) -> list[tuple[Any, ...]]:
        connection = await self._connection()
        self._publish(+1)
        try:
            if not self._pooled:
                cursor = await connection.execute(sql, params, prepare=prepare)
                return await cursor.fetchall()
            async with connection.pipeline():
                for statement in _BEGIN_BOUNDED:
                    await connection.execute(statement)
                cursor = await connection.execute(sql, params, prepare=prepare)
                await connection.execute("COMMIT")
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


# --- the SQLAlchemy engine (back office, migrations, CLI, readiness) --------------------------


def _bound_each_transaction(connection: Connection) -> None:
    connection.exec_driver_sql(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}")


def create_engine(url: URL, *, pooled: bool = False) -> AsyncEngine:
    """One engine per process; nothing connects until it is first used.

    `pooled` is Settings.app_database_is_pooled(): the URL goes through PgBouncer.
    """
    args = connect_args(pooled=pooled)
    if not pooled:
        # Back-office edits may wait on a row lock longer than the API would.
        args["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    engine = create_async_engine(
        url,
        pool_pre_ping=True,
        pool_recycle=POOL_RECYCLE_S,
        pool_size=POOL_SIZE,
        max_overflow=POOL_OVERFLOW,
        pool_timeout=CONNECT_TIMEOUT_S,
        # Error messages then name the statement but not its values, which may be user data.
        hide_parameters=True,
        connect_args=args,
    )
    if pooled:
        event.listen(engine.sync_engine, "begin", _bound_each_transaction)
    return engine


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


# psycopg.pool logs every checkout at INFO: at the API's rate that is most of the log.
logging.getLogger("psycopg.pool").setLevel(logging.WARNING)
