"""The `taskapi` command as a user runs it: tokens, and serving from a fresh folder."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
import jwt
import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.core.embedded_db import EmbeddedDatabase
from backend.core.settings import development_secrets
from tests.helpers import (
    REPO_ROOT,
    TEST_SECRET,
    cli_env,
    free_port,
    make_token,
    run_cli,
    wait_for_http,
)


@pytest.mark.slow  # runs another program in a subprocess
def test_token_prints_one_signed_jwt_for_the_user() -> None:
    user_id = uuid.uuid4()
    result = run_cli(
        "token",
        "--user-id",
        str(user_id),
        "--email",
        "a@example.com",
        "--ttl",
        "120",
        env=cli_env(JWT_SECRET=TEST_SECRET),
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    claims = jwt.decode(lines[0], TEST_SECRET, algorithms=["HS256"])
    assert claims["sub"] == str(user_id) and claims["email"] == "a@example.com"
    assert claims["exp"] - claims["iat"] == 120


@pytest.mark.slow  # runs another program in a subprocess
def test_token_refuses_a_user_id_that_is_not_a_uuid() -> None:
    result = run_cli("token", "--user-id", "bob", env=cli_env())
    assert result.returncode != 0
    assert result.stdout == ""


@pytest.mark.slow  # runs another program in a subprocess
# "" is every interface to uvicorn, though it is this machine to libpq.
@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.1", "example.com", ""])  # noqa: S104
def test_development_refuses_to_serve_beyond_this_machine(host: str, tmp_path: Path) -> None:
    result = run_cli("serve", "--host", host, env=cli_env(PYTHONPATH=str(REPO_ROOT)), cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert host in line and "ENVIRONMENT=staging or production" in line
    assert not (tmp_path / ".data" / "pgdata").exists(), "refused before starting anything"


def test_a_token_signed_with_the_old_shipped_secret_is_refused(
    make_client: Callable[..., TestClient], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Development once signed with a constant in the repository; it opens nothing now."""
    monkeypatch.chdir(tmp_path)
    client = make_client(jwt_secret=None, admin_secret_key=None)
    user_id = uuid.uuid4()
    old = make_token(user_id, secret="development-only-secret-never-use-in-production!", ttl_s=60)
    refused = client.get(f"/api/{user_id}/tasks", headers={"Authorization": f"Bearer {old}"})
    assert refused.status_code == 401 and refused.json()["code"] == "invalid_token"
    own = make_token(
        user_id, secret=development_secrets(tmp_path / ".data")["jwt_secret"], ttl_s=60
    )
    assert (
        client.get(f"/api/{user_id}/tasks", headers={"Authorization": f"Bearer {own}"}).status_code
        == 200
    )


