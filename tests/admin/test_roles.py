"""What each staff role may do in the back office, over HTTP: allowed, refused (403), not offered."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.helpers import User, create_task

SUPPORT_ALLOWED = [
    "/admin/user/list",
    "/admin/task/list",
    "/admin/audit-log/list",
]
SUPPORT_REFUSED = [
    "/admin/staff-user/list",
    "/admin/staff-user/create",
    "/admin/user/export/csv",
    "/admin/task/export/csv",
    "/admin/audit-log/export/csv",
]


@pytest.mark.parametrize("path", SUPPORT_ALLOWED)
def test_support_may_read_users_tasks_and_the_audit_log(support: TestClient, path: str) -> None:
    assert support.get(path).status_code == 200


@pytest.mark.parametrize("path", SUPPORT_REFUSED)
def test_support_may_not_manage_staff_or_export(support: TestClient, path: str) -> None:
    assert support.get(path).status_code == 403


def test_support_may_view_and_edit_a_task_but_not_delete_it(
    support: TestClient, alice: User
) -> None:
    task = create_task(support, alice, title="Call the bank")
    assert support.get(f"/admin/task/details/{task['id']}").status_code == 200
    assert support.get(f"/admin/task/edit/{task['id']}").status_code == 200
    assert support.delete(f"/admin/task/delete?pks={task['id']}").status_code == 403
    assert support.get(alice.task_url(task["id"]), headers=alice.headers).status_code == 200


def test_support_may_not_edit_or_delete_users(support: TestClient, alice: User) -> None:
    create_task(support, alice)
    assert support.get(f"/admin/user/details/{alice.id}").status_code == 200
    assert support.get(f"/admin/user/edit/{alice.id}").status_code == 403
    assert support.post(f"/admin/user/edit/{alice.id}", data={"name": "X"}).status_code == 403
    assert support.delete(f"/admin/user/delete?pks={alice.id}").status_code == 403


def test_nobody_may_create_users_or_tasks_in_the_back_office(admin: TestClient) -> None:
    # Users come from the identity provider, tasks from their owners through the API.
    assert admin.get("/admin/user/create").status_code == 403
    assert admin.get("/admin/task/create").status_code == 403


def test_refused_actions_are_not_offered_to_support(support: TestClient, alice: User) -> None:
    task = create_task(support, alice)
    page = support.get("/admin/task/list").text
    assert "/admin/task/export/csv" not in page
    assert "/admin/staff-user/list" not in page
    details = support.get(f"/admin/task/details/{task['id']}").text
    assert "/admin/task/edit/" in details
    assert "/admin/task/delete" not in details
    user_page = support.get(f"/admin/user/details/{alice.id}").text
    assert "/admin/user/action/deactivate" in user_page
    assert "/admin/user/edit/" not in user_page


def test_admin_may_do_everything_support_may_not(admin: TestClient, alice: User) -> None:
    task = create_task(admin, alice)
    assert admin.get("/admin/staff-user/list").status_code == 200
    assert admin.get("/admin/staff-user/create").status_code == 200
    assert admin.get("/admin/user/export/csv").status_code == 200
    assert admin.get(f"/admin/user/edit/{alice.id}").status_code == 200
    page = admin.get("/admin/task/list").text
    assert "/admin/task/export/csv" in page
    assert admin.delete(f"/admin/task/delete?pks={task['id']}").status_code == 200
    assert admin.get(alice.task_url(task["id"]), headers=alice.headers).status_code == 404


@pytest.mark.parametrize("role", ["admin", "support"])
def test_nobody_may_edit_or_delete_audit_rows(
    signed_in: Callable[[str], TestClient], role: str, alice: User
) -> None:
    client = signed_in(role)
    create_task(client, alice)
    client.get(f"/admin/user/action/deactivate?pks={alice.id}")
    page = client.get("/admin/audit-log/list").text
    assert "deactivate" in page
    assert client.get("/admin/audit-log/edit/1").status_code == 403
    assert client.post("/admin/audit-log/edit/1", data={"action": "x"}).status_code == 403
    assert client.delete("/admin/audit-log/delete?pks=1").status_code == 403
    assert client.get("/admin/audit-log/create").status_code == 403
