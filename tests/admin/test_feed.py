"""The back office's writes reach API clients through the change feed: edits, deletions and
restores come as changes, and a deactivated user's feed is whole again once reactivated."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.helpers import Replica, User, create_task, server_tasks


def test_back_office_edits_deletes_and_restores_come_through_the_feed(
    make_client: Callable[..., TestClient],
    signed_in: Callable[[str], TestClient],
    alice: User,
) -> None:
    api, staff = make_client(), signed_in("admin")
    edited, deleted = create_task(api, alice, title="edit me"), create_task(api, alice, title="bin")
    replica = Replica(api, alice)
    replica.sync()

    staff.post(
        f"/admin/task/edit/{edited['id']}",
        data={"title": "edited by support", "description": ""},
        follow_redirects=False,
    )
    staff.delete(f"/admin/task/delete?pks={deleted['id']}")
    changes = replica.sync()
    assert [(c["type"], c.get("task", c)["id"]) for c in changes] == [
        ("upsert", edited["id"]),
        ("delete", deleted["id"]),
    ]
    assert replica.tasks[edited["id"]]["title"] == "edited by support"

    staff.get(f"/admin/task-trash/action/restore?pks={deleted['id']}")
    [restored] = replica.sync()
    assert restored["type"] == "upsert" and restored["task"]["id"] == deleted["id"]
    assert replica.tasks == server_tasks(api, alice)


def test_a_deactivated_user_is_refused_then_finds_their_feed_whole_once_reactivated(
    make_client: Callable[..., TestClient],
    signed_in: Callable[[str], TestClient],
    alice: User,
) -> None:
    api, support = make_client(), signed_in("support")
    task = create_task(api, alice, title="before")
    replica = Replica(api, alice)
    replica.sync()

    support.get(f"/admin/user/action/deactivate?pks={alice.id}")
    refused = api.get(f"{alice.tasks_url}/changes", headers=alice.headers)
    assert refused.status_code == 403 and refused.json()["code"] == "user_inactive"
    support.post(
        f"/admin/task/edit/{task['id']}",
        data={"title": "fixed while away", "description": ""},
        follow_redirects=False,
    )
    support.get(f"/admin/user/action/reactivate?pks={alice.id}")

    [change] = replica.sync()
    assert change["task"]["title"] == "fixed while away"
    assert replica.tasks == server_tasks(api, alice)


def test_a_token_of_a_user_the_back_office_erased_is_invalid_for_the_new_account(
    make_client: Callable[..., TestClient],
    signed_in: Callable[[str], TestClient],
    alice: User,
) -> None:
    api, admin = make_client(), signed_in("admin")
    create_task(api, alice, title="before the erasure")
    replica = Replica(api, alice)
    replica.sync()
    old_token = replica.token

    erased = admin.get(f"/admin/user/action/erase?pks={alice.id}&confirm=alice@example.com")
    assert erased.status_code < 400

    refused = api.get(
        f"{alice.tasks_url}/changes", params={"since": old_token}, headers=alice.headers
    )
    assert refused.status_code == 400 and refused.json()["code"] == "invalid_cursor"
    # Starting again from nothing, the new account's copy is empty and stays in step.
    fresh = Replica(api, alice)
    assert fresh.sync() == []
    create_task(api, alice, title="after")
    assert [c["task"]["title"] for c in fresh.sync()] == ["after"]
