"""The platform as `taskapi serve` runs it: workers adding up their metrics, and its log stream."""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.helpers import Metrics, Staff, User, create_task, make_token, sign_in
from tests.servers import LiveServer

CLOSE = {"Connection": "close"}  # a new connection each time, so the workers share the load


def test_two_workers_add_up_their_metrics(
    start_server: Callable[..., LiveServer], alice: User
) -> None:
    server = start_server("--workers", "2", LOG_FORMAT="json")
    requests = 60
    with httpx.Client(base_url=server.url) as http:
        for _ in range(3):
            create_task(http, alice)

        def list_tasks(_: int) -> int:
            return http.get(alice.tasks_url, headers={**alice.headers, **CLOSE}).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            assert set(pool.map(list_tasks, range(requests))) == {200}
        scrapes = [http.get("/metrics", headers=CLOSE).text for _ in range(6)]

    for text in scrapes:
        listed = Metrics(text).total(
            "http_requests_total", handler="/api/{user_id}/tasks", method="GET"
        )
        assert listed == requests
        assert Metrics(text).total("tasks_created_total") == 3
    served_by = {
        event["pid"]
        for event in map(json.loads, server.log_lines())
        if event.get("event") == "request" and event.get("method") == "GET"
    }
    assert len(served_by) == 2, "both workers should have served requests"


def test_logs_are_json_lines_with_request_ids_and_no_secrets(
    start_server: Callable[..., LiveServer], alice: User, make_staff: Callable[..., Staff]
) -> None:
    server = start_server(LOG_FORMAT="json")
    staff = make_staff("support")
    forged = make_token(alice.id, secret="a-different-secret-that-is-long-enough-0123456789")
    with httpx.Client(base_url=server.url) as http:
        create_task(http, alice, title="Logged by route, not by title")
        http.get(alice.tasks_url, headers={"Authorization": f"Bearer {forged}"})
        sign_in(http, staff, password="a wrong password, typed once")
        signed = http.post(
            "/admin/login",
            data={"username": staff.email, "password": staff.password},
            headers={"X-Request-ID": "sign-in-1"},
        )
        cookie = signed.cookies.get("taskapi_admin") or http.cookies.get("taskapi_admin")
        assert cookie
        assert http.get("/admin/task/list").status_code == 200
    server.process.terminate()
    server.process.wait(timeout=30)

    text = server.log_path.read_text()
    events = [json.loads(line) for line in text.splitlines()]
    assert any(event.get("logger", "").startswith("uvicorn") for event in events)
    requests = [event for event in events if event["event"] == "request"]
    assert {"method", "route", "status", "duration_ms", "request_id", "user_id"} <= set(requests[0])
    assert {event["route"] for event in requests} >= {
        "/api/{user_id}/tasks",
        "/admin/login",
        "/admin/{identity}/list",
    }
    sign_in_events = [event for event in events if event.get("request_id") == "sign-in-1"]
    assert {event["event"] for event in sign_in_events} == {"admin sign-in", "request"}
    for secret in (alice.token, forged, staff.password, "a wrong password", cookie):
        assert secret not in text
    assert "Logged by route" not in text
