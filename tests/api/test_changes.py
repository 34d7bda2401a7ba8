"""The change feed (the contract's "Syncing"): a client's copy built from the feed alone equals
the server's tasks, whoever wrote them (the API or the back office), with deletions, paging,
tokens bound to their user, and tokens that expire with the trash."""

from __future__ import annotations

import uuid
from datetime import timedelta

import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.tasks.cursors import CursorCodec
from backend.tasks.feed import SyncToken
from tests.helpers import TEST_SECRET, User, cli_env, create_task, run_cli


def _changes(client: TestClient, user: User, since: str | None = None, **params: object) -> dict:
    query = {**params, **({"since": since} if since is not None else {})}
    response = client.get(f"{user.tasks_url}/changes", params=query, headers=user.headers)
    assert response.status_code == 200, response.text
    return response.json()


def _refused(client: TestClient, user: User, since: str) -> tuple[int, str]:
    response = client.get(
        f"{user.tasks_url}/changes", params={"since": since}, headers=user.headers
    )
    return response.status_code, response.json()["code"]


def test_the_first_sync_from_nothing_is_every_live_task_once_as_it_is_read(
    client: TestClient, alice: User, bob: User
) -> None:
    tasks = [create_task(client, alice, title=f"t{n}") for n in range(3)]
    gone = create_task(client, alice, title="deleted before the sync")
    client.delete(alice.task_url(gone["id"]), headers=alice.headers)
    create_task(client, bob, title="bob's")

    page = _changes(client, alice)

    assert page["more"] is False and isinstance(page["next"], str)
    assert sorted(page["changes"], key=lambda c: c["task"]["title"]) == [
        {
            "type": "upsert",
            "task": client.get(alice.task_url(t["id"]), headers=alice.headers).json(),
        }
        for t in tasks
    ]


def test_a_new_user_starts_with_an_empty_feed_and_a_token_that_works(
    client: TestClient, alice: User
) -> None:
    first = _changes(client, alice)
    assert first["changes"] == [] and first["more"] is False
    task = create_task(client, alice)
    assert _changes(client, alice, first["next"])["changes"] == [{"type": "upsert", "task": task}]


def test_incremental_changes_after_create_patch_put_and_delete(
    client: TestClient, alice: User
) -> None:
    kept = create_task(client, alice, title="kept")
    changed = create_task(client, alice, title="to change")
    deleted = create_task(client, alice, title="to delete")
    token = _changes(client, alice)["next"]
    assert _changes(client, alice, token)["changes"] == []

    created = create_task(client, alice, title="new")
    patched = client.patch(
        alice.task_url(changed["id"]), json={"completed": True}, headers=alice.headers
    ).json()
    replaced = client.put(
        alice.task_url(kept["id"]), json={"title": "replaced"}, headers=alice.headers
    ).json()
    assert client.delete(alice.task_url(deleted["id"]), headers=alice.headers).status_code == 204
    page = _changes(client, alice, token)

    upserts = [c["task"] for c in page["changes"] if c["type"] == "upsert"]
    deletes = [c for c in page["changes"] if c["type"] == "delete"]
    assert upserts == [created, patched, replaced]  # in the order they were written
    assert [(d["id"], set(d)) for d in deletes] == [(deleted["id"], {"type", "id", "deleted_at"})]
    assert deletes[0]["deleted_at"].endswith("Z")
    assert _changes(client, alice, page["next"])["changes"] == []


def test_a_task_changed_three_times_comes_once_in_its_latest_state(
    client: TestClient, alice: User
) -> None:
    task = create_task(client, alice, title="v1")
    token = _changes(client, alice)["next"]
    for title in ("v2", "v3", "v4"):
        client.patch(alice.task_url(task["id"]), json={"title": title}, headers=alice.headers)

    [change] = _changes(client, alice, token)["changes"]
    assert change["task"]["title"] == "v4" and change["task"]["version"] == 4


def test_paging_with_limit_says_more_until_the_feed_is_caught_up(
    client: TestClient, alice: User
) -> None:
    created = {create_task(client, alice, title=f"t{n}")["id"] for n in range(5)}
    seen: list[str] = []
    token, pages = None, []
    while True:
        page = _changes(client, alice, token, limit=2)
        seen += [c["task"]["id"] for c in page["changes"]]
        pages.append((len(page["changes"]), page["more"]))
        token = page["next"]
        if not page["more"]:
            break
    assert pages == [(2, True), (2, True), (1, False)]
    assert sorted(seen) == sorted(created)


@pytest.mark.parametrize("limit", [0, 1001, "x"])
def test_a_limit_outside_1_to_1000_is_a_validation_error(
    client: TestClient, alice: User, limit: object
) -> None:
    response = client.get(f"{alice.tasks_url}/changes?limit={limit}", headers=alice.headers)
    assert response.status_code == 422 and response.json()["code"] == "validation_error"


def test_an_altered_or_another_users_token_is_an_invalid_cursor(
    client: TestClient, alice: User, bob: User
) -> None:
    create_task(client, alice)
    token = _changes(client, alice)["next"]
    altered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")

    assert _refused(client, alice, altered) == (400, "invalid_cursor")
    assert _refused(client, alice, "not a token at all") == (400, "invalid_cursor")
    assert _refused(client, bob, token) == (400, "invalid_cursor")
    # A list cursor is not a sync token either.
    create_task(client, alice)
    cursor = client.get(alice.tasks_url, params={"limit": 1}, headers=alice.headers).json()
    assert _refused(client, alice, cursor["next_cursor"]) == (400, "invalid_cursor")


