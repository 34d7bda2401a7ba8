"""Finding things in the back office: search, filters, owner links, bounded counts, capped export."""

from __future__ import annotations

import csv
import io

import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.admin import task_views, views
from tests.helpers import User, create_task


def _seed(client: TestClient, alice: User, bob: User) -> dict[str, dict]:
    return {
        "invoice": create_task(client, alice, title="Pay the invoice"),
        "dentist": create_task(client, alice, title="Book the dentist", completed=True),
        "plants": create_task(client, bob, title="Water the plants"),
    }


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("invoice", {"invoice"}),
        ("INVOICE", {"invoice"}),
        ("bob@example", {"plants"}),
        ("alice@example.com", {"invoice", "dentist"}),
        ("%", set()),
    ],
)
def test_task_search_by_title_or_owner_email(
    support: TestClient, alice: User, bob: User, term: str, expected: set[str]
) -> None:
    tasks = _seed(support, alice, bob)
    page = support.get("/admin/task/list", params={"search": term}).text
    assert {name for name, task in tasks.items() if task["id"] in page} == expected


def test_task_search_by_an_email_piece_many_owners_share(
    support: TestClient, alice: User, bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the number of owners written into the statement as ids, the search reads them
    from a subquery instead, with the same answer."""
    tasks = _seed(support, alice, bob)
    found = []
    for most in (task_views._OWNER_IDS_MAX, 1):  # alice and bob: as ids, then past the limit
        monkeypatch.setattr(task_views, "_OWNER_IDS_MAX", most)
        page = support.get("/admin/task/list", params={"search": "example.com"}).text
        found.append({name for name, task in tasks.items() if task["id"] in page})
    assert found == [set(tasks), set(tasks)]


def test_task_search_by_task_id_or_owner_id(support: TestClient, alice: User, bob: User) -> None:
    tasks = _seed(support, alice, bob)
    by_id = support.get("/admin/task/list", params={"search": tasks["plants"]["id"]}).text
    assert tasks["plants"]["id"] in by_id and tasks["invoice"]["id"] not in by_id
    by_owner = support.get("/admin/task/list", params={"search": str(bob.id)}).text
    assert tasks["plants"]["id"] in by_owner and tasks["dentist"]["id"] not in by_owner


def test_task_list_filters_on_completed(support: TestClient, alice: User, bob: User) -> None:
    tasks = _seed(support, alice, bob)
    page = support.get("/admin/task/list", params={"completed": "true"}).text
    assert tasks["dentist"]["id"] in page and tasks["invoice"]["id"] not in page


def test_task_list_filters_on_created_date(
    support: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    tasks = _seed(support, alice, bob)
    db.execute("UPDATE task SET created_at = '2020-01-01' WHERE id = %s", (tasks["plants"]["id"],))
    page = support.get(
        "/admin/task/list", params={"created_at": "2021-01-01", "created_at_op": "less_than"}
    ).text
    assert tasks["plants"]["id"] in page and tasks["invoice"]["id"] not in page


def test_task_list_sorts_by_title(support: TestClient, alice: User, bob: User) -> None:
    _seed(support, alice, bob)
    page = support.get("/admin/task/list", params={"sortBy": "title", "sort": "asc"}).text
    positions = [
        page.index(title) for title in ("Book the dentist", "Pay the invoice", "Water the plants")
    ]
    assert positions == sorted(positions)


def test_a_task_shows_and_links_its_owner(support: TestClient, alice: User) -> None:
    task = create_task(support, alice)
    page = support.get(f"/admin/task/details/{task['id']}").text
    assert "alice@example.com" in page
    assert f"/admin/user/details/{alice.id}" in page


def test_a_users_tasks_are_reachable_from_the_user(
    support: TestClient, alice: User, bob: User
) -> None:
    tasks = _seed(support, alice, bob)
    page = support.get(f"/admin/user/details/{alice.id}").text
    link = f"/admin/task/list?search={alice.id}"
    assert link in page
    listed = support.get(link).text
    assert tasks["invoice"]["id"] in listed and tasks["plants"]["id"] not in listed


@pytest.mark.parametrize(("term", "found"), [("alice@", True), ("nobody", False)])
def test_user_search_by_email(support: TestClient, alice: User, term: str, found: bool) -> None:
    create_task(support, alice)
    page = support.get("/admin/user/list", params={"search": term}).text
    assert (str(alice.id) in page) is found


def test_user_search_by_id_and_active_filter(support: TestClient, alice: User, bob: User) -> None:
    _seed(support, alice, bob)
    assert str(bob.id) not in support.get("/admin/user/list", params={"search": str(alice.id)}).text
    support.get(f"/admin/user/action/deactivate?pks={bob.id}")
    inactive = support.get("/admin/user/list", params={"is_active": "false"}).text
    assert str(bob.id) in inactive and str(alice.id) not in inactive


def test_list_count_is_bounded(
    support: TestClient, alice: User, db: psycopg.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_task(support, alice)
    db.execute(
        "INSERT INTO task (id, owner_id, title, created_at, updated_at)"
        " SELECT gen_random_uuid(), %s, 'bulk ' || n, now(), now() FROM generate_series(1, 40) AS n",
        (alice.id,),
    )
    monkeypatch.setattr(views, "COUNT_CAP", 30)
    page = support.get("/admin/task/list").text
    assert "of <span>30</span>" in page or "of 30" in page


def test_export_is_csv_and_capped(
    admin: TestClient, alice: User, db: psycopg.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_task(admin, alice)
    db.execute(
        "INSERT INTO task (id, owner_id, title, created_at, updated_at)"
        " SELECT gen_random_uuid(), %s, 'bulk ' || n, now(), now() FROM generate_series(1, 40) AS n",
        (alice.id,),
    )
    monkeypatch.setattr(task_views.TaskAdmin, "export_max_rows", 25)
    response = admin.get("/admin/task/export/csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.text)))
    assert len(rows) == 1 + 25
    assert admin.get("/admin/task/export/json").status_code != 200
