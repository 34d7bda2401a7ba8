"""The error envelope for every status, and what never leaks into it."""

from __future__ import annotations

import time
import uuid

import httpx
import psycopg
from fastapi import Request
from fastapi.testclient import TestClient
from sqlalchemy import text

from backend.app import create_app
from tests.helpers import User


def test_unknown_path_is_404_envelope(client: TestClient) -> None:
    response = client.get("/nope")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found", "code": "not_found"}


def test_wrong_method_is_405_envelope(client: TestClient, alice: User) -> None:
    response = client.request("PATCH", alice.tasks_url, headers=alice.headers)
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert response.headers["Allow"] == "GET, POST"
    one = client.post(alice.task_url(uuid.uuid4()), json={}, headers=alice.headers)
    assert one.status_code == 405
    assert one.headers["Allow"] == "DELETE, GET, PATCH, PUT"


def _get_500(make_settings, endpoint) -> httpx.Response:
    """GET a route that fails unexpectedly; it must be the plain 500 envelope."""
    app = create_app(make_settings())
    app.add_api_route("/fails", endpoint)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/fails")
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error.", "code": "internal_error"}
    return response


def test_unexpected_error_is_500_without_internals(make_settings, db: psycopg.Connection) -> None:
    async def explode() -> None:
        raise RuntimeError("SELECT secret FROM internals -- stack detail")

    response = _get_500(make_settings, explode)
    assert "SELECT" not in response.text and "Traceback" not in response.text


def test_database_error_that_is_a_bug_is_500_without_sql(
    make_settings, db: psycopg.Connection
) -> None:
    async def bad_sql(request: Request) -> None:
        async with request.app.state.context.engine.connect() as connection:
            statement = text("SELECT no_such_column FROM task WHERE title = :t")
            await connection.execute(statement, {"t": "secret"})

    response = _get_500(make_settings, bad_sql)
    assert "no_such_column" not in response.text and "secret" not in response.text


def test_an_idempotent_create_that_fails_leaves_neither_key_nor_task(
    client: TestClient, db: psycopg.Connection, alice: User
) -> None:
    # The key is claimed before the task is inserted; when the insert fails, the claim must go
    # with it, or the retry would be answered with a task that was never stored.
    db.execute(
        "CREATE FUNCTION refuse_half_done() RETURNS trigger LANGUAGE plpgsql AS"
        " $$ BEGIN IF NEW.title = 'half-done' THEN RAISE EXCEPTION 'refused'; END IF;"
        " RETURN NEW; END $$"
    )
    db.execute(
        "CREATE TRIGGER refuse_half_done BEFORE INSERT ON task"
        " FOR EACH ROW EXECUTE FUNCTION refuse_half_done()"
    )
    try:
        failed = client.post(
            alice.tasks_url,
            json={"title": "half-done"},
            headers={**alice.headers, "Idempotency-Key": "once"},
        )
        assert failed.status_code == 500
        assert db.execute("SELECT count(*) FROM idempotency_key").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM task").fetchone() == (0,)
    finally:
        db.execute("DROP TRIGGER refuse_half_done ON task")
        db.execute("DROP FUNCTION refuse_half_done()")
    retried = client.post(
        alice.tasks_url,
        json={"title": "half-done"},
        headers={**alice.headers, "Idempotency-Key": "once"},
    )
    assert retried.status_code == 201
    assert db.execute("SELECT title FROM task").fetchall() == [("half-done",)]


def test_unreachable_database_is_503_with_retry_after_and_fails_fast(
    make_client, alice: User, unreachable_database_url: str
) -> None:
    dead = unreachable_database_url
    client = make_client(database_url=dead, database_direct_url=dead)

    started = time.monotonic()
    response = client.get(alice.tasks_url, headers=alice.headers)
    elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert response.json() == {
        "detail": "The database is unavailable; retry shortly.",
        "code": "database_unavailable",
    }
    assert int(response.headers["Retry-After"]) > 0
    assert "pw" not in response.text and "127.0.0.1" not in response.text
    assert elapsed < 10
    assert client.get("/healthz").status_code == 200


def test_unauthenticated_is_401_even_when_database_is_down(
    make_client, alice: User, unreachable_database_url: str
) -> None:
    dead = unreachable_database_url
    client = make_client(database_url=dead, database_direct_url=dead)
    assert client.get(alice.tasks_url).status_code == 401
