"""Alembic wiring: upgrade, check, and the head revision that /readyz compares against."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL

from backend.settings import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


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


def head_revisions() -> frozenset[str]:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return frozenset(script.get_heads())
