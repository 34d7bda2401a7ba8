"""Soak: mixed traffic from several clients while the database cuts connections at random.

Clients retry as real ones do (same Idempotency-Key, same body). Afterwards every write that
was acknowledged with 2xx must be there, as acknowledged, and no task may exist twice.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import psycopg
import pytest

from tests.helpers import User, wait_until
from tests.servers import LiveServer

pytestmark = pytest.mark.slow  # soak tests: `make test-fast` leaves them out

TRAFFIC_S = 12
CLIENTS = 4
RETRIES = 40


@dataclass
class Ledger:
    """What one client was told: tasks created (id -> title) and the last description set."""

    created: dict[str, str] = field(default_factory=dict)
    described: dict[str, str] = field(default_factory=dict)
    refused: Counter[int] = field(default_factory=Counter)


def _until_acknowledged(
    ledger: Ledger, send: Callable[..., httpx.Response], url: str, **kwargs: object
) -> httpx.Response | None:
    """Send until answered 2xx, the same request each time, as a retrying client does."""
    for _ in range(RETRIES):
        try:
            response = send(url, **kwargs)
        except httpx.TransportError:
            ledger.refused[0] += 1
        else:
            if response.status_code < 300:
                return response
            ledger.refused[response.status_code] += 1
            assert response.status_code == 503, response.text
        time.sleep(0.05)
    return None


def _client(base_url: str, user: User, name: str, deadline: float, ledger: Ledger) -> None:
    rng = random.Random(name)
    with httpx.Client(base_url=base_url, headers=user.headers, timeout=30) as http:
        n = 0
        while time.monotonic() < deadline:
            n += 1
            roll = rng.random()
            if roll < 0.55 or not ledger.created:
                title = f"{name} task {n}"
                key = str(uuid.uuid4())
                answer = _until_acknowledged(
                    ledger,
                    http.post,
                    user.tasks_url,
                    json={"title": title},
                    headers={"Idempotency-Key": key},
                )
                if answer is not None:
                    ledger.created[answer.json()["id"]] = title
            elif roll < 0.85:
                task_id = rng.choice(list(ledger.created))
                description = f"{name} edit {n}"
                answer = _until_acknowledged(
                    ledger, http.patch, user.task_url(task_id), json={"description": description}
                )
                if answer is not None:
                    ledger.described[task_id] = description
            else:
                _until_acknowledged(ledger, http.get, user.tasks_url)


def _cut_connections(direct_url: str, deadline: float, cuts: list[int]) -> None:
    rng = random.Random(7)
    with psycopg.connect(direct_url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            time.sleep(rng.uniform(0.2, 0.6))
            (count,) = conn.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
            ).fetchone()
            cuts.append(int(count))


def _all_tasks(base_url: str, user: User) -> list[dict]:
    tasks: list[dict] = []
    cursor = None
    with httpx.Client(base_url=base_url, headers=user.headers, timeout=30) as http:
        while True:
            params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
            page = http.get(user.tasks_url, params=params).json()
            tasks += page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return tasks


def test_acknowledged_writes_survive_random_connection_cuts_without_duplicates(
    start_server: Callable[..., LiveServer], direct_url: str, alice: User, bob: User
) -> None:
    # The clients send faster than a user's default budget allows; what is tested here is
    # the cuts, so the budget is off and the only refusal expected is 503.
    live_server = start_server(API_RATE_LIMIT="0").url
    deadline = time.monotonic() + TRAFFIC_S
    users = [alice, bob]
    ledgers = [Ledger() for _ in range(CLIENTS)]
    cuts: list[int] = []
    threads = [
        threading.Thread(
            target=_client, args=(live_server, users[i % 2], f"client{i}", deadline, ledgers[i])
        )
        for i in range(CLIENTS)
    ]
    threads.append(threading.Thread(target=_cut_connections, args=(direct_url, deadline, cuts)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TRAFFIC_S + 120)

    assert sum(cuts) > 0, "the database never cut a connection"
    # Behind PgBouncer, server connections cut while idle in its pool, or cut during its
    # login (it then waits its server_login_retry), fail requests for a few seconds after the
    # cuts stop. The platform recovers by itself: wait for a run of good answers, so that
    # neither this check nor the next test meets the tail of the cuts.
    streak = 0

    def answering() -> bool:
        nonlocal streak
        ok = all(
            httpx.get(live_server + user.tasks_url, headers=user.headers).status_code == 200
            for user in users
        )
        streak = streak + 1 if ok else 0
        return streak >= 10

    assert wait_until(answering, timeout_s=60, every_s=0.2), "no recovery after the cuts"
    for index, user in enumerate(users):
        stored = {task["id"]: task for task in _all_tasks(live_server, user)}
        mine = [ledger for i, ledger in enumerate(ledgers) if i % 2 == index]
        titles = Counter(task["title"] for task in stored.values())
        assert [title for title, times in titles.items() if times > 1] == [], "created twice"
        for ledger in mine:
            assert ledger.created, "the client acknowledged nothing"
            for task_id, title in ledger.created.items():
                assert task_id in stored, f"acknowledged task {title!r} is missing"
                assert stored[task_id]["title"] == title
            for task_id, description in ledger.described.items():
                assert stored[task_id]["description"] == description
