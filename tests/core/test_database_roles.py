"""Least privilege: when DATABASE_URL names a role other than the migrations' owner, every
upgrade grants it what serving needs and nothing more, and the platform serves as it."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Iterator

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url
from structlog.testing import capture_logs

from backend.core import migrations
from backend.core.settings import driver_url
from tests.helpers import Staff, User, create_task, libpq, sign_in

DENIED = psycopg.errors.InsufficientPrivilege


@pytest.fixture
def serving_url(db: psycopg.Connection, direct_url: str) -> Iterator[str]:
    """A new login role, granted what serving needs by an upgrade (the database is at head)."""
    role, password = f"taskapi_app_{uuid.uuid4().hex[:8]}", secrets.token_urlsafe(16)
    db.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    migrations.upgrade(driver_url(direct_url), serving_role=role)
    yield (
        make_url(direct_url)
        .set(username=role, password=password)
        .render_as_string(hide_password=False)
    )
    db.execute(f"DROP OWNED BY {role}")
    db.execute(f"DROP ROLE {role}")


def test_an_upgrade_makes_the_apis_timeouts_the_serving_roles_defaults(serving_url: str) -> None:
    """Every session of the role starts with them: a server connection a pooler opens too,
    where a session setting would follow the connection to other clients."""
    with psycopg.connect(libpq(serving_url)) as conn:
        assert conn.execute("SHOW statement_timeout").fetchone() == ("15s",)
        assert conn.execute("SHOW lock_timeout").fetchone() == ("2500ms",)


def test_a_role_that_may_not_set_the_serving_roles_defaults_says_so_and_goes_on(
    serving_url: str, direct_url: str
) -> None:
    """Setting another role's defaults takes a superuser or CREATEROLE, which a migrating role
    may lack: the upgrade then warns (the API sets the timeouts per statement) and succeeds."""
    owner = make_url(direct_url).username
    with capture_logs() as events:
        assert migrations.set_role_defaults(driver_url(serving_url), owner) is False
    assert [(e["event"], e["log_level"], e["role"]) for e in events] == [
        ("role_defaults_not_set", "warning", owner)
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
        "UPDATE audit_log SET after = NULL",
        "DELETE FROM audit_log",
        "TRUNCATE task",
        "DROP TABLE task",
        "CREATE TABLE mine (id int)",
        "INSERT INTO alembic_version VALUES ('nope')",
        "COPY (SELECT 1) TO PROGRAM 'true'",
        "SELECT pg_read_file('postgresql.conf')",
    ],
)
def test_the_serving_role_cannot(serving_url: str, statement: str) -> None:
    with psycopg.connect(libpq(serving_url)) as conn:
        # Switching the redaction on for itself is no way round the missing privilege.
        conn.execute("SELECT set_config('taskapi.redacting', %s, true)", (str(uuid.uuid4()),))
        with pytest.raises(DENIED):
            conn.execute(statement)


def test_the_serving_role_serves_the_api_and_the_back_office_erasure(
    serving_url: str,
    direct_url: str,
    make_client: Callable[..., TestClient],
    make_staff: Callable[..., Staff],
    alice: User,
    db: psycopg.Connection,
) -> None:
    client = make_client(database_url=serving_url, database_direct_url=direct_url)
    task = create_task(client, alice, title="Secret plan")
    patched = client.patch(
        alice.task_url(task["id"]), json={"completed": True}, headers=alice.headers
    )
    assert patched.status_code == 200
    assert client.get(alice.tasks_url, headers=alice.headers).json()["items"][0]["completed"]
    sign_in(client, make_staff("admin"))
    client.post(f"/admin/task/edit/{task['id']}", data={"title": "Secret plan, revised"})
    erased = client.get(
        f"/admin/user/action/erase?pks={alice.id}&confirm=alice@example.com",
        follow_redirects=False,
    )
    assert erased.status_code == 302
    history = db.execute(
        "SELECT before::text, after::text FROM audit_log WHERE subject_user_id = %s",
        (alice.id,),
    ).fetchall()
    assert history and "Secret" not in str(history)
