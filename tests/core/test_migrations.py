"""Migrations: an empty database upgrades to head and back down; `db check` tells drift."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from backend import (
    models,  # noqa: F401 - registers the tables
    schema,
)
from backend.settings import driver_url
from tests.helpers import libpq, run_cli

# Every table the models define: the migrations must create exactly these.
TABLES = set(SQLModel.metadata.tables)


@pytest.fixture
def empty_database(direct_url: str) -> Iterator[str]:
    """A fresh database in the test cluster, dropped afterwards."""
    name = f"migrations_{uuid.uuid4().hex[:12]}"
    admin = libpq(direct_url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    return {row[0] for row in rows} - {"alembic_version"}


def _taskapi(*args: str, url: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DATABASE_URL": url, **env}
    environment.pop("DATABASE_DIRECT_URL", None)
    return run_cli(*args, env=environment)


def test_db_upgrade_logs_alembic_through_the_json_pipeline(empty_database: str) -> None:
    result = _taskapi("db", "upgrade", url=empty_database, LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    upgrades = [e for e in events if e["logger"].startswith("alembic")]
    assert any("Running upgrade" in e["event"] for e in upgrades), events


def test_upgrade_from_empty_to_head_and_back_down(empty_database: str) -> None:
    schema.upgrade(driver_url(empty_database))
    assert _tables(empty_database) == TABLES
    schema.downgrade(driver_url(empty_database), "base")
    assert _tables(empty_database) == set()
    schema.upgrade(driver_url(empty_database))
    assert _tables(empty_database) == TABLES


def test_db_upgrade_then_check_passes(empty_database: str) -> None:
    assert _taskapi("db", "check", url=empty_database).returncode != 0, (
        "an unmigrated database must fail"
    )
    upgraded = _taskapi("db", "upgrade", url=empty_database)
    assert upgraded.returncode == 0, upgraded.stderr
    checked = _taskapi("db", "check", url=empty_database)
    assert checked.returncode == 0, checked.stderr


def test_db_check_fails_when_schema_drifts_from_models(empty_database: str) -> None:
    schema.upgrade(driver_url(empty_database))
    with psycopg.connect(empty_database, autocommit=True) as conn:
        conn.execute("DROP INDEX ix_task_owner_id_title_id")
    result = _taskapi("db", "check", url=empty_database)
    assert result.returncode == 1
    assert "database check failed" in result.stderr
    assert "password" not in result.stderr


def test_models_and_migrations_agree(direct_url: str) -> None:
    schema.check(driver_url(direct_url))
