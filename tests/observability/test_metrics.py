"""/metrics: parsed as Prometheus text, labelled by route template, counters that move right."""

from __future__ import annotations

import importlib.metadata
import platform
import time
import uuid

import psycopg
from fastapi.testclient import TestClient

from tests.helpers import Metrics, User, create_task


def scrape(client: TestClient, **headers: str) -> Metrics:
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    return Metrics(response.text)


def test_expected_families_are_exported(client: TestClient, alice: User) -> None:
    client.get(alice.tasks_url, headers=alice.headers)
    families = scrape(client)
    for name in (
        "http_requests",
        "http_request_duration_seconds",
        "http_request_duration_highr_seconds",
        "http_requests_inprogress",
        "db_pool_size",
        "db_pool_checked_out",
        "db_pool_overflow",
        "tasks_created",
        "tasks_completed",
        "tasks_deleted",
        "auth_failures",
    ):
        assert name in families, name


def test_routes_are_labelled_by_template_not_raw_path(client: TestClient, alice: User) -> None:
    for _ in range(1000):
        client.get(alice.task_url(uuid.uuid4()), headers=alice.headers)
    client.get("/no/such/path")
    families = scrape(client)
    handlers = {
        s.labels["handler"] for s in families["http_requests"] if s.name == "http_requests_total"
    }
    assert handlers == {"/api/{user_id}/tasks/{task_id}"}
    assert (
        families.total(
            "http_requests_total", handler="/api/{user_id}/tasks/{task_id}", status="4xx"
        )
        == 1000
    )


def test_operations_endpoints_are_not_counted(client: TestClient) -> None:
    client.get("/healthz")
    client.get("/readyz")
    scrape(client)
    handlers = {s.labels.get("handler") for s in scrape(client)["http_requests"]}
    assert not handlers & {"/healthz", "/readyz", "/metrics"}


def test_business_counters_move_by_the_right_amount(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    before = scrape(client)
    tasks = [create_task(client, alice, title=f"t{i}") for i in range(3)]
    client.patch(alice.task_url(tasks[0]["id"]), json={"completed": True}, headers=alice.headers)
    client.patch(
        alice.task_url(tasks[0]["id"]), json={"completed": True}, headers=alice.headers
    )  # already done
    client.put(
        alice.task_url(tasks[1]["id"]),
        json={"title": "x", "completed": True},
        headers=alice.headers,
    )
    client.delete(alice.task_url(tasks[2]["id"]), headers=alice.headers)
    client.post(
        alice.tasks_url,
        json={"title": "replayed"},
        headers={**alice.headers, "Idempotency-Key": "k"},
    )
    client.post(
        alice.tasks_url,
        json={"title": "replayed"},
        headers={**alice.headers, "Idempotency-Key": "k"},
    )
    after = scrape(client)

    def moved(name: str, **labels: str) -> float:
        return after.total(name, **labels) - before.total(name, **labels)

    assert moved("tasks_created_total") == 4
    assert moved("tasks_completed_total") == 2
    assert moved("tasks_deleted_total") == 1


def test_auth_failures_are_counted_by_reason(
    client: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    client.get(alice.tasks_url)
    client.get(alice.tasks_url, headers={"Authorization": "Bearer nope"})
    client.get(bob.tasks_url, headers=alice.headers)
    client.get(bob.tasks_url, headers=alice.headers)
    families = scrape(client)
    assert families.total("auth_failures_total", reason="not_authenticated") == 1
    assert families.total("auth_failures_total", reason="invalid_token") == 1
    assert families.total("auth_failures_total", reason="forbidden") == 2


def test_pool_gauges_follow_both_pools(client: TestClient, alice: User) -> None:
    assert scrape(client).total("db_pool_checked_in", pool="api") == 0
    client.get(alice.tasks_url, headers=alice.headers)
    families = scrape(client)
    assert families.total("db_pool_size", pool="api") == 10
    # The request took a connection and gave it back (the pool may have opened a second).
    assert families.total("db_pool_checked_out", pool="api") == 0
    assert families.total("db_pool_checked_in", pool="api") >= 1
    assert families.total("db_pool_overflow", pool="api") == 0
    # The back office's engine has not connected yet; /readyz makes it.
    assert families.total("db_pool_checked_in", pool="admin") == 0
    client.get("/readyz")
    families = scrape(client)
    assert families.total("db_pool_checked_out", pool="admin") == 0
    assert families.total("db_pool_checked_in", pool="admin") == 1


def test_metrics_token_is_enforced(make_client, db: psycopg.Connection) -> None:
    client = make_client(metrics_token="m" * 40)
    missing = client.get("/metrics")
    assert missing.status_code == 401
    assert missing.json()["code"] == "not_authenticated"
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert (
        client.get("/metrics", headers={"Authorization": f"Bearer {'m' * 40}"}).status_code == 200
    )


def test_process_figures_build_info_and_no_created_twins(client: TestClient) -> None:
    """The standard process series an SRE's dashboards expect, which build runs, and no
    `_created` sample beside each counter, histogram and summary."""
    families = scrape(client)
    for name in (
        "process_resident_memory_bytes",
        "process_virtual_memory_bytes",
        "process_cpu_seconds",
        "process_open_fds",
        "process_max_fds",
        "process_start_time_seconds",
    ):
        assert name in families, name
    assert families.total("process_resident_memory_bytes") > 10 * 2**20
    assert families.total("process_open_fds") >= 3
    assert 0 < time.time() - families.total("process_start_time_seconds") < 3600
    [build] = families["taskapi_build_info"]
    assert build.value == 1
    assert build.labels == {
        "version": importlib.metadata.version("taskapi"),
        "python": platform.python_version(),
    }
    assert not [name for name in families.sample_names() if name.endswith("_created")]
