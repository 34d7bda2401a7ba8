"""The error envelope for every status, and what never leaks into it."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Iterator

import httpx
import psycopg
import pytest
from fastapi import Request
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import text
from starlette.routing import BaseRoute

from backend.api.deps import OwnerRoute
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


def _served_routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route the app serves, included routers' too (FastAPI keeps those nested)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _served_routes(included.routes)
        else:
            yield route


def test_every_api_route_checks_ownership_first(client: TestClient) -> None:
    """Every route the app serves under /api/ is an OwnerRoute: a new task route that skips
    the owner check fails here by itself, however many routes there are."""
    api_routes = [
        route
        for route in _served_routes(client.app.routes)
        if isinstance(route, APIRoute) and route.path.startswith("/api/")
    ]
    unchecked = [
        f"{sorted(route.methods)} {route.path}"
        for route in api_routes
        if not isinstance(route, OwnerRoute)
    ]
    assert unchecked == []
    assert all(route.path.startswith("/api/{user_id}/") for route in api_routes)
    # Whatever the walk found, it found every operation the API documents.
    walked = {(route.path, method.lower()) for route in api_routes for method in route.methods}
    documented = {
        (path, method)
        for path, operations in client.app.openapi()["paths"].items()
        if path.startswith("/api/")
        for method in operations
    }
    assert documented and documented <= walked


def _route_calls(user: User, task_id: str) -> list[tuple[str, str, dict | None]]:
    return [
        ("GET", user.tasks_url, None),
        ("POST", user.tasks_url, {"title": "x"}),
        ("GET", user.task_url(task_id), None),
        ("PUT", user.task_url(task_id), {"title": "x"}),
        ("PATCH", user.task_url(task_id), {"title": "x"}),
        ("DELETE", user.task_url(task_id), None),
    ]


@pytest.mark.parametrize(
    "index", range(6), ids=["list", "create", "get", "replace", "patch", "delete"]
)
def test_ownership_matrix(client: TestClient, alice: User, bob: User, index: int) -> None:
    """Per route: no token 401, another user's path 403, another user's task 404, owner 2xx."""
    task_id = client.post(alice.tasks_url, json={"title": "mine"}, headers=alice.headers).json()[
        "id"
    ]
    method, url, body = _route_calls(alice, task_id)[index]

    assert client.request(method, url, json=body).status_code == 401
    assert client.request(method, url, json=body, headers=bob.headers).status_code == 403
    if url != alice.tasks_url:  # a single-task route: Bob asking for Alice's task by its id
        _, bob_url, bob_body = _route_calls(bob, task_id)[index]
        assert (
            client.request(method, bob_url, json=bob_body, headers=bob.headers).status_code == 404
        )
    assert client.request(method, url, json=body, headers=alice.headers).status_code in (
        200,
        201,
        204,
    )


def test_missing_task_is_404_for_every_task_route(client: TestClient, alice: User) -> None:
    for method, url, body in _route_calls(alice, str(uuid.uuid4()))[2:]:
        response = client.request(method, url, json=body, headers=alice.headers)
        assert response.status_code == 404, method
        assert response.json()["code"] == "not_found"
