"""The database engine and sessions, tuned for Neon: pooler-safe, suspend-safe, bounded waits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.settings import is_pooler

CONNECT_TIMEOUT_S = 5
# Neon suspends an idle compute after 5 minutes and drops its connections; recycle before that.
POOL_RECYCLE_S = 240
STATEMENT_TIMEOUT_MS = 15_000


def connect_args(url: URL) -> dict[str, object]:
    """libpq and psycopg options for a connection to `url`."""
    args: dict[str, object] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "taskapi",
    }
    if is_pooler(url):
        # PgBouncer in transaction mode hands each transaction to any server connection, so a
        # statement prepared on one is missing on the next; and it refuses startup `options`.
        args["prepare_threshold"] = None
    else:
        args["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    return args


def create_engine(url: URL) -> AsyncEngine:
    """One engine per process; nothing connects until the first request."""
    return create_async_engine(
        url,
        pool_pre_ping=True,
        pool_recycle=POOL_RECYCLE_S,
        pool_size=10,
        max_overflow=10,
        pool_timeout=CONNECT_TIMEOUT_S,
        # Error messages then name the statement but not its values, which may be user data.
        hide_parameters=True,
        connect_args=connect_args(url),
    )


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


@asynccontextmanager
async def transaction(
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """One session in one transaction: committed on success, rolled back on any error."""
    async with session_factory() as session, session.begin():
        yield session
