"""What support staff do beyond fixing data: restore from the trash, read an object's history,
download a user's data and erase a user."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.helpers import (
    TEST_SECRET,
    Metrics,
    User,
    cli_env,
    create_task,
    libpq,
    run_cli,
    wait_until,
)


def _trash(db: psycopg.Connection) -> list[tuple]:
    return db.execute("SELECT id::text, title FROM task_trash ORDER BY title").fetchall()


def _audit(db: psycopg.Connection, action: str) -> list[tuple]:
    return db.execute(
        "SELECT staff_email, object_type, object_id, before, after FROM audit_log"
        " WHERE action = %s ORDER BY id",
        (action,),
    ).fetchall()


def _counter(client: TestClient, name: str) -> float:
    return Metrics(client.get("/metrics").text).total(name)


# --- Trash ----------------------------------------------------------------------------------


def test_a_task_deleted_through_the_api_is_restored_by_support_with_a_new_etag(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(
        support, alice, title="Call the notary", description="before June", completed=True
    )
    url = alice.task_url(task["id"])
    old_etag = support.get(url, headers=alice.headers).headers["etag"]
    assert support.delete(url, headers=alice.headers).status_code == 204
    assert support.get(url, headers=alice.headers).status_code == 404
    assert _trash(db) == [(task["id"], "Call the notary")]
    assert "Call the notary" not in support.get(alice.tasks_url, headers=alice.headers).text

    listed = support.get("/admin/task-trash/list")
    assert listed.status_code == 200 and "Call the notary" in listed.text
    [(deleted_at,)] = db.execute("SELECT deleted_at FROM task_trash").fetchall()
    restored = support.get(
        f"/admin/task-trash/action/restore?pks={task['id']}", follow_redirects=False
    )
    assert restored.status_code == 302

    again = support.get(url, headers=alice.headers)
    assert again.status_code == 200
    body = again.json()
    assert {k: body[k] for k in ("id", "title", "description", "completed", "created_at")} == {
        k: task[k] for k in ("id", "title", "description", "completed", "created_at")
    }
    assert again.headers["etag"] != old_etag
    assert datetime.fromisoformat(body["updated_at"]) > datetime.fromisoformat(task["updated_at"])
    # A client still holding the old ETag is refused rather than overwriting the restore.
    stale = support.patch(url, json={"title": "x"}, headers={**alice.headers, "If-Match": old_etag})
    assert stale.status_code == 412
    assert _trash(db) == []
    [(staff_email, object_type, object_id, before, after)] = _audit(db, "restore")
    # The restore keeps the time the task went into the trash: its history tells that delete.
    assert (object_type, object_id) == ("task", task["id"])
    assert before == {"deleted_at": deleted_at.isoformat()}
    assert after["title"] == "Call the notary" and staff_email.startswith("support-")


def test_a_task_deleted_in_the_back_office_goes_to_the_trash_too(
    admin: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(admin, alice, title="Spam")
    admin.delete(f"/admin/task/delete?pks={task['id']}")
    assert db.execute("SELECT count(*) FROM task").fetchone() == (0,)
    assert _trash(db) == [(task["id"], "Spam")]


@pytest.mark.parametrize("term", ["notary", "ALICE@example", "{id}", "{owner}"])
def test_the_trash_is_found_by_title_owner_email_task_or_owner_id(
    support: TestClient, alice: User, bob: User, term: str
) -> None:
    mine = create_task(support, alice, title="Call the notary")
    other = create_task(support, bob, title="Walk the dog")
    for user, task in ((alice, mine), (bob, other)):
        support.delete(user.task_url(task["id"]), headers=user.headers)
    search = term.format(id=mine["id"], owner=alice.id)
    page = support.get(f"/admin/task-trash/list?search={search}").text
    assert "Call the notary" in page and "Walk the dog" not in page


def test_a_restore_whose_id_is_taken_again_is_refused_and_changes_nothing(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(support, alice, title="Twice")
    support.delete(alice.task_url(task["id"]), headers=alice.headers)
    # Someone put a task with that id back by hand.
    db.execute(
        "INSERT INTO task (id, owner_id, title, version, created_at, updated_at)"
        " SELECT id, owner_id, 'By hand', 1, now(), now() FROM task_trash"
    )
    response = support.get(f"/admin/task-trash/action/restore?pks={task['id']}")
    assert response.status_code == 409
    assert "exists again" in response.text
    assert _trash(db) == [(task["id"], "Twice")]
    assert db.execute("SELECT title FROM task").fetchall() == [("By hand",)]
    assert _audit(db, "restore") == []


@pytest.mark.slow  # runs another program in a subprocess
def test_trash_past_30_days_is_not_restorable_and_is_purged(
    support: TestClient,
    alice: User,
    db: psycopg.Connection,
    database_url: str,
    direct_url: str,
    tmp_path: object,
) -> None:
    old, recent = create_task(support, alice, title="Old"), create_task(support, alice, title="New")
    for task in (old, recent):
        support.delete(alice.task_url(task["id"]), headers=alice.headers)
    db.execute(
        "UPDATE task_trash SET deleted_at = now() - interval '31 days' WHERE id = %s", (old["id"],)
    )
    refused = support.get(f"/admin/task-trash/action/restore?pks={old['id']}")
    assert refused.status_code == 404
    env = cli_env(DATABASE_URL=database_url, DATABASE_DIRECT_URL=direct_url, JWT_SECRET=TEST_SECRET)
    result = run_cli("purge-trash", env=env)
    assert result.returncode == 0, result.stderr
    assert "purged 1 " in result.stdout
    assert _trash(db) == [(recent["id"], "New")]
    listed = support.get("/admin/task-trash/list").text
    assert "Old" not in listed and "New" in listed


def test_opening_the_trash_purges_what_has_expired_and_counts_it(
    support: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    tasks = [
        create_task(support, user, title=name)
        for user, name in ((alice, "a1"), (alice, "a2"), (bob, "b1"))
    ]
    for user, task in zip((alice, alice, bob), tasks, strict=True):
        support.delete(user.task_url(task["id"]), headers=user.headers)
    db.execute("UPDATE task_trash SET deleted_at = now() - interval '31 days' WHERE title <> 'b1'")
    before = _counter(support, "trash_purged_total")
    assert support.get("/admin/task-trash/list").status_code == 200
    assert [title for _, title in _trash(db)] == ["b1"]
    assert _counter(support, "trash_purged_total") - before == 2


# --- History --------------------------------------------------------------------------------


def test_a_user_and_a_task_link_to_their_history_and_the_history_links_back(
    admin: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(admin, alice, title="Tracked")
    admin.post(f"/admin/task/edit/{task['id']}", data={"title": "Tracked closely"})
    admin.get(f"/admin/user/action/deactivate?pks={alice.id}")

    user_page = admin.get(f"/admin/user/details/{alice.id}").text
    assert f"/admin/audit-log/list?search={alice.id}" in user_page
    task_page = admin.get(f"/admin/task/details/{task['id']}").text
    assert f"/admin/audit-log/list?search={task['id']}" in task_page

    # A user's history holds their own entries and their tasks'.
    history = admin.get(f"/admin/audit-log/list?search={alice.id}").text
    assert "deactivate" in history and task["id"] in history
    assert f'href="http://testserver/admin/task/details/{task["id"]}"' in history
    # Deleted, the task is linked in the trash; erased, not at all.
    admin.delete(f"/admin/task/delete?pks={task['id']}")
    history = admin.get(f"/admin/audit-log/list?search={task['id']}").text
    assert f"/admin/task-trash/details/{task['id']}" in history
    db.execute("DELETE FROM task_trash")
    history = admin.get(f"/admin/audit-log/list?search={task['id']}").text
    assert f"/details/{task['id']}" not in history and task["id"] in history


def _trash_history(client: TestClient, task_id: str) -> list[list[str]]:
    """The "From the trash" rows above a task's audit entries: [when, who, what] each."""
    page = client.get(f"/admin/audit-log/list?search={task_id}").text
    card = re.search(r'<div class="card" id="trash-history">(.*?)</table>', page, re.S)
    if card is None:
        return []
    rows = re.findall(r"<tr>\s*(<td>.*?)</tr>", card.group(1), re.S)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in rows
    ]


