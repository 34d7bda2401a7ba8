"""Alembic wiring: upgrade, check, and the head revision that /readyz compares against.

Alembic is imported by the functions that run it, not here: a serving process (which only
needs the head revision, read from the files) never loads it, 11 MiB and 0.1 s of start-up
a worker.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import structlog
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from backend.core.db import ROLE_DEFAULTS
from backend.core.settings import Settings

if TYPE_CHECKING:
    from alembic.config import Config

log = structlog.get_logger("taskapi.migrations")
INSUFFICIENT_PRIVILEGE = "42501"

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
    from alembic.config import Config

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


def upgrade(url: URL, revision: str = "head", *, serving_role: str | None = None) -> None:
    """Migrate as `url`'s role (the owner); then, for the role the app serves as, on every
    upgrade (one already at head too): grant it what serving needs when it is another role,
    and make the API's timeouts its defaults in the database."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)
    if serving_role is None:
        return
    if serving_role != url.username:
        grant_serving_role(url, serving_role)
    set_role_defaults(url, serving_role)


def upgrade_for(settings: Settings) -> None:
    """Upgrade through the migration URL, for the role DATABASE_URL serves as."""
    app_url = settings.app_database_url()
    upgrade(migration_url(settings), serving_role=app_url.username if app_url else None)


# What the serving role may do: read and write the tables' rows; of the audit log, read and
# add entries (redaction goes through the owner's redact_erased_user); of alembic_version,
# read it (/readyz). No DDL (not the owner: no ALTER, no trigger switched off), no TRUNCATE.
_SERVING_GRANTS = (
    "GRANT USAGE ON SCHEMA public TO {role}",
    "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
    "REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {role}",
    "REVOKE UPDATE, DELETE ON audit_log FROM {role}",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
    "GRANT EXECUTE ON FUNCTION redact_erased_user(uuid) TO {role}",
)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def set_role_defaults(url: URL, role: str) -> bool:
    """Make the API's timeouts (backend.core.db.ROLE_DEFAULTS) `role`'s defaults in `url`'s
    database, as `url`'s role; whether it may. A role may always set its own; another's takes
    a superuser or CREATEROLE. Where it may not, the API sets them in each statement's own
    transaction behind a pooler, as before, and this says so."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            database = connection.execute(text("SELECT current_database()")).scalar_one()
            for setting in ROLE_DEFAULTS:
                name, value = setting.split("=")
                connection.execute(
                    text(
                        f"ALTER ROLE {_quoted(role)} IN DATABASE {_quoted(database)}"
                        f" SET {name} = {int(value)}"
                    )
                )
        return True
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
            raise
        log.warning(
            "role_defaults_not_set",
            role=role,
            detail="the migrating role may not set another role's defaults: behind a pooler"
            " each API statement sets its timeouts in a transaction of its own",
        )
        return False
    finally:
        engine.dispose()


def grant_serving_role(url: URL, role: str) -> None:
    quoted = _quoted(role)
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            for statement in _SERVING_GRANTS:
                connection.execute(text(statement.format(role=quoted)))
    finally:
        engine.dispose()


def downgrade(url: URL, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def check(url: URL) -> None:
    """Raise if the database is not at head or the models and migrations disagree."""
    config = alembic_config(url)
    from alembic import command

    command.check(config)


# A migration file's own revision and the one (or, merging, the ones) it follows, as Alembic
# writes them.
_REVISION = re.compile(r"^revision(?:: str)? = (.+)$", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?:: [^=]+)? = (.+)$", re.MULTILINE)


@cache
def head_revisions() -> frozenset[str]:
    """The migrations' head, read once per process from the files (which do not change under
    it): the revisions no other follows. Alembic's own reading of them agrees
    (tests/core/test_migrations.py)."""
    revisions: set[str] = set()
    followed: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text()
        revision, down = (pattern.search(source) for pattern in (_REVISION, _DOWN_REVISION))
        if revision is None or down is None:
            continue
        revisions.add(ast.literal_eval(revision[1]))
        before = ast.literal_eval(down[1])  # None, a revision, or a merge's tuple of them
        followed.update([before] if isinstance(before, str) else before or ())
    return frozenset(revisions - followed)
