"""Migrations: an empty database upgrades to head and back down; `db check` tells drift."""

from __future__ import annotations

import json
import subprocess
import threading
import uuid

import psycopg
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from backend import models  # noqa: F401 - registers the tables
from backend.core import migrations
from backend.core.settings import driver_url
from tests.helpers import cli_env, run_cli

# Every table the models define: the migrations must create exactly these.
TABLES = set(SQLModel.metadata.tables)


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    return {row[0] for row in rows} - {"alembic_version"}


def _taskapi(*args: str, url: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env=cli_env(DATABASE_URL=url, **env))


def test_db_upgrade_logs_alembic_through_the_json_pipeline(empty_database: str) -> None:
    result = _taskapi("db", "upgrade", url=empty_database, LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    upgrades = [e for e in events if e["logger"].startswith("alembic")]
    assert any("Running upgrade" in e["event"] for e in upgrades), events


def test_upgrade_from_empty_to_head_and_back_down(empty_database: str) -> None:
    migrations.upgrade(driver_url(empty_database))
    assert _tables(empty_database) == TABLES
    migrations.downgrade(driver_url(empty_database), "base")
    assert _tables(empty_database) == set()
    migrations.upgrade(driver_url(empty_database))
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
    migrations.upgrade(driver_url(empty_database))
    with psycopg.connect(empty_database, autocommit=True) as conn:
        conn.execute("DROP INDEX ix_task_owner_id_title_id")
    result = _taskapi("db", "check", url=empty_database)
    assert result.returncode == 1
    assert "database check failed" in result.stderr
    assert "password" not in result.stderr


def test_the_head_read_from_the_files_is_alembics() -> None:
    """/readyz compares the database with the head read without Alembic (not loaded by a
    serving process): the same as Alembic's reading of the files."""
    heads = ScriptDirectory(str(migrations.MIGRATIONS_DIR)).get_heads()
    assert migrations.head_revisions() == frozenset(heads)
    assert len(heads) == 1


def test_models_and_migrations_agree(direct_url: str) -> None:
    migrations.check(driver_url(direct_url))


def test_upgrade_creates_the_search_extensions_and_indexes(empty_database: str) -> None:
    migrations.upgrade(driver_url(empty_database))
    with psycopg.connect(empty_database) as conn:
        extensions = {row[0] for row in conn.execute("SELECT extname FROM pg_extension")}
        indexes = dict(
            conn.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%%trgm'"
            ).fetchall()
        )
        invalid = conn.execute("SELECT count(*) FROM pg_index WHERE NOT indisvalid").fetchone()
    assert {"pg_trgm", "btree_gin"} <= extensions
    assert (
        "USING gin (owner_id, title gin_trgm_ops, description gin_trgm_ops)"
        in (indexes["ix_task_owner_id_text_trgm"])
    )
    assert "USING gin (email gin_trgm_ops)" in indexes["ix_app_user_email_trgm"]
    assert invalid == (0,)


def test_upgrade_says_what_to_do_when_it_may_not_create_the_extensions(
    empty_database: str,
) -> None:
    """A role that may create tables but not extensions (no CREATE on the database) is told
    to migrate as the database's owner, in one line, with no traceback."""
    role = f"limited_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(empty_database, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'limited-password'")
        conn.execute(f"GRANT CREATE ON SCHEMA public TO {role}")
    limited = (
        make_url(empty_database)
        .set(username=role, password="limited-password")
        .render_as_string(hide_password=False)
    )
    try:
        result = _taskapi("db", "upgrade", url=limited)
        assert result.returncode == 1, result.stderr
        assert "cannot create the pg_trgm extension" in result.stderr
        assert "as the database's owner" in result.stderr
        assert "Traceback" not in result.stderr
        assert "limited-password" not in result.stderr
        # The upgrade is one transaction: refused, it leaves the database as it found it.
        assert _tables(empty_database) == set()
    finally:
        with psycopg.connect(empty_database, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")


def test_a_missing_extension_is_named_with_what_to_install(direct_url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(driver_url(direct_url))
    try:
        with engine.connect() as connection, pytest.raises(migrations.MigrationError) as refused:
            migrations.require_extensions(connection, "pg_trgm", "no_such_extension")
    finally:
        engine.dispose()
    assert "does not have the no_such_extension extension" in str(refused.value)
    assert "contrib" in str(refused.value)


def test_the_scheduling_migration_lets_writes_through_and_backfills_completed_at(
    empty_database: str,
) -> None:
    """0007 on a table being written: every write of a client that waits at most two seconds
    for a lock succeeds while it runs, tasks completed before it get their `updated_at` as
    `completed_at`, and every index it builds is valid."""
    migrations.upgrade(driver_url(empty_database), "0006")
    owner = uuid.uuid4()
    with psycopg.connect(empty_database, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO app_user (id, is_active, created_at, updated_at)"
            " VALUES (%s, true, now(), now())",
            (owner,),
        )
        conn.execute(
            "INSERT INTO task (id, owner_id, title, completed, version, created_at, updated_at)"
            " SELECT gen_random_uuid(), %s, 'old ' || n, n %% 2 = 0, 1, now(),"
            " now() - n * interval '1 minute' FROM generate_series(1, 20000) n",
            (owner,),
        )
    stop, failures, written = threading.Event(), [], [0]

    def writer() -> None:
        with psycopg.connect(empty_database, autocommit=True) as conn:
            conn.execute("SET lock_timeout = '2s'")
            while not stop.is_set():
                try:
                    conn.execute(
                        "INSERT INTO task (id, owner_id, title, completed, version, created_at,"
                        " updated_at) VALUES (gen_random_uuid(), %s, 'during', true, 1, now(),"
                        " now())",
                        (owner,),
                    )
                    conn.execute(
                        "UPDATE task SET title = 'touched', version = version + 1 WHERE id ="
                        " (SELECT id FROM task WHERE owner_id = %s ORDER BY random() LIMIT 1)",
                        (owner,),
                    )
                    written[0] += 1
                except psycopg.Error as exc:
                    failures.append(type(exc).__name__)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        migrations.upgrade(driver_url(empty_database))
    finally:
        stop.set()
        thread.join()

    assert failures == [] and written[0] > 0
    with psycopg.connect(empty_database) as conn:
        unstamped, mismatched = conn.execute(
            "SELECT count(*) FILTER (WHERE completed_at IS NULL),"
            " count(*) FILTER (WHERE title LIKE 'old %%' AND completed_at <> updated_at)"
            " FROM task WHERE completed"
        ).fetchone()
        invalid = conn.execute(
            "SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indrelid = 'task'::regclass"
        ).fetchone()[0]
    assert (unstamped, mismatched, invalid) == (0, 0, 0)