def test_a_tasks_history_tells_its_owners_deletes_and_when_it_leaves_the_trash(
    admin: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(admin, alice, title="Where did it go?")
    assert _trash_history(admin, task["id"]) == []
    admin.delete(alice.task_url(task["id"]), headers=alice.headers)
    [(owner_deleted,)] = db.execute("SELECT deleted_at FROM task_trash").fetchall()
    owners_delete = ["its owner, through the API", "deleted it (into the trash)"]
    leaves = ["", "leaves the trash, purged, unless restored first"]
    history = _trash_history(admin, task["id"])
    assert [row[1:] for row in history] == [owners_delete, leaves]
    assert history[0][0] == owner_deleted.strftime("%Y-%m-%d %H:%M UTC")
    assert history[1][0] == (owner_deleted + timedelta(days=30)).strftime("%Y-%m-%d %H:%M UTC")

    # Restored, the trash row is gone; the restore's entry keeps when the owner deleted it.
    admin.get(f"/admin/task-trash/action/restore?pks={task['id']}")
    history = _trash_history(admin, task["id"])
    assert len(history) == 2 and history[0][1:] == owners_delete
    assert history[1][1].startswith("admin-") and history[1][2] == "restored it from the trash"

    # Deleted in the back office: that delete is the admin's, in the audit log, not the owner's.
    admin.delete(f"/admin/task/delete?pks={task['id']}")
    history = _trash_history(admin, task["id"])
    assert [row[1:] for row in history].count(owners_delete) == 1
    assert [row[1:] for row in history][-1] == leaves
    assert len(history) == 3

    # Past its 30 days (purged or about to be), the history says so.
    db.execute("UPDATE task_trash SET deleted_at = deleted_at - interval '31 days'")
    history = [row[1:] for row in _trash_history(admin, task["id"])]
    assert ["", "its time in the trash ran out: purged"] in history and leaves not in history


# --- A user's data --------------------------------------------------------------------------


def test_an_admin_downloads_exactly_one_users_data(
    admin: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    kept = create_task(admin, alice, title="Kept")
    binned = create_task(admin, alice, title="Binned")
    admin.delete(alice.task_url(binned["id"]), headers=alice.headers)
    create_task(admin, bob, title="Not Alice's")
    response = admin.get(f"/admin/user/action/export?pks={alice.id}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    data = json.loads(response.content)
    assert data["user"]["id"] == str(alice.id) and data["user"]["email"] == "alice@example.com"
    assert [t["id"] for t in data["tasks"]] == [kept["id"]]
    assert [t["id"] for t in data["trash"]] == [binned["id"]]
    assert "Not Alice's" not in response.text
    [(_, object_type, object_id, _, _)] = _audit(db, "export")
    assert (object_type, object_id) == ("user", str(alice.id))


def test_support_can_restore_but_not_download_or_erase(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    create_task(support, alice)
    for path in (
        f"/admin/user/action/export?pks={alice.id}",
        f"/admin/user/action/erase?pks={alice.id}",
        f"/admin/user/action/erase?pks={alice.id}&confirm=alice@example.com",
    ):
        assert support.get(path).status_code == 403, path
    assert db.execute("SELECT count(*) FROM app_user").fetchone() == (1,)
    assert "Erase" not in support.get(f"/admin/user/details/{alice.id}").text


def test_erasing_a_user_leaves_no_row_of_theirs_and_no_value_in_the_audit_log(
    admin: TestClient,
    alice: User,
    bob: User,
    db: psycopg.Connection,
    make_client: Callable[..., TestClient],
) -> None:
    kept = create_task(admin, alice, title="Secret plan")
    binned = create_task(admin, alice, title="Binned plan")
    admin.post(
        alice.tasks_url,
        json={"title": "Keyed plan"},
        headers={**alice.headers, "Idempotency-Key": "k"},
    )
    admin.post(f"/admin/task/edit/{kept['id']}", data={"title": "Secret plan, revised"})
    admin.delete(f"/admin/task/delete?pks={binned['id']}")
    bobs = create_task(admin, bob, title="Bob's plan")
    admin.post(f"/admin/task/edit/{bobs['id']}", data={"title": "Bob's plan, revised"})

    form = admin.get(f"/admin/user/action/erase?pks={alice.id}")
    assert form.status_code == 200 and "Type <strong>alice@example.com</strong>" in form.text
    wrong = admin.get(f"/admin/user/action/erase?pks={alice.id}&confirm=bob@example.com")
    assert wrong.status_code == 400
    assert db.execute("SELECT count(*) FROM app_user WHERE id = %s", (alice.id,)).fetchone() == (1,)

    done = admin.get(
        f"/admin/user/action/erase?pks={alice.id}&confirm=Alice@Example.com",
        follow_redirects=False,
    )
    assert done.status_code == 302
    for query in (
        "SELECT count(*) FROM app_user WHERE id = %s",
        "SELECT count(*) FROM task WHERE owner_id = %s",
        "SELECT count(*) FROM task_trash WHERE owner_id = %s",
        "SELECT count(*) FROM idempotency_key WHERE owner_id = %s",
    ):
        assert db.execute(query, (alice.id,)).fetchone() == (0,), query
    history = db.execute("SELECT before::text, after::text FROM audit_log").fetchall()
    assert "plan" in str(history), "Bob's entries keep their values"
    assert "Secret" not in str(history) and "Binned" not in str(history)
    assert "alice@example.com" not in str(history)
    [(staff_email, object_type, object_id, before, after)] = _audit(db, "erase")
    assert (object_type, object_id, before, after) == ("user", str(alice.id), None, None)
    assert staff_email.startswith("admin-")
    # A later token for the same id starts a new, empty account.
    fresh = make_client().get(alice.tasks_url, headers=alice.headers)
    assert fresh.status_code == 200 and fresh.json()["items"] == []


def test_the_audit_log_lets_only_an_erasures_redaction_through(
    admin: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    create_task(admin, alice, title="Alice's")
    create_task(admin, bob, title="Bob's")
    for who in (alice, bob):
        admin.get(f"/admin/user/action/deactivate?pks={who.id}")
    redacted = json.dumps({"redacted": "the user was erased"})
    refused = (psycopg.errors.RaiseException,)
    # The owner's function redacts only a user who no longer exists...
    with pytest.raises(refused), db.transaction():
        db.execute("SELECT redact_erased_user(%s)", (alice.id,))
    with db.transaction():
        # ...and the trigger lets no other way through: not the old switch, not the new one
        # for a live user, not another change for anyone.
        db.execute("SELECT set_config('taskapi.erasing', 'on', true)")
        db.execute("SELECT set_config('taskapi.erased_user', %s, true)", (str(alice.id),))
        db.execute("SELECT set_config('taskapi.redacting', %s, true)", (str(alice.id),))
        for statement, user in (
            ("UPDATE audit_log SET after = %s WHERE subject_user_id = %s", alice),
            ("UPDATE audit_log SET after = %s WHERE subject_user_id = %s", bob),
        ):
            with pytest.raises(refused), db.transaction():
                db.execute(statement, (redacted, user.id))
        with pytest.raises(refused), db.transaction():
            db.execute(
                "UPDATE audit_log SET action = 'update' WHERE subject_user_id = %s", (alice.id,)
            )
        with pytest.raises(refused), db.transaction():
            db.execute("DELETE FROM audit_log WHERE subject_user_id = %s", (alice.id,))
    assert redacted not in str(db.execute("SELECT after::text FROM audit_log").fetchall())


def test_a_task_deleted_in_the_back_office_takes_its_idempotency_answer_with_it(
    admin: TestClient, client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "k1"}
    task = client.post(alice.tasks_url, json={"title": "Secret plan"}, headers=headers).json()
    assert db.execute("SELECT count(*) FROM idempotency_key").fetchone() == (1,)
    admin.delete(f"/admin/task/delete?pks={task['id']}")
    assert db.execute("SELECT count(*) FROM task_trash").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM idempotency_key").fetchone() == (0,)


def test_an_edit_committed_while_its_user_is_erased_is_redacted_too(
    admin: TestClient, alice: User, db: psycopg.Connection, direct_url: str
) -> None:
    task = create_task(admin, alice, title="Secret plan")
    # A back-office edit of the task in progress: its row locked, its audit entry written, not
    # yet committed, as the erasure starts.
    with psycopg.connect(libpq(direct_url), application_name="editing") as editing:
        editing.execute("UPDATE task SET title = 'Secret, revised' WHERE id = %s", (task["id"],))
        editing.execute(
            "INSERT INTO audit_log (staff_email, action, object_type, object_id,"
            " subject_user_id, after, created_at)"
            " VALUES ('x@example.com', 'update', 'task', %s, %s, %s, now())",
            (task["id"], alice.id, json.dumps({"title": "Secret, revised"})),
        )
        with ThreadPoolExecutor(1) as pool:
            erasing = pool.submit(
                admin.get, f"/admin/user/action/erase?pks={alice.id}&confirm=alice@example.com"
            )
            # The erasure waits on the edit's lock (whichever of its statements gets there).
            assert wait_until(
                lambda: (
                    db.execute(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE wait_event_type = 'Lock' AND application_name <> 'editing'"
                    ).fetchone()
                    == (1,)
                ),
                timeout_s=10,
            )
            editing.commit()
            assert erasing.result(timeout=30).status_code == 200
    history = db.execute(
        "SELECT after::text FROM audit_log WHERE subject_user_id = %s", (alice.id,)
    ).fetchall()
    assert history and "Secret" not in str(history)


def test_a_users_page_offers_only_the_change_that_applies(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    create_task(support, alice, title="Anything")
    page = support.get(f"/admin/user/details/{alice.id}").text
    assert "/admin/user/action/deactivate" in page
    assert "/admin/user/action/reactivate" not in page
    support.get(f"/admin/user/action/deactivate?pks={alice.id}")
    page = support.get(f"/admin/user/details/{alice.id}").text
    assert "/admin/user/action/reactivate" in page
    assert "/admin/user/action/deactivate" not in page


def test_the_audit_log_is_in_the_main_menu_and_a_description_is_edited_in_a_box(
    support: TestClient, alice: User
) -> None:
    home = support.get("/admin/").text
    assert re.search(
        r'<li class="nav-item">\s*<a class="nav-link [^"]*" href="[^"]*/audit-log/list"', home
    )
    task = create_task(support, alice, title="Anything")
    form = support.get(f"/admin/task/edit/{task['id']}").text
    assert re.search(r'<textarea[^>]*name="description"', form)


def test_every_action_says_what_it_did_worded_for_how_many(
    admin: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    for who in (alice, bob):
        create_task(admin, who, title="Theirs")
    one = admin.get(f"/admin/user/action/deactivate?pks={alice.id}")
    assert "Deactivated user alice@example.com." in one.text
    both = admin.get(f"/admin/user/action/reactivate?pks={alice.id},{bob.id}")
    assert "Reactivated 2 users." in both.text
    task = create_task(admin, alice, title="Binned plan")
    admin.delete(alice.task_url(task["id"]), headers=alice.headers)
    restored = admin.get(f"/admin/task-trash/action/restore?pks={task['id']}")
    assert "Restored task “Binned plan”." in restored.text
    # Said once: the next page is quiet.
    assert "Restored task" not in admin.get("/admin/task/list").text


def test_times_read_to_the_minute_in_utc_with_the_exact_value_on_hover(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(support, alice, title="Anything")
    (created,) = db.execute("SELECT created_at FROM task WHERE id = %s", (task["id"],)).fetchone()
    minute = created.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    for page in (
        support.get("/admin/task/list").text,
        support.get(f"/admin/task/details/{task['id']}").text,
    ):
        assert f'title="{created.astimezone(UTC).isoformat()}">{minute} UTC</time>' in page
        assert str(created.astimezone(UTC)) not in page, "not Python's repr"


def test_an_audit_entry_shows_each_changed_field_before_and_after_side_by_side(
    admin: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(admin, alice, title="Old title", description="Same")
    admin.post(
        f"/admin/task/edit/{task['id']}",
        data={"title": "New title", "description": "Same", "priority": "1"},
    )
    (entry_id,) = db.execute(
        "SELECT id FROM audit_log WHERE action = 'update' AND object_id = %s", (task["id"],)
    ).fetchone()
    listed = admin.get("/admin/audit-log/list").text
    assert re.search(r"<td[^>]*>\s*title\s*</td>", listed), "the list names the changed field"
    page = admin.get(f"/admin/audit-log/details/{entry_id}").text
    rows = re.findall(
        r"<tr>\s*<td>([^<]+)</td>\s*<td><pre[^>]*>([^<]*)</pre></td>\s*<td><pre[^>]*>([^<]*)</pre></td>",
        page,
    )
    assert ("title", "Old title", "New title") in rows
    assert all(name != "description" for name, _, _ in rows), "unchanged fields are left out"


def test_lists_show_ids_shortened_with_the_whole_on_hover_and_pages_whole(
    support: TestClient, alice: User
) -> None:
    task = create_task(support, alice, title="Anything")
    listed = support.get("/admin/task/list").text
    assert f'<span title="{task["id"]}">{task["id"][:8]}…</span>' in listed
    assert f">{task['id']}<" not in listed
    page = support.get(f"/admin/task/details/{task['id']}").text
    assert f"{task['id']} " in page or f">{task['id']}<" in page
