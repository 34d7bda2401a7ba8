"""Writes that meet a dead connection are carried out on another, exactly once: after every
backend was terminated (a restarted compute), and when the answer to a write that was applied
never came back (a connection lost just after the commit)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.fault_proxy import FaultProxy
from tests.helpers import (
    Metrics,
    ThreadClients,
    User,
    create_task,
    libpq,
    terminate_app_connections,
)
from tests.servers import LiveServer

pytestmark = pytest.mark.slow

KINDS = ("create", "create-key", "put", "patch", "patch-if-match", "delete", "delete-if-match")
EACH = 30
ROUNDS = 10


def _write(http: httpx.Client, user: User, kind: str, name: str, task: dict | None) -> int:
    headers = dict(user.headers)
    if kind.endswith("if-match"):
        headers["If-Match"] = task["etag"]  # type: ignore[index]
    if kind == "create-key":
        headers["Idempotency-Key"] = name
    if kind.startswith("create"):
        response = http.post(user.tasks_url, json={"title": name}, headers=headers)
    elif kind == "put":
        response = http.put(user.task_url(task["id"]), json={"title": name}, headers=headers)  # type: ignore[index]
    elif kind.startswith("patch"):
        response = http.patch(
            user.task_url(task["id"]),
            json={"completed": True},
            headers=headers,  # type: ignore[index]
        )
    else:
        response = http.delete(user.task_url(task["id"]), headers=headers)  # type: ignore[index]
    return response.status_code


def test_writes_right_after_every_backend_was_terminated_each_happen_exactly_once(
    start_server: Callable[..., LiveServer],
    db: psycopg.Connection,
    database_url: str,
    direct_url: str,
    alice: User,
) -> None:
    """Terminating every backend alone does not always reach a write: PostgreSQL's side of a
    connection dies at once, but the app (or PgBouncer, in the pooled run) may notice before
    using it. So a proxy in front (of PgBouncer in the pooled run) also cuts one statement's
    connection and loses one applied write's answer each round: each round certainly retries."""
    proxy = FaultProxy((urlsplit(database_url).hostname, urlsplit(database_url).port))
    parts = urlsplit(database_url)
    proxied = parts._replace(netloc=f"{parts.netloc.rsplit(':', 1)[0]}:{proxy.port}").geturl()
    # Migrations go straight to PostgreSQL: in the direct run through the proxy as well.
    direct = proxied if database_url == direct_url else direct_url
    server = start_server(API_RATE_LIMIT="0", DATABASE_URL=proxied, DATABASE_DIRECT_URL=direct)
    db.execute("SET application_name = 'tests'")
    terminator = psycopg.connect(libpq(direct_url), autocommit=True, application_name="tests")
    expected = {"create": 201, "create-key": 201, "delete": 204, "delete-if-match": 204}
    with ThreadClients(base_url=server.url, timeout=30) as http, ThreadPoolExecutor(EACH) as pool:
        for round_ in range(ROUNDS):
            targets = {
                kind: list(pool.map(lambda n: create_task(http, alice, title="old"), range(EACH)))
                for kind in KINDS[2:]
            }
            for tasks in targets.values():
                for task in tasks:
                    task["etag"] = f'"{task["version"]}"'
            terminate_app_connections(terminator)
            proxy.cut_statements(1)
            proxy.lose_answers(f"put {round_} 7".encode(), 1)
            jobs = [
                (kind, f"{kind} {round_} {n}", targets[kind][n] if kind in targets else None)
                for n in range(EACH)
                for kind in KINDS
            ]
            statuses = list(pool.map(lambda job: (job[0], _write(http, alice, *job)), jobs))
            assert statuses == [(kind, expected.get(kind, 200)) for kind, _, _ in jobs]

            for kind in ("create", "create-key"):
                (count,) = db.execute(
                    "SELECT count(*) FROM task WHERE owner_id = %s AND title LIKE %s",
                    (alice.id, f"{kind} {round_} %"),
                ).fetchone()
                titles = db.execute(
                    "SELECT count(DISTINCT title) FROM task WHERE owner_id = %s AND title LIKE %s",
                    (alice.id, f"{kind} {round_} %"),
                ).fetchone()
                assert (count, titles[0]) == (EACH, EACH), kind
            for kind in ("put", "patch", "patch-if-match"):
                ids = [task["id"] for task in targets[kind]]
                rows = db.execute(
                    "SELECT version, completed, title FROM task WHERE id = ANY(%s::uuid[])", (ids,)
                ).fetchall()
                assert len(rows) == EACH and {row[0] for row in rows} == {2}, kind
            for kind in ("delete", "delete-if-match"):
                ids = [task["id"] for task in targets[kind]]
                (live,) = db.execute(
                    "SELECT count(*) FROM task WHERE id = ANY(%s::uuid[])", (ids,)
                ).fetchone()
                (trashed,) = db.execute(
                    "SELECT count(*) FROM task_trash WHERE id = ANY(%s::uuid[])", (ids,)
                ).fetchone()
                assert (live, trashed) == (0, EACH), kind
        metrics = Metrics(http.get("/metrics").text)
    terminator.close()
    # The writes did meet dead connections: this is what was tested.
    retried = metrics.total("api_statements_retried_total", kind="write")
    proxy.close()
    assert proxy.lost == proxy.lost_after_commit == ROUNDS and retried >= ROUNDS