def test_feed_requests_are_authenticated_and_owned_like_every_other(
    client: TestClient, alice: User, bob: User
) -> None:
    url = f"{alice.tasks_url}/changes"
    assert client.get(url).status_code == 401
    assert client.get(url, headers={"Authorization": "Bearer nope"}).json()["code"] == (
        "invalid_token"
    )
    assert client.get(url, headers=bob.headers).json()["code"] == "forbidden"


def test_a_token_older_than_the_trash_keeps_deletions_is_expired(
    client: TestClient, alice: User
) -> None:
    """The token's clock is moved back, as 30 days of waiting would; one day short still works."""
    create_task(client, alice)
    token = _changes(client, alice)["next"]
    codec = CursorCodec(client.app.state.context.cursor_codec._key)  # type: ignore[attr-defined]
    issued = SyncToken.decode(codec, alice.id, token)

    def aged(days: int) -> str:
        return SyncToken(
            issued.position,
            issued.issued_at - timedelta(days=days),
            issued.account_since,
            issued.floor,
        ).encode(codec, alice.id)

    assert _changes(client, alice, aged(29))["changes"] == []
    assert _refused(client, alice, aged(31)) == (410, "sync_token_expired")


@pytest.mark.slow  # runs the purge command in a subprocess
def test_once_the_trash_is_purged_a_token_from_before_its_deletions_is_expired(
    client: TestClient, alice: User, db: psycopg.Connection, database_url: str, direct_url: str
) -> None:
    """The retention's clock is moved: the deletion is made 31 days old, then purged."""
    old = create_task(client, alice, title="old")
    before = _changes(client, alice)["next"]
    client.delete(alice.task_url(old["id"]), headers=alice.headers)
    after = _changes(client, alice, before)["next"]
    # Moved back as time would: without restamping the row, as a client's write would.
    db.execute("SET session_replication_role = replica")
    db.execute("UPDATE task_trash SET deleted_at = now() - interval '31 days'")
    db.execute("RESET session_replication_role")
    env = cli_env(DATABASE_URL=database_url, DATABASE_DIRECT_URL=direct_url, JWT_SECRET=TEST_SECRET)
    assert "purged 1 " in run_cli("purge-trash", env=env).stdout

    assert _refused(client, alice, before) == (410, "sync_token_expired")
    # A client that had seen the deletion lost nothing: its token goes on.
    assert _changes(client, alice, after)["changes"] == []


def test_an_erased_users_token_is_invalid_for_the_new_account(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    create_task(client, alice)
    token = _changes(client, alice)["next"]
    # What erasure does to the user's rows (the back office's erase also redacts the audit).
    db.execute("DELETE FROM app_user WHERE id = %s", (alice.id,))

    assert _refused(client, alice, token) == (400, "invalid_cursor")
    fresh = _changes(client, alice)
    assert fresh["changes"] == []
    assert _changes(client, alice, fresh["next"])["changes"] == []


def test_the_route_is_documented_as_a_union_a_generated_client_can_follow(
    client: TestClient,
) -> None:
    document = client.get("/openapi.json").json()
    operation = document["paths"]["/api/{user_id}/tasks/changes"]["get"]
    assert operation["operationId"] == "list_changes"
    assert {p["name"] for p in operation["parameters"]} >= {"user_id", "since", "limit"}
    assert "410" in operation["responses"]
    schemas = document["components"]["schemas"]
    change = schemas["Changes"]["properties"]["changes"]["items"]
    assert change["discriminator"]["propertyName"] == "type"
    assert set(change["discriminator"]["mapping"]) == {"upsert", "delete"}
    assert schemas["Changes"]["required"] == ["changes", "next", "more"]


def test_an_unknown_task_id_is_still_404_beside_the_feeds_path(
    client: TestClient, alice: User
) -> None:
    # The feed's path does not shadow a task's: an unknown id is still 404.
    response = client.get(alice.task_url(uuid.uuid4()), headers=alice.headers)
    assert response.status_code == 404


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_the_feed_is_read_only(client: TestClient, alice: User, method: str) -> None:
    response = client.request(method, f"{alice.tasks_url}/changes", headers=alice.headers)
    assert response.status_code == 405 and response.json()["code"] == "method_not_allowed"
    assert response.headers["Allow"] == "GET"


@pytest.mark.parametrize("since", ["é" * 10, "\u2028", "A" * 2048, "%00", "=" * 5])
def test_hostile_tokens_are_an_invalid_cursor_never_a_500(
    client: TestClient, alice: User, since: str
) -> None:
    assert _refused(client, alice, since) == (400, "invalid_cursor")


def test_a_token_over_2048_characters_is_a_validation_error(
    client: TestClient, alice: User
) -> None:
    response = client.get(
        f"{alice.tasks_url}/changes", params={"since": "A" * 2049}, headers=alice.headers
    )
    assert response.status_code == 422 and response.json()["code"] == "validation_error"