@pytest.mark.slow  # runs another program in a subprocess
def test_serve_without_database_url_starts_embedded_database_and_keeps_data(
    open_folder: Path,
) -> None:
    """A fresh folder serves with no set-up, and a task survives a restart of the server."""
    env = cli_env(PYTHONPATH=str(REPO_ROOT))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    user_id = uuid.uuid4()
    # Minted in the same folder: the development secrets are this checkout's own.
    token = run_cli("token", "--user-id", str(user_id), env=env, cwd=open_folder).stdout.strip()
    headers = {"Authorization": f"Bearer {token}"}

    log = open_folder / "serve.log"

    def serve(**variables: str) -> subprocess.Popen[bytes]:
        with log.open("ab") as output:
            return subprocess.Popen(
                [sys.executable, "-m", "backend.cli", "serve", "--port", str(port)],
                cwd=open_folder,
                env={**env, **variables},
                stdout=output,
                stderr=output,
            )

    server = serve()
    try:
        wait_for_http(base + "/healthz", timeout_s=120, process=server)
        assert httpx.get(base + "/docs").status_code == 200
        assert httpx.get(base + "/readyz").status_code == 200
        created = httpx.post(
            f"{base}/api/{user_id}/tasks", json={"title": "survive"}, headers=headers
        )
        assert created.status_code == 201
        # Other commands use the running cluster beside the server, and leave it running.
        staff = run_cli(
            "create-staff",
            "--email",
            "lead@example.com",
            "--role",
            "admin",
            "--password-stdin",
            env=env,
            cwd=open_folder,
            stdin="a long enough password\n",
        )
        assert staff.returncode == 0, staff.stderr
        upgrade = run_cli("db", "upgrade", env=env, cwd=open_folder)
        assert upgrade.returncode == 0, upgrade.stderr
        assert httpx.get(f"{base}/api/{user_id}/tasks", headers=headers).status_code == 200
        assert httpx.get(base + "/readyz").status_code == 200
        # The embedded PostgreSQL has the contrib extensions that trigram search needs.
        with psycopg.connect(EmbeddedDatabase(open_folder / ".data").url()) as conn:
            available = conn.execute(
                "SELECT name FROM pg_available_extensions WHERE name IN ('pg_trgm', 'btree_gin')"
            ).fetchall()
        assert sorted(name for (name,) in available) == ["btree_gin", "pg_trgm"]
    finally:
        server.terminate()
        assert server.wait(timeout=60) == 0, log.read_text()[-4000:]
    assert (open_folder / ".data").is_dir()
    # The server started the cluster and was the last one using it: it stopped it.
    assert not EmbeddedDatabase(open_folder / ".data").running

    first_run = log.read_text()
    server = serve(LOG_FORMAT="json")
    try:
        wait_for_http(base + "/healthz", timeout_s=120, process=server)
        listed = httpx.get(f"{base}/api/{user_id}/tasks", headers=headers).json()
        assert [t["title"] for t in listed["items"]] == ["survive"]
    finally:
        server.terminate()
        server.wait(timeout=60)
    # In JSON mode every line is JSON, the embedded database's start and stop among them.
    events = [json.loads(line) for line in log.read_text()[len(first_run) :].splitlines()]
    said = [event["event"] for event in events if event.get("logger") == "taskapi.embedded_db"]
    assert said[0].startswith("embedded PostgreSQL started under ")
    assert said[-1] == "embedded PostgreSQL stopped"
    # Start-up says where things are; the first run also said no one could sign in yet.
    [serving] = [event for event in events if event["event"] == "serving"]
    assert serving["api_docs"] == f"{base}/docs" and serving["back_office"] == f"{base}/admin"
    assert "no staff account yet" in first_run and "taskapi create-staff" in first_run
    assert not [event for event in events if "no staff account" in event["event"]]


@pytest.mark.slow  # runs another program in a subprocess
def test_a_cluster_started_otherwise_is_left_running(tmp_path: Path) -> None:
    cluster = EmbeddedDatabase(tmp_path / ".data")
    cluster.start()
    try:
        result = run_cli("db", "upgrade", env=cli_env(PYTHONPATH=str(REPO_ROOT)), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert cluster.running
    finally:
        cluster.stop()


@pytest.mark.slow  # runs another program in a subprocess
def test_data_from_another_postgresql_major_version_is_refused_with_what_to_run(
    tmp_path: Path,
) -> None:
    pgdata = tmp_path / ".data" / "pgdata"
    pgdata.mkdir(parents=True)
    (pgdata / "PG_VERSION").write_text("9\n")
    result = run_cli("db", "check", env=cli_env(PYTHONPATH=str(REPO_ROOT)), cwd=tmp_path)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "made by PostgreSQL 9" in line and "cannot open it" in line
    assert f"mv {pgdata} {pgdata.with_name('pgdata-postgresql-9')}" in line
    assert (pgdata / "PG_VERSION").read_text() == "9\n", "nothing was touched"


@pytest.mark.slow  # runs another program in a subprocess
@pytest.mark.parametrize("ttl", ["0", "-5", "1.5", "soon"])
def test_token_refuses_a_lifetime_under_one_second(ttl: str) -> None:
    """A TTL of 0 or less would print a token that has already expired."""
    result = run_cli(
        "token", "--user-id", str(uuid.uuid4()), "--ttl", ttl, env=cli_env(JWT_SECRET=TEST_SECRET)
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--ttl" in result.stderr
