"""The platform as `taskapi serve` runs it: workers adding up their metrics, and its log stream."""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.helpers import (
    Metrics,
    Staff,
    ThreadClients,
    User,
    create_task,
    make_token,
    sign_in,
    wait_until,
)
from tests.servers import LiveServer

CLOSE = {"Connection": "close"}  # a new connection each time, so the workers share the load
ROUND = 20
ROUNDS_MAX = 50


def test_two_workers_add_up_their_metrics(
    start_server: Callable[..., LiveServer], alice: User
) -> None:
    """Whichever worker answers a scrape counts every worker's requests. The kernel, not the
    platform, decides which worker accepts a connection (on a busy machine one may take sixty
    in a row), so requests go out in rounds until both have served some, and the count they
    must add up to is however many went out."""
    server = start_server("--workers", "2", LOG_FORMAT="json")
    sent = 0

    def served_by() -> set[int]:
        return {
            event["pid"]
            for event in map(json.loads, server.log_lines())
            if event.get("event") == "request" and event.get("method") == "GET"
        }

    with ThreadClients(base_url=server.url) as http:
        for _ in range(3):
            create_task(http, alice)

        def list_tasks(_: int) -> int:
            return http.get(alice.tasks_url, headers={**alice.headers, **CLOSE}).status_code

        for _ in range(ROUNDS_MAX):
            with ThreadPoolExecutor(max_workers=8) as pool:
                assert set(pool.map(list_tasks, range(ROUND))) == {200}
            sent += ROUND
            # Log lines reach the file within 50 ms of their request.
            if wait_until(lambda: len(served_by()) == 2, timeout_s=1, every_s=0.1):
                break
        assert len(served_by()) == 2, f"one worker took all {sent} connections"
        scrapes = [http.get("/metrics", headers=CLOSE).text for _ in range(6)]

    for text in scrapes:
        listed = Metrics(text).total(
            "http_requests_total", handler="/api/{user_id}/tasks", method="GET"
        )
        assert listed == sent
        assert Metrics(text).total("tasks_created_total") == 3
        # Each worker's own process figures, whichever answers the scrape, told apart by pid.
        memory = Metrics(text)["process_resident_memory_bytes"]
        assert {int(sample.labels["pid"]) for sample in memory} == served_by()
        assert all(sample.value > 10 * 2**20 for sample in memory)
        cpu = Metrics(text)["process_cpu_seconds"]
        assert {int(sample.labels["pid"]) for sample in cpu} == served_by()
        assert all(sample.value > 0 for sample in cpu)
        [build] = Metrics(text)["taskapi_build_info"]
        assert build.value == 1 and build.labels["version"]


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
