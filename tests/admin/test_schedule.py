"""A task's schedule in the back office: shown, edited under the API's rules, filtered on,
audited, exported."""

from __future__ import annotations

import json

import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.helpers import User, create_task

DUE = {"due_date": "2026-05-04", "due_time": "09:30", "time_zone": "Europe/Berlin"}


def _edit(client: TestClient, task: dict, **fields: object) -> object:
    form = {"title": task["title"], "description": task["description"] or "", **fields}
    return client.post(f"/admin/task/edit/{task['id']}", data=form, follow_redirects=False)


def _api_task(client: TestClient, user: User, task: dict) -> dict:
    return client.get(user.task_url(task["id"]), headers=user.headers).json()


def test_the_edit_form_offers_every_schedule_field_but_completed_at(
    support: TestClient, alice: User
) -> None:
    task = create_task(support, alice, title="t", **DUE, priority=3, labels=["Home"])
    page = support.get(f"/admin/task/edit/{task['id']}").text
    for field in ("priority", "due_date", "due_time", "time_zone", "labels"):
        assert f'name="{field}"' in page, field
    assert 'name="completed_at"' not in page
    # Priority as a choice, the zone from the IANA list, the labels as the list they are.
    assert '<option selected value="3">3 · High</option>' in page
    assert '<option selected value="Europe/Berlin">Europe/Berlin</option>' in page
    assert 'value="America/New_York"' in page
    assert 'data-json="[&#34;Home&#34;]" data-role="select2-tags"' in page
    assert 'value="09:30"' in page and 'value="2026-05-04"' in page


def test_support_schedules_a_task_as_the_api_would_and_the_audit_records_it(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(support, alice, title="Call the bank")
    response = _edit(
        support, task, priority="4", labels=[" Work ", "work", "Home"], completed="y", **DUE
    )
    assert response.status_code == 302, response.text
    now = _api_task(support, alice, task)
    assert {key: now[key] for key in DUE} == DUE and now["due_at"] == "2026-05-04T07:30:00Z"
    assert (now["priority"], now["labels"]) == (4, ["Work", "Home"])
    assert now["completed_at"] == now["updated_at"]
    [(before, after)] = db.execute(
        "SELECT before, after FROM audit_log WHERE action = 'update' AND object_id = %s",
        (task["id"],),
    ).fetchall()
    assert (before["priority"], after["priority"]) == (1, 4)
    assert (before["labels"], after["labels"]) == ([], ["Work", "Home"])
    assert (before["due_date"], after["due_date"]) == (None, "2026-05-04")
    assert (before["due_time"], after["due_time"]) == (None, "09:30:00")
    assert (before["time_zone"], after["time_zone"]) == (None, "Europe/Berlin")
    assert (before["completed_at"], after["completed_at"]) == (
        None,
        now["completed_at"][:-1] + "+00:00",
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"due_time": "09:30"}, "A due time needs a due date."),
        ({"due_date": "2026-05-04", "time_zone": "Europe/Berlin"}, "A time zone needs a due time."),
        ({"due_date": "2026-02-30"}, "Not a valid date value."),
        ({"time_zone": "Mars/Olympus"}, "Not a valid choice."),
        ({"priority": "5"}, "Not a valid choice."),
        ({"labels": [f"l{n}" for n in range(21)]}, "at most 20 labels"),
        ({"labels": ["x" * 51]}, "each label must be 1 to 50 characters once trimmed"),
    ],
)
def test_a_schedule_the_api_would_refuse_is_refused_on_the_form_and_nothing_changes(
    support: TestClient, alice: User, fields: dict, message: str
) -> None:
    task = create_task(support, alice, title="t")
    response = _edit(support, task, **fields)
    assert response.status_code == 400, response.status_code
    assert message in response.text
    assert _api_task(support, alice, task) == task


def test_reopening_a_task_in_the_back_office_clears_completed_at(
    support: TestClient, alice: User
) -> None:
    task = create_task(support, alice, title="t", completed=True)
    assert task["completed_at"] is not None
    _edit(support, task)  # the form sends no `completed`: unchecked
    assert _api_task(support, alice, task)["completed_at"] is None


def _listed(client: TestClient, **params: str) -> str:
    response = client.get("/admin/task/list", params=params)
    assert response.status_code == 200, response.text
    return response.text


def test_the_task_list_filters_by_priority_label_and_due_date(
    support: TestClient, alice: User, bob: User
) -> None:
    create_task(
        support, alice, title="urgent-work", priority=4, labels=["Work"], due_date="2026-05-04"
    )
    create_task(support, bob, title="high-home", priority=3, labels=["home"], due_date="2026-05-09")
    create_task(support, alice, title="plain")
    urgent = _listed(support, priority="4")
    assert "urgent-work" in urgent and "high-home" not in urgent and "plain" not in urgent
    work = _listed(support, label="WORK", label_op="has")
    assert "urgent-work" in work and "high-home" not in work
    due = _listed(support, due_date="2026-05-05", due_date_op="greater_than")
    assert "high-home" in due and "urgent-work" not in due and "plain" not in due
    # The list shows each task's priority and labels.
    assert "4 · Urgent" in urgent and "Work" in urgent
    # A hand-edited filter value filters nothing rather than failing.
    assert "plain" in _listed(support, priority="urgent!")


def test_the_details_page_shows_completed_at(support: TestClient, alice: User) -> None:
    task = create_task(support, alice, title="t", completed=True, **DUE)
    page = support.get(f"/admin/task/details/{task['id']}").text
    assert "Completed at" in page and "Time zone" in page and "Europe/Berlin" in page


def test_a_users_export_carries_the_schedule(admin: TestClient, alice: User) -> None:
    task = create_task(admin, alice, title="t", **DUE, priority=2, labels=["Tax"])
    binned = create_task(admin, alice, title="b", **DUE)
    admin.delete(alice.task_url(binned["id"]), headers=alice.headers)
    data = json.loads(admin.get(f"/admin/user/action/export?pks={alice.id}").content)
    assert data["tasks"] == [task]
    [trashed] = data["trash"]
    assert trashed["due_at"] == "2026-05-04T07:30:00Z" and trashed["deleted_at"].endswith("Z")
