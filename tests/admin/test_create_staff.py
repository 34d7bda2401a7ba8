"""`taskapi create-staff`: the one way the first staff account comes to exist."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.helpers import Staff, cli_env, run_cli, sign_in

PASSWORD = "a password long enough"


@pytest.fixture
def env(database_url: str, direct_url: str) -> dict[str, str]:
    return cli_env(DATABASE_URL=database_url, DATABASE_DIRECT_URL=direct_url)


@pytest.mark.slow  # runs another program in a subprocess
def test_create_staff_reads_the_password_from_stdin_and_the_account_can_sign_in(
    env: dict[str, str], db: psycopg.Connection, make_client: Callable[..., TestClient]
) -> None:
    result = run_cli(
        "create-staff",
        "--email",
        "Lead@Example.com",
        "--role",
        "admin",
        "--password-stdin",
        env=env,
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    (role, password_hash) = db.execute(
        "SELECT role, password_hash FROM staff_user WHERE email = 'lead@example.com'"
    ).fetchone()
    assert role == "admin" and password_hash.startswith("$argon2")
    # Audited like an account an admin creates, naming the command as who made it.
    [(staff_email, action, object_type, after)] = db.execute(
        "SELECT staff_email, action, object_type, after FROM audit_log"
    ).fetchall()
    assert (staff_email, action, object_type) == ("(taskapi create-staff)", "create", "staff_user")
    assert after == {"email": "lead@example.com", "role": "admin", "is_active": True}
    assert password_hash not in str(after)
    client = make_client()
    lead = Staff(id=None, email="lead@example.com", role="admin", password=PASSWORD)  # type: ignore[arg-type]
    assert sign_in(client, lead).status_code == 302
    assert client.get("/admin/staff-user/list").status_code == 200


@pytest.mark.slow  # runs another program in a subprocess
@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--email", "a@example.com", "--role", "support"], "short\n", "at least 12 characters"),
        (["--email", "not-an-email", "--role", "support"], PASSWORD + "\n", "email"),
    ],
)
def test_create_staff_refuses_bad_input_and_stores_nothing(
    env: dict[str, str], db: psycopg.Connection, args: list[str], stdin: str, message: str
) -> None:
    result = run_cli("create-staff", *args, "--password-stdin", env=env, stdin=stdin)
    assert result.returncode == 1
    assert message in result.stderr
    assert db.execute("SELECT count(*) FROM staff_user").fetchone() == (0,)


@pytest.mark.slow  # runs another program in a subprocess
def test_create_staff_refuses_an_unknown_role(env: dict[str, str]) -> None:
    result = run_cli(
        "create-staff",
        "--email",
        "a@example.com",
        "--role",
        "root",
        "--password-stdin",
        env=env,
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


@pytest.mark.slow  # runs another program in a subprocess
def test_create_staff_refuses_an_email_already_taken(
    env: dict[str, str], db: psycopg.Connection
) -> None:
    args = ("create-staff", "--email", "twice@example.com", "--role", "support", "--password-stdin")
    assert run_cli(*args, env=env, stdin=PASSWORD + "\n").returncode == 0
    again = run_cli(*args, env=env, stdin=PASSWORD + "\n")
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert "Traceback" not in again.stderr
    # The refused second account left no audit row of its own.
    assert db.execute("SELECT count(*) FROM audit_log").fetchone() == (1,)


@pytest.mark.slow  # runs another program in a subprocess
def test_create_staff_never_takes_the_password_from_argv(env: dict[str, str]) -> None:
    result = run_cli(
        "create-staff",
        "--email",
        "a@example.com",
        "--role",
        "support",
        "--password",
        PASSWORD,
        env=env,
    )
    assert result.returncode == 2
