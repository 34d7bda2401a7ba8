"""Listing: keyset pages, every sort order, filters, and cursors that cannot be forged or reused."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime, time, timedelta

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.helpers import User, create_task

SORTS = ["created_at", "-created_at", "updated_at", "-updated_at", "title", "-title"]
SORTS += ["due", "-due", "priority", "-priority"]


def schedule(i: int) -> dict:
    """A task's schedule that many others share: dates with and without times, no date at all,
    every priority, a few labels."""
    due_date = None if i % 4 == 0 else date(2026, 5, 1) + timedelta(days=i % 5)
    due_time = None if due_date is None or i % 3 == 0 else time(8 + i % 3, 30 * (i % 2))
    return {
        "due_date": due_date,
        "due_time": due_time,
        "time_zone": "Europe/Berlin" if due_time is not None and i % 2 else None,
        "priority": 1 + i % 4,
        "labels": [["Home"], ["work", "Home"], [], ["Errands"]][i % 4],
    }


def seed(db: psycopg.Connection, user: User, count: int, *, same_timestamp: bool = False) -> None:
    """Tasks with colliding titles, timestamps and schedules, so ties must be broken by id."""
    base = datetime(2026, 1, 1, tzinfo=UTC)
    db.execute(
        "INSERT INTO app_user (id, is_active, created_at, updated_at) VALUES (%s, true, now(), now()) ON CONFLICT DO NOTHING",
        (user.id,),
    )
    with db.cursor() as cur:
        cur.executemany(
            "INSERT INTO task (id, owner_id, title, description, completed, version, created_at,"
            " updated_at, due_date, due_time, time_zone, priority, labels)"
            " VALUES (%s, %s, %s, %s, %s, 1, %s, %s, %s, %s, %s, %s, %s)",
            [
                (
                    uuid.uuid4(),
                    user.id,
                    f"Task {i % 7}",
                    f"about {i}" if i % 3 else None,
                    i % 2 == 0,
                    base if same_timestamp else base + timedelta(seconds=i // 3),
                    base + timedelta(seconds=(count - i) // 2),
                    *schedule(i).values(),
                )
                for i in range(count)
            ],
        )


def walk(client: TestClient | httpx.Client, user: User, **params: object) -> list[dict]:
    items: list[dict] = []
    cursor = None
    for _ in range(1000):
        query = {k: v for k, v in {**params, "cursor": cursor}.items() if v is not None}
        response = client.get(user.tasks_url, params=query, headers=user.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def expected_order(items: list[dict], sort: str) -> list[str]:
    """The contract's order: by the key, then id; for `due`, by date, then time (a date's
    untimed tasks after its timed ones), tasks without a due date last both ways."""
    key, descending = sort.lstrip("-"), sort.startswith("-")
    if key == "due":
        dated = sorted(
            (t for t in items if t["due_date"] is not None),
            key=lambda t: (t["due_date"], t["due_time"] or "24:00", t["id"]),
            reverse=descending,
        )
        undated = sorted(
            (t for t in items if t["due_date"] is None), key=lambda t: t["id"], reverse=descending
        )
        return [t["id"] for t in dated + undated]
    ordered = sorted(items, key=lambda t: (t[key], t["id"]), reverse=descending)
    return [t["id"] for t in ordered]


@pytest.mark.parametrize("sort", SORTS)
def test_walk_visits_every_task_once_in_order(
    client: TestClient, alice: User, db: psycopg.Connection, sort: str
) -> None:
    seed(db, alice, 53)
    items = walk(client, alice, sort=sort, limit=5)

    ids = [t["id"] for t in items]
    assert len(ids) == 53 and len(set(ids)) == 53
    assert ids == expected_order(items, sort)


def test_ties_on_the_sort_key_are_broken_by_id(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    seed(db, alice, 30, same_timestamp=True)
    items = walk(client, alice, sort="created_at", limit=4)
    assert [t["id"] for t in items] == sorted(t["id"] for t in items)
    assert len(items) == 30


def test_default_is_newest_first_twenty(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    seed(db, alice, 25)
    page = client.get(alice.tasks_url, headers=alice.headers).json()
    assert len(page["items"]) == 20
    assert page["next_cursor"]
    created = [t["created_at"] for t in page["items"]]
    assert created == sorted(created, reverse=True)


def test_last_page_has_null_cursor_and_empty_list_is_ok(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    assert client.get(alice.tasks_url, headers=alice.headers).json() == {
        "items": [],
        "next_cursor": None,
    }
    seed(db, alice, 3)
    assert (
        client.get(alice.tasks_url, params={"limit": 3}, headers=alice.headers).json()[
            "next_cursor"
        ]
        is None
    )


def test_list_shows_only_own_tasks(
    client: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    seed(db, alice, 5)
    seed(db, bob, 7)
    assert {t["owner_id"] for t in walk(client, bob)} == {str(bob.id)}
    assert len(walk(client, alice)) == 5


def test_completed_filter(client: TestClient, alice: User, db: psycopg.Connection) -> None:
    seed(db, alice, 21)
    done = walk(client, alice, completed="true", limit=4)
    open_ = walk(client, alice, completed="false", limit=4)
    assert len(done) == 11 and all(t["completed"] for t in done)
    assert len(open_) == 10 and not any(t["completed"] for t in open_)


def test_q_matches_title_or_description_case_insensitively(client: TestClient, alice: User) -> None:
    create_task(client, alice, title="Buy MILK")
    create_task(client, alice, title="Call mum", description="about the milkman")
    create_task(client, alice, title="Other")
    titles = {t["title"] for t in walk(client, alice, q="milk")}
    assert titles == {"Buy MILK", "Call mum"}


def test_q_treats_wildcards_literally(client: TestClient, alice: User) -> None:
    create_task(client, alice, title="100% done")
    create_task(client, alice, title="1000 done")
    create_task(client, alice, title="snake_case")
    create_task(client, alice, title="snakeXcase")
    create_task(client, alice, title="back\\slash")
    assert [t["title"] for t in walk(client, alice, q="0%")] == ["100% done"]
    assert [t["title"] for t in walk(client, alice, q="e_c")] == ["snake_case"]
    assert [t["title"] for t in walk(client, alice, q="k\\s")] == ["back\\slash"]
    assert walk(client, alice, q="%") == walk(client, alice, q="0%")


@pytest.mark.parametrize("q", ["k", "UM", "y "])
def test_q_shorter_than_a_trigram_is_still_a_literal_substring(
    client: TestClient, alice: User, q: str
) -> None:
    """Terms under three characters have no trigram to look up; they still match exactly."""
    for title, description in [
        ("Buy MILK", None),
        ("Call mum", "about the milkman"),
        ("Other", "sum up"),
        ("Plain", None),
    ]:
        create_task(client, alice, title=title, description=description)
    found = {t["title"] for t in walk(client, alice, q=q, limit=2)}
    expected = {
        "k": {"Buy MILK", "Call mum"},
        "UM": {"Call mum", "Other"},
        "y ": {"Buy MILK"},
    }[q]
    assert found == expected


def test_filters_combine_with_paging(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    seed(db, alice, 60)
    items = walk(client, alice, q="task 3", completed="true", sort="title", limit=2)
    assert items and all(t["title"] == "Task 3" and t["completed"] for t in items)
    assert len(items) == len({t["id"] for t in items})


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 101},
        {"limit": "x"},
        {"sort": "id"},
        {"sort": "--title"},
        {"completed": "maybe"},
        {"q": "x" * 256},
        {"q": "a\x00b"},
    ],
)
def test_bad_list_parameters_are_422(client: TestClient, alice: User, params: dict) -> None:
    response = client.get(alice.tasks_url, params=params, headers=alice.headers)
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    assert response.json()["errors"][0]["loc"][0] == "query"


def test_limit_bounds_are_accepted(client: TestClient, alice: User, db: psycopg.Connection) -> None:
    seed(db, alice, 101)
    assert (
        len(client.get(alice.tasks_url, params={"limit": 1}, headers=alice.headers).json()["items"])
        == 1
    )
    assert (
        len(
            client.get(alice.tasks_url, params={"limit": 100}, headers=alice.headers).json()[
                "items"
            ]
        )
        == 100
    )


def _first_cursor(client: TestClient, user: User, **params: object) -> str:
    cursor = client.get(user.tasks_url, params={"limit": 2, **params}, headers=user.headers).json()[
        "next_cursor"
    ]
    assert cursor
    return cursor


def _assert_invalid_cursor(response: httpx.Response) -> None:
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "invalid_cursor"


def test_tampered_cursor_is_invalid(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    seed(db, alice, 5)
    cursor = _first_cursor(client, alice)
    flipped = cursor[:-2] + ("A" if cursor[-2] != "A" else "B") + cursor[-1]
    for bad in (flipped, "garbage", "", "!!!!", cursor + "AA"):
        _assert_invalid_cursor(
            client.get(alice.tasks_url, params={"cursor": bad}, headers=alice.headers)
        )


def test_cursor_from_another_query_is_invalid(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    seed(db, alice, 5)
    cursor = _first_cursor(client, alice, sort="title")
    for other in (
        {"sort": "-title"},
        {"sort": "created_at"},
        {"sort": "title", "q": "task"},
        {"sort": "title", "completed": "true"},
    ):
        _assert_invalid_cursor(
            client.get(alice.tasks_url, params={"cursor": cursor, **other}, headers=alice.headers)
        )
    assert (
        client.get(
            alice.tasks_url,
            params={"cursor": cursor, "sort": "title", "limit": 7},
            headers=alice.headers,
        ).status_code
        == 200
    )


def test_cursor_from_another_user_is_invalid(
    client: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    seed(db, alice, 5)
    cursor = _first_cursor(client, alice)
    _assert_invalid_cursor(
        client.get(bob.tasks_url, params={"cursor": cursor}, headers=bob.headers)
    )


@pytest.mark.parametrize("q", [None, "SK 3"], ids=["every task", "q"])
@pytest.mark.parametrize("sort", SORTS)
def test_walk_sees_every_existing_task_once_while_tasks_are_added(
    live_server: str, db: psycopg.Connection, sort: str, q: str | None
) -> None:
    user = User()
    seed(db, user, 80)
    before = {
        row[0]
        for row in db.execute(
            "SELECT id::text FROM task WHERE owner_id = %s"
            " AND (%s::text IS NULL OR title ILIKE %s OR description ILIKE %s)",
            (user.id, q, f"%{q}%", f"%{q}%"),
        )
    }
    writing, walking, stop = threading.Event(), threading.Event(), threading.Event()
    written_during_walk = 0

    def writer() -> None:
        nonlocal written_during_walk
        with httpx.Client(base_url=live_server, timeout=30) as writer_client:
            n = 0
            while not stop.is_set():
                during = walking.is_set()
                new = {key: value for key, value in schedule(n).items() if value is not None}
                new.update(
                    (key, new[key].isoformat()[: 10 if key == "due_date" else 5])
                    for key in ("due_date", "due_time")
                    if key in new
                )
                writer_client.post(
                    user.tasks_url,
                    json={"title": f"Task {n % 7} new", **new},
                    headers=user.headers,
                )
                written_during_walk += during
                writing.set()
                n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert writing.wait(30), "the writer never wrote"
        walking.set()
        with httpx.Client(base_url=live_server, timeout=30) as reader:
            items = walk(reader, user, sort=sort, limit=7, q=q)
    finally:
        stop.set()
        thread.join()

    ids = [t["id"] for t in items]
    assert len(ids) == len(set(ids)), "a task was returned twice"
    assert before and before <= set(ids), "a task that existed before the walk was skipped"
    if q is not None:
        assert all("sk 3" in (t["title"] + (t["description"] or "")).lower() for t in items)
    assert written_during_walk > 0, "no task was added during the walk"
