"""X-Request-ID on every response, and unhandled errors answered once with the envelope."""

from __future__ import annotations

import json
import logging

import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.app import create_app
from tests.helpers import User


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


def test_unhandled_error_is_one_logged_event_and_a_500_envelope(
    make_settings, db: psycopg.Connection, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(make_settings(log_format="json"))

    async def explode() -> None:
        token = "eyJ-secret-token-in-a-local"  # noqa: F841  (a local a traceback could show)
        raise RuntimeError("boom")

    app.add_api_route("/explode", explode)
    with caplog.at_level(logging.ERROR), TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/explode", headers={"X-Request-ID": "trace-me"})

    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error.", "code": "internal_error"}
    assert response.headers["X-Request-ID"] == "trace-me"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    event = errors[0].msg if isinstance(errors[0].msg, dict) else json.loads(errors[0].getMessage())
    assert event["event"] == "unhandled_exception" and event["request_id"] == "trace-me"
    rendered = caplog.handler.format(errors[0]) + json.dumps(event, default=str)
    assert "eyJ-secret-token-in-a-local" not in rendered


def test_one_access_event_per_request_with_template_and_user(
    client: TestClient, alice: User, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        client.get(
            alice.tasks_url + "?q=private+search",
            headers={**alice.headers, "X-Request-ID": "acc-1"},
        )
    events = [
        r.msg for r in caplog.records if isinstance(r.msg, dict) and r.msg.get("event") == "request"
    ]
    assert len(events) == 1
    event = events[0]
    assert event["route"] == "/api/{user_id}/tasks"
    assert (event["method"], event["status"], event["request_id"]) == ("GET", 200, "acc-1")
    assert event["user_id"] == str(alice.id)
    assert event["duration_ms"] >= 0
    assert "private" not in json.dumps(event) and alice.token not in json.dumps(event)
