"""Changes made in the back office: forms, actions, the audit log, and what the API sees after."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.helpers import Staff, User, create_task, sign_in


def _audit_rows(db: psycopg.Connection) -> list[tuple]:
    """The audit rows of changes (sign-ins and sign-outs, audited too, are left out here)."""
    return db.execute(
        "SELECT staff_email, action, object_type, object_id, before, after FROM audit_log"
        " WHERE action NOT IN ('sign_in', 'sign_out') ORDER BY id"
    ).fetchall()


def _edit_task(client: TestClient, task_id: str, **fields: str) -> object:
    form = {"title": "A task", "description": "", **fields}
    return client.post(f"/admin/task/edit/{task_id}", data=form, follow_redirects=False)


def test_editing_a_task_writes_one_audit_row_with_before_and_after(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(support, alice, title="Call the bank")
    response = _edit_task(support, task["id"], title="Call the bank today", completed="y")
    assert response.status_code == 302
    [(staff_email, action, object_type, object_id, before, after)] = _audit_rows(db)
    assert staff_email.startswith("support-")
    assert (action, object_type, object_id) == ("update", "task", task["id"])
    assert before["title"] == "Call the bank" and after["title"] == "Call the bank today"
    assert before["completed"] is False and after["completed"] is True
    assert after["version"] == before["version"] + 1


def test_a_task_edited_in_the_back_office_has_a_new_etag_for_the_api(
    support: TestClient, alice: User
) -> None:
    task = create_task(support, alice, title="Old title")
    old_etag = support.get(alice.task_url(task["id"]), headers=alice.headers).headers["etag"]
    _edit_task(support, task["id"], title="Fixed by support")
    fresh = support.get(alice.task_url(task["id"]), headers=alice.headers)
    assert fresh.json()["title"] == "Fixed by support"
    assert fresh.headers["etag"] != old_etag
    stale_write = support.patch(
        alice.task_url(task["id"]),
        json={"title": "Client's stale edit"},
        headers={**alice.headers, "If-Match": old_etag},
    )
    assert stale_write.status_code == 412


def test_forged_post_cannot_change_server_set_fields(
    support: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    task = create_task(support, alice)
    create_task(support, bob)
    before = db.execute(
        "SELECT id, owner_id, created_at, version FROM task WHERE id = %s", (task["id"],)
    ).fetchone()
    response = _edit_task(
        support,
        task["id"],
        title="Edited",
        id=str(uuid.uuid4()),
        owner_id=str(bob.id),
        owner=str(bob.id),
        created_at="2001-01-01 00:00:00",
        updated_at="2001-01-01 00:00:00",
        version="999",
    )
    assert response.status_code == 302
    after = db.execute(
        "SELECT id, owner_id, created_at, version, title FROM task WHERE id = %s", (task["id"],)
    ).fetchone()
    assert after[:3] == before[:3]
    assert after[3] == before[3] + 1
    assert after[4] == "Edited"


@pytest.mark.parametrize(
    ("title", "reason"),
    [("   ", "blank"), ("x" * 256, "too long"), ("nul\x00inside", "NUL")],
)
def test_an_invalid_task_edit_is_refused_and_changes_nothing(
    support: TestClient, alice: User, db: psycopg.Connection, title: str, reason: str
) -> None:
    task = create_task(support, alice, title="Stays")
    response = _edit_task(support, task["id"], title=title)
    assert response.status_code == 400, reason
    assert db.execute("SELECT title FROM task WHERE id = %s", (task["id"],)).fetchone() == (
        "Stays",
    )
    assert _audit_rows(db) == []


def test_a_failing_audit_write_undoes_the_change(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(support, alice, title="Stays")
    db.execute(
        "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN RAISE EXCEPTION 'audit store is broken'; END $$"
    )
    db.execute(
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log"
        " FOR EACH ROW EXECUTE FUNCTION refuse_audit()"
    )
    try:
        response = _edit_task(support, task["id"], title="Must not stick")
    finally:
        db.execute("DROP TRIGGER refuse_audit ON audit_log")
        db.execute("DROP FUNCTION refuse_audit()")
    assert response.status_code == 400
    assert "Nothing was changed" in response.text
    assert "INSERT" not in response.text and "audit store is broken" not in response.text
    assert db.execute("SELECT title FROM task WHERE id = %s", (task["id"],)).fetchone() == (
        "Stays",
    )


def test_deactivating_a_user_refuses_them_on_the_api_at_once_and_is_audited(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    create_task(support, alice)
    response = support.get(f"/admin/user/action/deactivate?pks={alice.id}", follow_redirects=False)
    assert response.status_code == 302
    refused = support.get(alice.tasks_url, headers=alice.headers)
    assert refused.status_code == 403
    assert refused.json()["code"] == "user_inactive"
    [(_, action, object_type, object_id, before, after)] = _audit_rows(db)
    assert (action, object_type, object_id) == ("deactivate", "user", str(alice.id))
    assert before["is_active"] is True and after["is_active"] is False

    support.get(f"/admin/user/action/reactivate?pks={alice.id}")
    assert support.get(alice.tasks_url, headers=alice.headers).status_code == 200
    assert [row[1] for row in _audit_rows(db)] == ["deactivate", "reactivate"]


def test_bulk_deactivation_changes_and_audits_every_selected_user(
    support: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    create_task(support, alice)
    create_task(support, bob)
    support.get(f"/admin/user/action/deactivate?pks={alice.id},{bob.id}")
    for user in (alice, bob):
        assert support.get(user.tasks_url, headers=user.headers).status_code == 403
    assert sorted(row[3] for row in _audit_rows(db)) == sorted([str(alice.id), str(bob.id)])


def test_an_action_with_a_malformed_id_changes_nothing(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    create_task(support, alice)
    response = support.get(f"/admin/user/action/deactivate?pks={alice.id},not-a-uuid")
    assert response.status_code == 400
    assert support.get(alice.tasks_url, headers=alice.headers).status_code == 200
    assert _audit_rows(db) == []


def test_deleting_a_task_is_audited_with_its_last_values(
    admin: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(admin, alice, title="Spam")
    admin.delete(f"/admin/task/delete?pks={task['id']}")
    [(_, action, object_type, object_id, before, after)] = _audit_rows(db)
    assert (action, object_type, object_id) == ("delete", "task", task["id"])
    assert before["title"] == "Spam" and before["owner_id"] == str(alice.id)
    # After: the time the task went into the trash, so its history can tell this delete
    # from its owner's own (backend.admin.trash_history).
    [(deleted_at,)] = db.execute("SELECT deleted_at FROM task_trash").fetchall()
    assert after == {"deleted_at": deleted_at.isoformat()}


def test_admin_creates_staff_with_a_hashed_password_that_never_reaches_the_audit_log(
    admin: TestClient, db: psycopg.Connection, make_client: Callable[..., TestClient]
) -> None:
    password = "a long enough password"
    response = admin.post(
        "/admin/staff-user/create",
        data={
            "email": "New.Person@Example.com",
            "role": "support",
            "is_active": "y",
            "password": password,
        },
        follow_redirects=False,
    )
    assert response.status_code == 302, response.text
    (stored_hash,) = db.execute(
        "SELECT password_hash FROM staff_user WHERE email = 'new.person@example.com'"
    ).fetchone()
    assert stored_hash.startswith("$argon2") and password not in stored_hash
    [(_, action, object_type, _, before, after)] = _audit_rows(db)
    assert (action, object_type, before) == ("create", "staff_user", None)
    assert after["password_hash"] == "[redacted]"
    assert stored_hash not in str(_audit_rows(db)) and password not in str(_audit_rows(db))
    newcomer = Staff(
        id=uuid.uuid4(), email="new.person@example.com", role="support", password=password
    )
    assert sign_in(make_client(), newcomer).status_code == 302


def test_staff_with_a_short_password_is_refused_and_not_audited(
    admin: TestClient, db: psycopg.Connection
) -> None:
    response = admin.post(
        "/admin/staff-user/create",
        data={"email": "short@example.com", "role": "support", "password": "too short"},
    )
    assert response.status_code == 400
    assert "at least 12 characters" in response.text
    assert db.execute(
        "SELECT count(*) FROM staff_user WHERE email = 'short@example.com'"
    ).fetchone() == (0,)
    assert _audit_rows(db) == []


def test_a_change_that_fails_leaves_no_audit_row(
    admin: TestClient, make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    taken = make_staff(email="taken@example.com")
    response = admin.post(
        "/admin/staff-user/create",
        data={"email": taken.email, "role": "support", "password": "another long password"},
    )
    assert response.status_code == 400
    assert "conflicts with existing data" in response.text
    assert _audit_rows(db) == []


def test_audit_rows_cannot_be_changed_even_in_sql(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    create_task(support, alice)
    support.get(f"/admin/user/action/deactivate?pks={alice.id}")
    with pytest.raises(psycopg.errors.RaiseException):
        db.execute("UPDATE audit_log SET staff_email = 'someone-else@example.com'")
    with pytest.raises(psycopg.errors.RaiseException):
        db.execute("DELETE FROM audit_log")
    assert len(_audit_rows(db)) == 1


def test_the_audit_log_cannot_be_truncated(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    create_task(support, alice)
    support.get(f"/admin/user/action/deactivate?pks={alice.id}")
    with pytest.raises(psycopg.errors.RaiseException):
        db.execute("TRUNCATE audit_log")
    assert len(_audit_rows(db)) == 1


def test_deleting_a_user_removes_their_tasks_and_keys_and_the_audit_counts_the_tasks(
    admin: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    for title in ("One", "Two", "Three"):
        create_task(admin, alice, title=title)
    keyed = admin.post(
        alice.tasks_url, json={"title": "Keyed"}, headers={**alice.headers, "Idempotency-Key": "k1"}
    )
    assert keyed.status_code == 201
    create_task(admin, bob, title="Bob's")
    admin.delete(f"/admin/user/delete?pks={alice.id}")
    for query in (
        "SELECT count(*) FROM app_user WHERE id = %s",
        "SELECT count(*) FROM task WHERE owner_id = %s",
        "SELECT count(*) FROM idempotency_key WHERE owner_id = %s",
    ):
        assert db.execute(query, (alice.id,)).fetchone() == (0,), query
    assert db.execute("SELECT count(*) FROM task").fetchone() == (1,)
    [(_, action, object_type, object_id, before, after)] = _audit_rows(db)
    assert (action, object_type, object_id, after) == ("delete", "user", str(alice.id), None)
    assert before["tasks_deleted"] == 4 and before["email"] == "alice@example.com"


def test_an_admin_cannot_lock_themselves_out(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    me, other = make_staff("admin"), make_staff("admin")
    client = make_client()
    sign_in(client, me)
    for form in (
        {"email": me.email, "role": "support", "is_active": "y"},
        {"email": me.email, "role": "admin"},  # unchecked: inactive
    ):
        response = client.post(f"/admin/staff-user/edit/{me.id}", data=form)
        assert response.status_code == 400
        assert "your own account" in response.text
    client.delete(f"/admin/staff-user/delete?pks={me.id}")
    assert db.execute(
        "SELECT role, is_active FROM staff_user WHERE id = %s", (me.id,)
    ).fetchone() == ("admin", True)
    # Another admin's account is theirs to change.
    changed = client.post(
        f"/admin/staff-user/edit/{other.id}",
        data={"email": other.email, "role": "support", "is_active": "y"},
        follow_redirects=False,
    )
    assert changed.status_code == 302
    assert _audit_rows(db)[-1][1:4] == ("update", "staff_user", str(other.id))


def test_a_batch_delete_that_includes_yourself_deletes_nobody(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    me, other = make_staff("admin"), make_staff("admin")
    client = make_client()
    sign_in(client, me)
    for pks in (f"{other.id},{me.id}", f"{me.id},{other.id}"):
        refused = client.delete(f"/admin/staff-user/delete?pks={pks}")
        assert refused.status_code == 400 and "your own account" in refused.text
        (left,) = db.execute(
            "SELECT count(*) FROM staff_user WHERE id = ANY(%s)", ([me.id, other.id],)
        ).fetchone()
        assert left == 2, "all or nothing"
    assert client.delete(f"/admin/staff-user/delete?pks={other.id}").status_code == 200
    assert db.execute("SELECT 1 FROM staff_user WHERE id = %s", (other.id,)).fetchone() is None


def test_a_staff_members_password_hash_is_never_shown_or_exported(
    admin: TestClient, make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    other = make_staff("support")
    (stored_hash,) = db.execute(
        "SELECT password_hash FROM staff_user WHERE id = %s", (other.id,)
    ).fetchone()
    details = admin.get(f"/admin/staff-user/details/{other.id}")
    exported = admin.get("/admin/staff-user/export/csv")
    assert details.status_code == exported.status_code == 200
    assert other.email in details.text and other.email in exported.text
    for page in (details.text, exported.text, admin.get("/admin/staff-user/list").text):
        assert stored_hash not in page and "$argon2" not in page
