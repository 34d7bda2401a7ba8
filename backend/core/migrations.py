"""Alembic wiring: upgrade, check, and the head revision that /readyz compares against."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError

from backend.core.settings import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


class MigrationError(Exception):
    """A migration cannot run here, for a reason the operator can fix: the message says how."""


def require_extensions(connection: Connection, *names: str) -> None:
    """Create each extension a migration needs, or say what is missing and what to do."""
    available = set(
        connection.execute(
            text("SELECT name FROM pg_available_extensions WHERE name = ANY(:names)"),
            {"names": list(names)},
        ).scalars()
    )
    missing = [name for name in names if name not in available]
    if missing:
        raise MigrationError(
            f"this PostgreSQL server does not have the {' and '.join(missing)} extension"
            f"{'s' if len(missing) > 1 else ''} that search needs. Install PostgreSQL's contrib"
            " modules on the server (the postgresql-contrib package where it is separate), or"
            " use a server that has them (Neon and the embedded database do)."
        )
    for name in names:
        try:
            with connection.begin_nested():
                connection.execute(text(f'CREATE EXTENSION IF NOT EXISTS "{name}"'))
        except DBAPIError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__
            raise MigrationError(
                f"cannot create the {name} extension ({reason}). Run `taskapi db upgrade` as the"
                f" database's owner (on Neon, the role that owns the database), or have a"
                f" superuser run CREATE EXTENSION {name}; once in this database."
            ) from None


def alembic_config(url: URL) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option(
        "file_template",
        "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s",
    )
    # Kept off the ini options: ConfigParser would choke on `%` in passwords.
    config.attributes["database_url"] = url
    return config


def migration_url(settings: Settings) -> URL:
    url = settings.migration_database_url()
    if url is None:
        raise RuntimeError("DATABASE_URL is not set")
    return url


def upgrade(url: URL, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(url: URL, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)


def check(url: URL) -> None:
    """Raise if the database is not at head or the models and migrations disagree."""
    config = alembic_config(url)
    command.check(config)


@cache
def head_revisions() -> frozenset[str]:
    """The migrations' head, read once per process: the files do not change under it."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return frozenset(script.get_heads())
