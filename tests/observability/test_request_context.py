"""X-Request-ID on every response, and unhandled errors answered once with the envelope."""

from __future__ import annotations

import json

import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.app import create_app
from tests.helpers import User, make_token


def test_sane_client_request_id_is_echoed(client: TestClient, alice: User) -> None:
    response = client.get(alice.tasks_url, headers={**alice.headers, "X-Request-ID": "abc-123_X.y"})
    assert response.headers["X-Request-ID"] == "abc-123_X.y"


@pytest.mark.parametrize("given", ["", "x" * 129, "has space", "semi;colon", "ünï"])
def test_insane_request_id_is_replaced(client: TestClient, given: str) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": given.encode("utf-8")})
    assert response.headers["X-Request-ID"] != given
    assert 1 <= len(response.headers["X-Request-ID"]) <= 128


def test_every_response_has_a_request_id(client: TestClient, alice: User) -> None:
    responses = [
        client.get("/healthz"),
        client.get("/nope"),
        client.get(alice.tasks_url),
        client.post(alice.tasks_url, content=b"x" * 70_000, headers=alice.headers),
        client.post(alice.tasks_url, json={}, headers=alice.headers),
    ]
    ids = [r.headers.get("X-Request-ID") for r in responses]
    assert all(ids) and len(set(ids)) == len(ids)


def _events(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_unhandled_error_is_one_logged_event_and_a_500_envelope(
    make_settings, db: psycopg.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    app = create_app(make_settings(log_format="json"))

    async def explode() -> None:
        token = "eyJ-secret-token-in-a-local"  # noqa: F841  (a local a traceback could show)
        raise RuntimeError("boom")

    app.add_api_route("/explode", explode)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/explode", headers={"X-Request-ID": "trace-me"})

    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error.", "code": "internal_error"}
    assert response.headers["X-Request-ID"] == "trace-me"
    out = capsys.readouterr().out
    errors = [e for e in _events(out) if e["level"] in ("error", "critical")]
    assert len(errors) == 1
    assert errors[0]["event"] == "unhandled_exception" and errors[0]["request_id"] == "trace-me"
    assert errors[0]["exception"], "the traceback is logged, as data"
    assert "eyJ-secret-token-in-a-local" not in out


def test_a_mounted_apps_own_500_is_the_only_response_sent(
    make_settings, db: psycopg.Connection
) -> None:
    """The back office is a mounted Starlette app whose error middleware answers 500 and then
    re-raises; the outer middleware must not start a second response on the same request."""
    from starlette.applications import Starlette
    from starlette.routing import Route

    async def explode(request: object) -> None:
        raise RuntimeError("boom")

    app = create_app(make_settings())
    app.mount("/mounted", Starlette(routes=[Route("/explode", explode)]))
    messages: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        messages.append(message)

    import anyio

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/mounted/explode",
        "raw_path": b"/mounted/explode",
        "root_path": "",
        "query_string": b"",
        "headers": [],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    anyio.run(app, scope, receive, send)
    starts = [m for m in messages if m["type"] == "http.response.start"]
    assert [m["status"] for m in starts] == [500]


def test_one_access_event_per_request_with_template_and_user(
    make_client, alice: User, capsys: pytest.CaptureFixture[str]
) -> None:
    client = make_client(log_format="json")
    client.get(
        alice.tasks_url + "?q=private+search",
        headers={**alice.headers, "X-Request-ID": "acc-1"},
    )
    out = capsys.readouterr().out
    events = [e for e in _events(out) if e["event"] == "request"]
    assert len(events) == 1
    event = events[0]
    assert event["route"] == "/api/{user_id}/tasks"
    assert (event["method"], event["status"], event["request_id"]) == ("GET", 200, "acc-1")
    assert event["user_id"] == str(alice.id)
    assert event["duration_ms"] >= 0
    assert event["logger"] == "backend.request" and event["level"] == "info"
    # The test client (httpx) logs its own requests with the URL; the platform never does.
    ours = json.dumps([e for e in _events(out) if e["logger"] != "httpx"])
    assert "private" not in ours and alice.token not in out


def test_a_failed_requests_access_event_names_its_error_code_and_route(
    make_client, alice: User, capsys: pytest.CaptureFixture[str]
) -> None:
    """Which error (not only the status), and where: the route template of the path, also for
    a body refused before routing; a path no route serves is `<unmatched>`."""
    client = make_client(log_format="json")
    expired = make_token(alice.id, ttl_s=-120)
    client.get(alice.tasks_url, headers={"Authorization": "Bearer not-a-jwt"})
    client.get(alice.tasks_url, headers={"Authorization": f"Bearer {expired}"})
    client.post(alice.tasks_url, content=b"x" * 2_000_000, headers=alice.headers)
    client.delete("/no/such/place?secret-query", headers={"X-Request-ID": "lost-1"})
    client.get(alice.tasks_url, headers=alice.headers)
    events = [e for e in _events(capsys.readouterr().out) if e["event"] == "request"]

    seen = [(e["method"], e["route"], e["status"], e.get("code")) for e in events]
    assert seen == [
        ("GET", "/api/{user_id}/tasks", 401, "invalid_token"),
        ("GET", "/api/{user_id}/tasks", 401, "token_expired"),
        ("POST", "/api/{user_id}/tasks", 413, "payload_too_large"),
        ("DELETE", "<unmatched>", 404, "not_found"),
        ("GET", "/api/{user_id}/tasks", 200, None),
    ]
    assert "code" not in events[-1], "a success has no error code"
    assert events[3]["request_id"] == "lost-1"
    assert "secret-query" not in json.dumps(events) and "/no/such" not in json.dumps(events)


@pytest.mark.parametrize("level", ["INFO", "DEBUG"])
def test_a_healthy_probe_is_not_logged_at_info(
    make_client, level: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Orchestrators probe every few seconds per pod: a healthy answer is a DEBUG event, shown
    only when the log level asks for it."""
    client = make_client(log_format="json", log_level=level)
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/openapi.json").status_code == 200
    events = [e for e in _events(capsys.readouterr().out) if e["event"] == "request"]

    probes = [(e["route"], e["level"]) for e in events if e["route"] != "/openapi.json"]
    assert probes == ([] if level == "INFO" else [("/healthz", "debug"), ("/readyz", "debug")])
    assert [e["level"] for e in events if e["route"] == "/openapi.json"] == ["info"]
