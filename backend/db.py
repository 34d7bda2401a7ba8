"""The database engine and sessions, tuned for Neon: pooler-safe, suspend-safe, bounded waits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

CONNECT_TIMEOUT_S = 5
# Neon suspends an idle compute after 5 minutes and drops its connections; recycle before that.
POOL_RECYCLE_S = 240
STATEMENT_TIMEOUT_MS = 15_000
# A request's first statement, getting its connection included, must be done within this.
# Behind PgBouncer a down server makes it queue (for minutes); giving up then costs up to 5 s
# more, for psycopg waits that long for the cancelled query before closing the connection.
FIRST_STATEMENT_TIMEOUT_S = 3


def connect_args(*, pooled: bool) -> dict[str, object]:
    """libpq and psycopg options for the app's connections."""
    args: dict[str, object] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "taskapi",
    }
    if pooled:
        # PgBouncer in transaction mode hands each transaction to any server connection, so a
        # statement prepared on one is missing on the next; and it refuses startup `options`.
        args["prepare_threshold"] = None
    else:
        args["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    return args


def _bound_each_transaction(connection: Connection) -> None:
    # Behind a pooler the timeout cannot be a session setting (the next transaction may run on
    # another server connection), so every transaction sets it for itself.
    connection.exec_driver_sql(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}")


def create_engine(url: URL, *, pooled: bool = False) -> AsyncEngine:
    """One engine per process; nothing connects until the first request.

    `pooled` is Settings.app_database_is_pooled(): the URL goes through PgBouncer.
    """
    engine = create_async_engine(
        url,
        pool_pre_ping=True,
        pool_recycle=POOL_RECYCLE_S,
        pool_size=10,
        max_overflow=10,
        pool_timeout=CONNECT_TIMEOUT_S,
        # Error messages then name the statement but not its values, which may be user data.
        hide_parameters=True,
        connect_args=connect_args(pooled=pooled),
    )
    if pooled:
        event.listen(engine.sync_engine, "begin", _bound_each_transaction)
    return engine


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


@asynccontextmanager
async def transaction(
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """One session in one transaction: committed on success, rolled back on any error."""
    async with session_factory() as session, session.begin():
        yield session