@pytest.fixture
def proxied(make_client, database_url: str, direct_url: str) -> tuple[TestClient, FaultProxy]:
    parts = urlsplit(database_url)
    proxy = FaultProxy((parts.hostname, parts.port))
    through_proxy = parts._replace(netloc=f"{parts.netloc.rsplit(':', 1)[0]}:{proxy.port}")
    app_url = through_proxy.geturl()
    # Pooled run: the proxy stands before PgBouncer; direct run: before PostgreSQL itself.
    pooled = database_url != direct_url
    client = make_client(
        database_url=app_url, database_direct_url=direct_url if pooled else app_url
    )
    yield client, proxy
    proxy.close()


@pytest.mark.parametrize(
    ("kind", "marker"),
    [
        ("create", b"INSERT INTO task "),
        ("create-key", b"INSERT INTO idempotency_key "),
        ("put", b"UPDATE task "),
        ("patch", b"UPDATE task "),
        ("patch-if-match", b"UPDATE task "),
        ("delete", b"DELETE FROM task "),
        ("delete-if-match", b"DELETE FROM task "),
    ],
)
def test_a_write_whose_answer_was_lost_after_it_was_applied_is_answered_as_the_first_try(
    proxied: tuple[TestClient, FaultProxy],
    db: psycopg.Connection,
    alice: User,
    kind: str,
    marker: bytes,
) -> None:
    client, proxy = proxied
    task = None if kind.startswith("create") else create_task(client, alice, title="old")
    if task is not None:
        task["etag"] = f'"{task["version"]}"'
    proxy.lose_answers(marker, 1)
    status = _write(client, alice, kind, "written once", task)  # type: ignore[arg-type]
    assert proxy.lost == 1, "the proxy must have lost the answer to the first try"
    assert proxy.lost_after_commit == 1, "the first try must have committed before it was lost"
    assert status == {"create": 201, "create-key": 201}.get(kind, 204 if "delete" in kind else 200)

    if kind.startswith("create"):
        rows = db.execute(
            "SELECT id FROM task WHERE owner_id = %s AND title = 'written once'", (alice.id,)
        ).fetchall()
        assert len(rows) == 1
    elif kind.startswith("delete"):
        assert db.execute("SELECT 1 FROM task WHERE id = %s", (task["id"],)).fetchone() is None  # type: ignore[index]
        (trashed,) = db.execute(
            "SELECT count(*) FROM task_trash WHERE id = %s",
            (task["id"],),  # type: ignore[index]
        ).fetchone()
        assert trashed == 1
    else:
        (version,) = db.execute(
            "SELECT version FROM task WHERE id = %s",
            (task["id"],),  # type: ignore[index]
        ).fetchone()
        assert version == 2, "applied once: one new version"
    retried = Metrics(client.get("/metrics").text).total(
        "api_statements_retried_total", kind="write"
    )
    assert retried == 1


def test_a_create_whose_answer_was_lost_answers_the_task_it_created(
    proxied: tuple[TestClient, FaultProxy], alice: User
) -> None:
    client, proxy = proxied
    proxy.lose_answers(b"INSERT INTO task ", 1)
    created = client.post(alice.tasks_url, json={"title": "mine"}, headers=alice.headers)
    assert created.status_code == 201 and proxy.lost == proxy.lost_after_commit == 1
    listed = client.get(alice.tasks_url, headers=alice.headers).json()["items"]
    assert [task["id"] for task in listed] == [created.json()["id"]]
    assert created.headers["location"].endswith(created.json()["id"])
