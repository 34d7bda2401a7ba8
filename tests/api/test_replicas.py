"""Two replicas on one database behave as one: all shared state lives in PostgreSQL.

Two `taskapi serve` processes, as two Kubernetes pods would be, with requests alternating
between them (behind PgBouncer too in the pooled run).
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import psycopg
import pytest

from tests.helpers import Metrics, Replica, Staff, User, create_task, server_tasks, sign_in
from tests.servers import LiveServer

pytestmark = pytest.mark.slow  # replica tests: `make test-fast` leaves them out


def _replicas(start_server: Callable[..., LiveServer]) -> tuple[httpx.Client, httpx.Client]:
    one, two = start_server(), start_server()
    return httpx.Client(base_url=one.url, timeout=30), httpx.Client(base_url=two.url, timeout=30)


def test_an_idempotent_create_retried_on_the_other_replica_makes_one_task(
    start_server: Callable[..., LiveServer], alice: User, db: psycopg.Connection
) -> None:
    one, two = _replicas(start_server)
    headers = {**alice.headers, "Idempotency-Key": "retry-elsewhere"}
    first = one.post(alice.tasks_url, json={"title": "once"}, headers=headers)
    retried = two.post(alice.tasks_url, json={"title": "once"}, headers=headers)
    assert (first.status_code, retried.status_code) == (201, 201)
    assert retried.json() == first.json()
    assert db.execute("SELECT count(*) FROM task").fetchone() == (1,)


def test_an_etag_from_one_replica_is_honoured_by_the_other(
    start_server: Callable[..., LiveServer], alice: User
) -> None:
    one, two = _replicas(start_server)
    task = create_task(one, alice)
    etag = one.get(alice.task_url(task["id"]), headers=alice.headers).headers["ETag"]
    changed = two.patch(
        alice.task_url(task["id"]),
        json={"completed": True},
        headers={**alice.headers, "If-Match": etag},
    )
    assert changed.status_code == 200
    stale = one.patch(
        alice.task_url(task["id"]),
        json={"title": "lost update"},
        headers={**alice.headers, "If-Match": etag},
    )
    assert stale.status_code == 412
    assert two.get(alice.task_url(task["id"]), headers=alice.headers).json()["completed"] is True


def test_a_sync_token_from_one_replica_is_followed_on_the_other(
    start_server: Callable[..., LiveServer], alice: User
) -> None:
    one, two = _replicas(start_server)
    kept, gone = create_task(one, alice, title="kept"), create_task(two, alice, title="gone")
    copy = Replica(one, alice)
    copy.sync()
    two.delete(alice.task_url(gone["id"]), headers=alice.headers)
    added = create_task(one, alice, title="added")
    copy.client = two  # the client's next request lands on the other replica
    changes = copy.sync()
    assert [(c["type"], c.get("task", c)["id"]) for c in changes] == [
        ("delete", gone["id"]),
        ("upsert", added["id"]),
    ]
    assert copy.tasks == server_tasks(one, alice) and kept["id"] in copy.tasks


def test_a_sign_in_lock_out_counted_on_one_replica_holds_on_the_other(
    start_server: Callable[..., LiveServer], make_staff: Callable[..., Staff]
) -> None:
    one, two = _replicas(start_server)
    staff = make_staff("support")
    # Four failures spread over both replicas; the fifth, on either, locks the email.
    for attempt in range(4):
        replica = one if attempt % 2 else two
        assert sign_in(replica, staff, password="wrong password!").status_code == 400
    assert sign_in(two, staff, password="wrong password!").status_code == 429
    # The right password is refused on both replicas while the lock holds.
    assert sign_in(one, staff).status_code == 429
    assert sign_in(two, staff).status_code == 429


def test_a_deactivation_on_one_replica_is_refused_by_the_others_api(
    start_server: Callable[..., LiveServer], make_staff: Callable[..., Staff], alice: User
) -> None:
    one, two = _replicas(start_server)
    assert two.get(alice.tasks_url, headers=alice.headers).status_code == 200
    assert sign_in(one, make_staff("support")).status_code == 302
    done = one.get(f"/admin/user/action/deactivate?pks={alice.id}", follow_redirects=False)
    assert done.status_code == 302
    refused = two.get(alice.tasks_url, headers=alice.headers)
    assert refused.status_code == 403
    assert refused.json()["code"] == "user_inactive"


def _requests_served(client: httpx.Client, handler: str) -> float:
    return Metrics(client.get("/metrics").text).total("http_requests_total", handler=handler)


def test_each_replica_counts_only_its_own_requests(
    start_server: Callable[..., LiveServer], alice: User
) -> None:
    one, two = _replicas(start_server)
    for _ in range(3):
        one.get(alice.tasks_url, headers=alice.headers)
    for _ in range(5):
        two.get(alice.tasks_url, headers=alice.headers)
    assert _requests_served(one, "/api/{user_id}/tasks") == 3
    assert _requests_served(two, "/api/{user_id}/tasks") == 5
