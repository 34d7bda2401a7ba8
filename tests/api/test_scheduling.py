"""Scheduling, as the contract's Task paragraph says: due date, time and zone with `due_at` in
UTC (daylight saving included), `completed_at`, priority and labels, their validation, and
the list's filters and sorts on them."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.api.test_listing import walk
from tests.helpers import User, create_task

DUE = {"due_date": "2026-05-04", "due_time": "09:30", "time_zone": "Europe/Berlin"}


def _patch(client: TestClient, user: User, task: dict, **fields: object) -> dict:
    response = client.patch(user.task_url(task["id"]), json=fields, headers=user.headers)
    assert response.status_code == 200, response.text
    return response.json()


def _refused(response: object, field: str) -> None:
    assert response.status_code == 422, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["code"] == "validation_error"
    assert ["body", field] in [error["loc"][:2] for error in body["errors"]], body


def test_a_task_carries_its_schedule_and_due_at_in_utc(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, title="Dentist", **DUE, priority=3, labels=["Health"])
    assert {key: task[key] for key in DUE} == DUE
    # Berlin is UTC+2 in May (summer time).
    assert task["due_at"] == "2026-05-04T07:30:00Z"
    assert (task["priority"], task["labels"]) == (3, ["Health"])
    assert client.get(alice.task_url(task["id"]), headers=alice.headers).json() == task


@pytest.mark.parametrize(
    ("due_date", "due_time", "zone", "due_at"),
    [
        # The spring-forward gap: 02:30 never happens; read with the offset before it (+01:00).
        ("2026-03-29", "02:30", "Europe/Berlin", "2026-03-29T01:30:00Z"),
        # The autumn fold: 02:30 happens twice; the first (summer time, +02:00) is meant.
        ("2026-10-25", "02:30", "Europe/Berlin", "2026-10-25T00:30:00Z"),
        ("2026-01-15", "09:00", "America/New_York", "2026-01-15T14:00:00Z"),
        ("2026-07-15", "09:00", "America/New_York", "2026-07-15T13:00:00Z"),
        ("2026-07-15", "23:59", "UTC", "2026-07-15T23:59:00Z"),
    ],
    ids=["berlin-gap", "berlin-fold", "new-york-winter", "new-york-summer", "utc"],
)
def test_due_at_follows_the_zones_daylight_saving_rules(
    client: TestClient, alice: User, due_date: str, due_time: str, zone: str, due_at: str
) -> None:
    task = create_task(
        client, alice, title="t", due_date=due_date, due_time=due_time, time_zone=zone
    )
    assert task["due_at"] == due_at


@pytest.mark.parametrize(
    "schedule",
    [{}, {"due_date": "2026-05-04"}, {"due_date": "2026-05-04", "due_time": "09:30"}],
    ids=["nothing", "a date", "a date and a time"],
)
def test_due_at_is_null_unless_date_time_and_zone_are_all_set(
    client: TestClient, alice: User, schedule: dict
) -> None:
    assert create_task(client, alice, title="t", **schedule)["due_at"] is None


@pytest.mark.parametrize(
    ("fields", "loc"),
    [
        ({"due_date": "2026-02-30"}, "due_date"),
        ({"due_date": "2026-13-01"}, "due_date"),
        ({"due_date": "04/05/2026"}, "due_date"),
        # Past these, a zone's offset would take due_at out of the calendar: refused, not 500.
        ({**DUE, "due_date": "9999-12-31", "time_zone": "America/New_York"}, "due_date"),
        ({**DUE, "due_date": "0001-01-01", "time_zone": "Asia/Tokyo"}, "due_date"),
        ({"due_date": "0000-01-01"}, "due_date"),
        ({"due_date": 1767225600}, "due_date"),
        ({"due_time": "09:30"}, "due_time"),
        ({"due_date": "2026-05-04", "time_zone": "Europe/Berlin"}, "time_zone"),
        ({"due_date": "2026-05-04", "due_time": "9:30"}, "due_time"),
        ({"due_date": "2026-05-04", "due_time": "24:00"}, "due_time"),
        ({"due_date": "2026-05-04", "due_time": "09:30:15"}, "due_time"),
        ({**DUE, "time_zone": "Mars/Olympus"}, "time_zone"),
        ({**DUE, "time_zone": "europe/berlin"}, "time_zone"),
        ({**DUE, "time_zone": "../../etc/passwd"}, "time_zone"),
        ({"priority": 0}, "priority"),
        ({"priority": 5}, "priority"),
        ({"priority": "2"}, "priority"),
        ({"priority": True}, "priority"),
        ({"priority": None}, "priority"),
        ({"labels": [f"l{n}" for n in range(21)]}, "labels"),
        ({"labels": [""]}, "labels"),
        ({"labels": ["   "]}, "labels"),
        ({"labels": ["x" * 51]}, "labels"),
        ({"labels": [7]}, "labels"),
        ({"labels": "home"}, "labels"),
        ({"labels": None}, "labels"),
        ({"labels": ["a\x00b"]}, "labels"),
    ],
)
def test_an_impossible_schedule_is_a_422_naming_the_field(
    client: TestClient, alice: User, fields: dict, loc: str
) -> None:
    task = create_task(client, alice, title="before")
    body = {"title": "t", **fields}
    _refused(client.post(alice.tasks_url, json=body, headers=alice.headers), loc)
    _refused(client.put(alice.task_url(task["id"]), json=body, headers=alice.headers), loc)
    assert client.get(alice.task_url(task["id"]), headers=alice.headers).json() == task
    assert len(walk(client, alice)) == 1, "a refused create made a task"


def test_due_at_exists_at_both_ends_of_the_due_dates_accepted(
    client: TestClient, alice: User
) -> None:
    late = {"due_date": "9999-12-30", "due_time": "23:59", "time_zone": "Pacific/Pago_Pago"}
    early = {"due_date": "0001-01-02", "due_time": "00:00", "time_zone": "Asia/Tokyo"}
    # (Before railway time, a zone's offset is its local mean time: Tokyo's was +09:18:59.)
    assert create_task(client, alice, title="t", **late)["due_at"].startswith("9999-12-31T")
    assert create_task(client, alice, title="t", **early)["due_at"] == "0001-01-01T14:41:01Z"


def test_labels_are_trimmed_and_case_duplicates_keep_the_first_spelling_in_order(
    client: TestClient, alice: User
) -> None:
    labels = ["  Work ", "home", "WORK", "Home", "errands", "x" * 50]
    task = create_task(client, alice, title="t", labels=labels)
    assert task["labels"] == ["Work", "home", "errands", "x" * 50]


def test_twenty_distinct_labels_fit_however_many_case_duplicates_come_with_them(
    client: TestClient, alice: User
) -> None:
    labels = [f"l{n}" for n in range(20)] + [f"L{n}" for n in range(20)]
    assert create_task(client, alice, title="t", labels=labels)["labels"] == labels[:20]


def test_completed_at_is_set_when_completed_and_cleared_when_reopened(
    client: TestClient, alice: User
) -> None:
    task = create_task(client, alice, title="t")
    assert task["completed_at"] is None
    done = _patch(client, alice, task, completed=True)
    assert done["completed_at"] == done["updated_at"]
    # Changes that leave `completed` alone leave its time alone, true again included.
    renamed = _patch(client, alice, done, title="renamed", priority=2)
    again = _patch(client, alice, renamed, completed=True)
    assert renamed["completed_at"] == again["completed_at"] == done["completed_at"]
    assert again["version"] == done["version"] + 2
    reopened = _patch(client, alice, again, completed=False)
    assert reopened["completed_at"] is None


def test_put_and_post_set_completed_at_with_completed(client: TestClient, alice: User) -> None:
    created = create_task(client, alice, title="t", completed=True)
    assert created["completed_at"] == created["created_at"]
    url = alice.task_url(created["id"])
    replaced = client.put(url, json={"title": "t"}, headers=alice.headers).json()
    assert replaced["completed"] is False and replaced["completed_at"] is None
    redone = client.put(url, json={"title": "t", "completed": True}, headers=alice.headers).json()
    assert redone["completed_at"] == redone["updated_at"]
    assert datetime.fromisoformat(redone["completed_at"]) > datetime.fromisoformat(
        created["completed_at"]
    )


def test_put_resets_every_schedule_field_it_omits(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, title="t", **DUE, priority=4, labels=["a"])
    replaced = client.put(alice.task_url(task["id"]), json={"title": "t"}, headers=alice.headers)
    body = replaced.json()
    assert (body["due_date"], body["due_time"], body["time_zone"], body["due_at"]) == (None,) * 4
    assert (body["priority"], body["labels"]) == (1, [])


def test_patch_changes_only_the_schedule_fields_sent(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, title="t", **DUE, priority=4, labels=["a", "b"])
    patched = _patch(client, alice, task, due_time="18:00")
    assert patched["due_at"] == "2026-05-04T16:00:00Z"
    assert (patched["priority"], patched["labels"], patched["time_zone"]) == (
        4,
        ["a", "b"],
        DUE["time_zone"],
    )
    cleared = _patch(client, alice, patched, time_zone=None, labels=[])
    assert (cleared["time_zone"], cleared["due_at"], cleared["labels"]) == (None, None, [])
    assert cleared["due_time"] == "18:00"


@pytest.mark.parametrize(
    ("stored", "patch", "loc"),
    [
        ({}, {"due_time": "10:00"}, "due_time"),
        ({"due_date": "2026-05-04"}, {"time_zone": "Europe/Berlin"}, "time_zone"),
        (DUE, {"due_date": None}, "due_time"),
        (DUE, {"due_time": None}, "time_zone"),
        ({}, {"due_date": None, "due_time": "10:00"}, "due_time"),
    ],
    ids=["time-without-date", "zone-without-time", "date-cleared", "time-cleared", "both-in-body"],
)
def test_a_patch_that_would_break_the_due_rules_is_a_422_and_changes_nothing(
    client: TestClient, alice: User, stored: dict, patch: dict, loc: str
) -> None:
    task = create_task(client, alice, title="t", **stored)
    _refused(client.patch(alice.task_url(task["id"]), json=patch, headers=alice.headers), loc)
    assert client.get(alice.task_url(task["id"]), headers=alice.headers).json() == task


def test_a_patch_may_set_and_clear_the_due_fields_together(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, title="t")
    scheduled = _patch(client, alice, task, **DUE)
    assert scheduled["due_at"] == "2026-05-04T07:30:00Z"
    cleared = _patch(client, alice, scheduled, due_date=None, due_time=None, time_zone=None)
    assert (cleared["due_date"], cleared["due_time"], cleared["due_at"]) == (None, None, None)


def test_a_refused_patch_of_another_users_task_is_still_404(
    client: TestClient, alice: User, bob: User
) -> None:
    task = create_task(client, alice, title="t")
    response = client.patch(
        bob.task_url(task["id"]), json={"due_time": "10:00"}, headers=bob.headers
    )
    assert response.status_code == 404


def test_an_idempotent_create_replays_the_schedule(client: TestClient, alice: User) -> None:
    body = {"title": "t", **DUE, "priority": 2, "labels": ["Once"], "completed": True}
    headers = {**alice.headers, "Idempotency-Key": "schedule-1"}
    first = client.post(alice.tasks_url, json=body, headers=headers)
    again = client.post(alice.tasks_url, json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    stored = client.get(alice.task_url(first.json()["id"]), headers=alice.headers).json()
    assert stored == first.json()


def _titles(client: TestClient, user: User, **params: object) -> list[str]:
    return [t["title"] for t in walk(client, user, limit=2, **params)]


@pytest.fixture
def planned(client: TestClient, alice: User) -> None:
    """Six tasks whose order by due date is known: two on 05-04 (a timed one first), one on
    05-02, one on 05-09, two without a due date."""
    for title, fields in [
        ("may4-untimed", {"due_date": "2026-05-04", "priority": 2, "labels": ["Work"]}),
        ("none-a", {"priority": 4, "labels": ["home"]}),
        ("may4-0930", {**DUE, "priority": 4, "labels": ["work", "Urgent"]}),
        ("may2", {"due_date": "2026-05-02", "labels": ["Home", "work"]}),
        ("none-b", {}),
        ("may9-0700", {"due_date": "2026-05-09", "due_time": "07:00", "priority": 3}),
    ]:
        create_task(client, alice, title=title, **fields)


def test_sort_by_due_puts_untimed_after_timed_and_undated_last_both_ways(
    client: TestClient, alice: User, planned: None
) -> None:
    ascending = _titles(client, alice, sort="due")
    assert ascending[:4] == ["may2", "may4-0930", "may4-untimed", "may9-0700"]
    descending = _titles(client, alice, sort="-due")
    assert descending[:4] == ["may9-0700", "may4-untimed", "may4-0930", "may2"]
    assert set(ascending[4:]) == set(descending[4:]) == {"none-a", "none-b"}


def test_sort_by_priority(client: TestClient, alice: User, planned: None) -> None:
    tasks = walk(client, alice, sort="-priority", limit=4)
    assert [t["priority"] for t in tasks] == [4, 4, 3, 2, 1, 1]


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"has_due": "true"}, {"may4-untimed", "may4-0930", "may2", "may9-0700"}),
        ({"has_due": "false"}, {"none-a", "none-b"}),
        ({"due_from": "2026-05-04"}, {"may4-untimed", "may4-0930", "may9-0700"}),
        ({"due_to": "2026-05-04"}, {"may4-untimed", "may4-0930", "may2"}),
        ({"due_from": "2026-05-03", "due_to": "2026-05-04"}, {"may4-untimed", "may4-0930"}),
        ({"due_from": "2026-05-05", "due_to": "2026-05-04"}, set()),
        ({"priority": 4}, {"none-a", "may4-0930"}),
        ({"priority": [2, 3]}, {"may4-untimed", "may9-0700"}),
        ({"label": "WORK"}, {"may4-untimed", "may4-0930", "may2"}),
        ({"label": ["work", "home"]}, {"may2"}),
        ({"label": [" Urgent ", "Work"]}, {"may4-0930"}),
        ({"label": "missing"}, set()),
        ({"label": "work", "priority": 4, "has_due": "true"}, {"may4-0930"}),
    ],
)
@pytest.mark.parametrize("sort", ["-created_at", "due", "-due", "priority", "title"])
def test_list_filters_on_the_schedule(
    client: TestClient, alice: User, planned: None, params: dict, titles: set, sort: str
) -> None:
    found = _titles(client, alice, sort=sort, **params)
    assert len(found) == len(set(found)) and set(found) == titles


@pytest.mark.parametrize(
    "params",
    [
        {"priority": 0},
        {"priority": 5},
        {"priority": "high"},
        {"has_due": "maybe"},
        {"due_from": "2026-02-30"},
        {"due_to": "tomorrow"},
        {"label": ""},
        {"label": "x" * 51},
        {"label": [f"l{n}" for n in range(21)]},
        {"sort": "due_at"},
        {"sort": "-labels"},
    ],
)
def test_bad_schedule_list_parameters_are_422(
    client: TestClient, alice: User, params: dict
) -> None:
    response = client.get(alice.tasks_url, params=params, headers=alice.headers)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"][0] == "query"


def test_a_cursor_is_bound_to_its_schedule_filters(
    client: TestClient, alice: User, planned: None
) -> None:
    first = client.get(
        alice.tasks_url, params={"label": "work", "limit": 1}, headers=alice.headers
    ).json()
    cursor = first["next_cursor"]
    same = {"label": "WORK", "limit": 1, "cursor": cursor}
    assert client.get(alice.tasks_url, params=same, headers=alice.headers).status_code == 200
    others = [{"label": "home"}, {"label": "work", "priority": 4}, {"has_due": "true"}, {}]
    for other in others:
        response = client.get(
            alice.tasks_url, params={**other, "cursor": cursor}, headers=alice.headers
        )
        assert response.status_code == 400 and response.json()["code"] == "invalid_cursor"


def test_the_change_feed_carries_the_schedule(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, title="t", **DUE, priority=2, labels=["Sync"])
    feed = client.get(f"{alice.tasks_url}/changes", headers=alice.headers).json()
    assert feed["changes"] == [{"type": "upsert", "task": task}]


@pytest.mark.parametrize(
    ("labelled", "ways"),
    [(12, "through the label index"), (1_100, "through the sort key's index")],
)
def test_a_label_page_past_the_first_300_tasks_is_whole_and_in_order(
    client: TestClient, alice: User, db: psycopg.Connection, labelled: int, ways: str
) -> None:
    """The 300 newest tasks lack the label, so the page is read the second way (up to 1,000
    matches, sorted) or the third (more: the sort key's index, filtered): either way every
    labelled task comes once, newest first."""
    create_task(client, alice, title="first sight")  # the user exists
    db.execute(
        "INSERT INTO task (id, owner_id, title, completed, version, created_at, updated_at,"
        " labels) SELECT gen_random_uuid(), %s, 'n' || n, false, 1,"
        " now() - n * interval '1 minute', now(), CASE WHEN n > 300 THEN ARRAY['Rare'] ELSE"
        " '{}' END FROM generate_series(1, 300 + %s) n",
        (alice.id, labelled),
    )
    db.execute("ANALYZE task")
    found = walk(client, alice, label="rare", limit=100)
    assert [t["title"] for t in found] == [f"n{n}" for n in range(301, 301 + labelled)], ways


def test_labels_with_array_syntax_quotes_and_odd_letters_are_found_as_written(
    client: TestClient, alice: User
) -> None:
    odd = ['{a,"b"}\\', "NULL", "Ünïcode Straße", "tab\there", "😀"]
    task = create_task(client, alice, title="odd", labels=odd)
    create_task(client, alice, title="plain", labels=["plain"])
    assert task["labels"] == odd
    for label in [*odd, "null", "üNÏCODE sTRAßE", "TAB\tHERE"]:
        assert [t["title"] for t in walk(client, alice, label=label)] == ["odd"], label
