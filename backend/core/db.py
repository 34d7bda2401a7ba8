"""The database connections, tuned for Neon: pooler-safe, suspend-safe, bounded waits.

Two pools share one set of connection settings (`connect_args`): the SQLAlchemy engine here,
for the back office, migrations, the CLI and readiness, and the public API's own psycopg pool
(`backend.core.statement_pool`).
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg_pool import PoolTimeout, TooManyRequests
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.core.errors import UNAVAILABLE_SQLSTATES

CONNECT_TIMEOUT_S = 5
# Neon suspends an idle compute after 5 minutes and drops its connections; recycle before that.
POOL_RECYCLE_S = 240
POOL_SIZE = 10
POOL_OVERFLOW = 10
STATEMENT_TIMEOUT_MS = 15_000
# A row lock held longer than this fails the statement on the server, cleanly rolled back,
# before the first-statement bound cancels it from here (where a cancel could race a commit).
LOCK_TIMEOUT_MS = 2_500
# The API's timeouts as the serving role's own defaults in the database, which every session
# of the role starts with: so also each server connection PgBouncer opens, where a session
# setting would follow the connection to other clients. `taskapi db upgrade` sets them
# (backend.core.migrations.set_role_defaults); the API's pool sends a statement alone once it
# finds them (backend.core.statement_pool), and in a transaction that sets them otherwise.
ROLE_DEFAULTS = (f"statement_timeout={STATEMENT_TIMEOUT_MS}", f"lock_timeout={LOCK_TIMEOUT_MS}")


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


def _bound_each_transaction(connection: Connection) -> None:
    connection.exec_driver_sql(
        f"SELECT set_config('statement_timeout', '{STATEMENT_TIMEOUT_MS}', true),"
        " set_config('lock_timeout', '0', true)"
    )


def create_engine(url: URL, *, pooled: bool = False) -> AsyncEngine:
    """One engine per process; nothing connects until it is first used.

    `pooled` is Settings.app_database_is_pooled(): the URL goes through PgBouncer.
    """
    args = connect_args(pooled=pooled)
    if not pooled:
        # Back-office edits may wait on a row lock longer than the API would (bounded by the
        # statement timeout), whatever the role's defaults say.
        args["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout=0"
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
