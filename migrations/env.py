"""Alembic environment: runs migrations over a synchronous psycopg connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool
from sqlmodel import SQLModel

import backend.models  # noqa: F401  (registers every table on the metadata)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    url = config.attributes.get("database_url")
    if url is None:  # plain `alembic` on the command line: same settings as the app
        from backend.core.migrations import migration_url
        from backend.core.settings import Settings

        url = migration_url(Settings())
    engine = create_engine(
        url,
        poolclass=pool.NullPool,
        connect_args={"connect_timeout": 10, "prepare_threshold": None},
    )
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            compare_type=True,
            compare_server_default=True,
        )
        with context.begin_transaction():
            # When one role both owns and serves, the API's timeouts are its defaults too
            # (backend.core.db.ROLE_DEFAULTS): a migration may rewrite a table for longer.
            connection.exec_driver_sql(
                "SELECT set_config('statement_timeout', '0', true),"
                " set_config('lock_timeout', '0', true)"
            )
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `taskapi db upgrade`")
run_migrations_online()
