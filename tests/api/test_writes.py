"""Writes never lost or doubled: ETags with If-Match / If-None-Match, and Idempotency-Key."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.helpers import ThreadClients, User, create_task


def _create(client: TestClient, user: User, **fields: object) -> httpx.Response:
    response = client.post(user.tasks_url, json={"title": "t", **fields}, headers=user.headers)
    assert response.status_code == 201
    return response


def test_every_task_response_has_an_etag_that_changes_with_the_task(
    client: TestClient, alice: User
) -> None:
    created = _create(client, alice)
    url = alice.task_url(created.json()["id"])
    first = created.headers["ETag"]
    assert client.get(url, headers=alice.headers).headers["ETag"] == first

    patched = client.patch(url, json={"completed": True}, headers=alice.headers)
    assert patched.headers["ETag"] != first
    replaced = client.put(url, json={"title": "again"}, headers=alice.headers)
    assert replaced.headers["ETag"] not in (first, patched.headers["ETag"])
    assert client.get(url, headers=alice.headers).headers["ETag"] == replaced.headers["ETag"]


def test_every_task_body_carries_its_version_the_number_in_its_etag(
    client: TestClient, alice: User
) -> None:
    def version_and_etag(response: httpx.Response) -> tuple[int, str]:
        return response.json()["version"], response.headers["ETag"]

    created = _create(client, alice)
    url = alice.task_url(created.json()["id"])
    assert version_and_etag(created) == (1, '"1"')
    assert version_and_etag(client.get(url, headers=alice.headers)) == (1, '"1"')
    patched = client.patch(url, json={"completed": True}, headers=alice.headers)
    assert version_and_etag(patched) == (2, '"2"')
    replaced = client.put(url, json={"title": "again"}, headers=alice.headers)
    assert version_and_etag(replaced) == (3, '"3"')
    [listed] = client.get(alice.tasks_url, headers=alice.headers).json()["items"]
    assert listed["version"] == 3
    keyed = {**alice.headers, "Idempotency-Key": "versioned"}
    first = client.post(alice.tasks_url, json={"title": "once"}, headers=keyed)
    replay = client.post(alice.tasks_url, json={"title": "once"}, headers=keyed)
    assert version_and_etag(first) == version_and_etag(replay) == (1, '"1"')


def test_if_none_match_with_current_etag_is_304(client: TestClient, alice: User) -> None:
    created = _create(client, alice)
    url = alice.task_url(created.json()["id"])
    etag = created.headers["ETag"]

    not_modified = client.get(url, headers={**alice.headers, "If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified.headers["ETag"] == etag
    assert (
        client.get(
            url, headers={**alice.headers, "If-None-Match": f'"other", W/{etag}'}
        ).status_code
        == 304
    )

    client.patch(url, json={"title": "changed"}, headers=alice.headers)
    modified = client.get(url, headers={**alice.headers, "If-None-Match": etag})
    assert modified.status_code == 200
    assert modified.json()["title"] == "changed"


def test_if_match_with_stale_etag_is_412_and_changes_nothing(
    client: TestClient, alice: User
) -> None:
    created = _create(client, alice, title="v1")
    url = alice.task_url(created.json()["id"])
    stale = created.headers["ETag"]
    current = client.patch(url, json={"title": "v2"}, headers=alice.headers)

    for method, body in [
        ("PUT", {"title": "lost"}),
        ("PATCH", {"title": "lost"}),
        ("DELETE", None),
    ]:
        response = client.request(
            method, url, json=body, headers={**alice.headers, "If-Match": stale}
        )
        assert response.status_code == 412, method
        assert response.json()["code"] == "precondition_failed"
    assert client.get(url, headers=alice.headers).json() == current.json()


def test_if_match_with_current_etag_succeeds(client: TestClient, alice: User) -> None:
    created = _create(client, alice)
    url = alice.task_url(created.json()["id"])
    patched = client.patch(
        url, json={"title": "p"}, headers={**alice.headers, "If-Match": created.headers["ETag"]}
    )
    assert patched.status_code == 200
    replaced = client.put(
        url, json={"title": "r"}, headers={**alice.headers, "If-Match": patched.headers["ETag"]}
    )
    assert replaced.status_code == 200
    assert (
        client.delete(
            url, headers={**alice.headers, "If-Match": f'"0", {replaced.headers["ETag"]}'}
        ).status_code
        == 204
    )


def test_if_match_star_and_weak_tags(client: TestClient, alice: User) -> None:
    created = _create(client, alice)
    url = alice.task_url(created.json()["id"])
    assert (
        client.patch(
            url, json={"title": "a"}, headers={**alice.headers, "If-Match": "*"}
        ).status_code
        == 200
    )
    etag = client.get(url, headers=alice.headers).headers["ETag"]
    # If-Match compares strongly: a weak tag never matches.
    weak = client.patch(
        url, json={"title": "b"}, headers={**alice.headers, "If-Match": f"W/{etag}"}
    )
    assert weak.status_code == 412


def test_malformed_if_match_is_400_and_changes_nothing(client: TestClient, alice: User) -> None:
    created = _create(client, alice, title="same")
    url = alice.task_url(created.json()["id"])
    for header in ("1", "abc", '"1', '"1" "2"'):
        response = client.patch(
            url, json={"title": "x"}, headers={**alice.headers, "If-Match": header}
        )
        assert response.status_code == 400, header
        assert response.json()["code"] == "bad_request"
    assert client.get(url, headers=alice.headers).json() == created.json()


def test_if_match_on_missing_task_is_404(client: TestClient, alice: User) -> None:
    response = client.patch(
        alice.task_url(uuid.uuid4()),
        json={"title": "x"},
        headers={**alice.headers, "If-Match": '"1"'},
    )
    assert response.status_code == 404


def test_concurrent_patches_with_same_if_match_let_exactly_one_win(
    live_server: str, alice: User
) -> None:
    with ThreadClients(base_url=live_server, timeout=30) as http:
        created = http.post(alice.tasks_url, json={"title": "start"}, headers=alice.headers)
        url = alice.task_url(created.json()["id"])
        etag = created.headers["ETag"]

        def patch(n: int) -> int:
            return http.patch(
                url, json={"title": f"writer {n}"}, headers={**alice.headers, "If-Match": etag}
            ).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = sorted(pool.map(patch, range(8)))
    assert statuses == [200] + [412] * 7


def test_concurrent_patches_without_if_match_are_serialised(live_server: str, alice: User) -> None:
    with ThreadClients(base_url=live_server, timeout=30) as http:
        created = http.post(
            alice.tasks_url, json={"title": "start", "description": "d"}, headers=alice.headers
        )
        url = alice.task_url(created.json()["id"])

        def patch(n: int) -> httpx.Response:
            body = {"title": f"title {n}"} if n % 2 else {"description": f"description {n}"}
            return http.patch(url, json=body, headers=alice.headers)

        with ThreadPoolExecutor(max_workers=8) as pool:
            responses = list(pool.map(patch, range(20)))
        final = http.get(url, headers=alice.headers)
    assert all(r.status_code == 200 for r in responses)
    # Each PATCH is applied whole, once: the version counts all 20, and no field was lost.
    assert final.headers["ETag"] == '"21"'
    assert final.json()["title"].startswith("title ") and final.json()["description"].startswith(
        "description "
    )


def test_same_idempotency_key_and_body_answers_the_original(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "order-42"}
    first = client.post(alice.tasks_url, json={"title": "once"}, headers=headers)
    again = client.post(alice.tasks_url, json={"title": "once"}, headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Location"] == first.headers["Location"]
    assert db.execute("SELECT count(*) FROM task").fetchone() == (1,)


def test_deleting_a_task_forgets_the_answer_its_idempotency_key_kept(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    created = {}
    for key in ("kept", "gone"):
        headers = {**alice.headers, "Idempotency-Key": key}
        created[key] = client.post(
            alice.tasks_url, json={"title": f"secret {key}"}, headers=headers
        )
    assert (
        client.delete(
            alice.task_url(created["gone"].json()["id"]), headers=alice.headers
        ).status_code
        == 204
    )
    stored = db.execute("SELECT key, response_body FROM idempotency_key").fetchall()
    # The deleted task's title lives on in the trash only, restorable, not in a key's answer.
    assert [key for key, _ in stored] == ["kept"] and "secret gone" not in str(stored)
    # A late retry of the deleted task's create makes it anew rather than answer a deleted task.
    again = client.post(
        alice.tasks_url,
        json={"title": "secret gone"},
        headers={**alice.headers, "Idempotency-Key": "gone"},
    )
    assert again.status_code == 201 and again.json()["id"] != created["gone"].json()["id"]


def test_same_body_with_other_spacing_is_the_same_request(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "k", "Content-Type": "application/json"}
    first = client.post(
        alice.tasks_url, content=b'{"title":"x","completed":false}', headers=headers
    )
    again = client.post(
        alice.tasks_url, content=b'{ "completed": false,  "title": "x" }', headers=headers
    )
    assert again.json()["id"] == first.json()["id"]
    assert db.execute("SELECT count(*) FROM task").fetchone() == (1,)


def test_same_idempotency_key_with_other_body_is_422(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "order-43"}
    client.post(alice.tasks_url, json={"title": "first"}, headers=headers)
    reused = client.post(alice.tasks_url, json={"title": "second"}, headers=headers)

    assert reused.status_code == 422
    assert reused.json()["code"] == "idempotency_key_reused"
    # Like every 422 of the contract, it names what was wrong.
    assert reused.json()["errors"] == [
        {"loc": ["header", "Idempotency-Key"], "msg": reused.json()["detail"]}
    ]
    assert db.execute("SELECT title FROM task").fetchall() == [("first",)]


def test_idempotency_keys_belong_to_one_user(
    client: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    a = client.post(
        alice.tasks_url,
        json={"title": "same"},
        headers={**alice.headers, "Idempotency-Key": "shared"},
    )
    b = client.post(
        bob.tasks_url, json={"title": "same"}, headers={**bob.headers, "Idempotency-Key": "shared"}
    )
    assert a.json()["id"] != b.json()["id"]
    assert b.json()["owner_id"] == str(bob.id)
    assert db.execute("SELECT count(*) FROM task").fetchone() == (2,)


def test_idempotency_key_expires_after_24_hours(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "old"}
    first = client.post(alice.tasks_url, json={"title": "x"}, headers=headers)
    db.execute("UPDATE idempotency_key SET created_at = created_at - interval '25 hours'")
    later = client.post(alice.tasks_url, json={"title": "y"}, headers=headers)
    assert later.status_code == 201
    assert later.json()["id"] != first.json()["id"]
    assert db.execute("SELECT count(*) FROM task").fetchone() == (2,)


def test_expired_keys_are_deleted_by_the_owners_next_idempotent_post(
    client: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    for user, key in ((alice, "old-1"), (alice, "old-2"), (bob, "bobs")):
        client.post(
            user.tasks_url, json={"title": "x"}, headers={**user.headers, "Idempotency-Key": key}
        )
    client.post(
        alice.tasks_url,
        json={"title": "x"},
        headers={**alice.headers, "Idempotency-Key": "fresh-before"},
    )
    db.execute(
        "UPDATE idempotency_key SET created_at = created_at - interval '25 hours'"
        " WHERE key <> 'fresh-before'"
    )
    client.post(
        alice.tasks_url, json={"title": "y"}, headers={**alice.headers, "Idempotency-Key": "new"}
    )
    keys = {row[0] for row in db.execute("SELECT key FROM idempotency_key").fetchall()}
    # Alice's expired keys are gone; her live ones and Bob's (his own to sweep) stay.
    assert keys == {"fresh-before", "new", "bobs"}


def test_replay_answers_the_original_even_after_the_task_changed(
    client: TestClient, alice: User
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "k1"}
    first = client.post(alice.tasks_url, json={"title": "x"}, headers=headers)
    client.patch(
        alice.task_url(first.json()["id"]), json={"title": "changed"}, headers=alice.headers
    )
    again = client.post(alice.tasks_url, json={"title": "x"}, headers=headers)
    assert again.status_code == 201
    assert again.json() == first.json()


def test_bad_idempotency_keys_are_422(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    for key in ("", "k" * 256, "tab\there", "\u00fcn\u00efcode".encode("latin-1")):
        headers = {**alice.headers, "Idempotency-Key": key}
        response = client.post(alice.tasks_url, json={"title": "x"}, headers=headers)
        assert response.status_code == 422, key
        assert response.json()["code"] == "validation_error"
    assert db.execute("SELECT count(*) FROM task").fetchone() == (0,)
    ok = client.post(
        alice.tasks_url,
        json={"title": "x"},
        headers={**alice.headers, "Idempotency-Key": "k" * 255},
    )
    assert ok.status_code == 201


def test_concurrent_retries_create_one_task(live_server: str, db: psycopg.Connection) -> None:
    user = User()
    headers = {**user.headers, "Idempotency-Key": "retry-storm"}

    def post(_: int) -> httpx.Response:
        return httpx.post(
            live_server + user.tasks_url, json={"title": "once"}, headers=headers, timeout=30
        )

    with ThreadPoolExecutor(max_workers=12) as pool:
        responses = list(pool.map(post, range(24)))

    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["id"] for r in responses}) == 1
    assert db.execute("SELECT count(*) FROM task WHERE owner_id = %s", (user.id,)).fetchone() == (
        1,
    )


def test_failed_request_changes_nothing(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    created = _create(client, alice, title="keep")
    url = alice.task_url(created.json()["id"])
    client.put(url, json={"title": ""}, headers=alice.headers)
    client.patch(url, json={"title": "x", "completed": "nope"}, headers=alice.headers)
    assert client.get(url, headers=alice.headers).json() == created.json()
    assert db.execute("SELECT version FROM task").fetchone() == (1,)


@pytest.mark.parametrize(
    "tag",
    ['"²"', '"' + "9" * 5000 + '"', f'"{2**63}"', '"-1"', '"1", "٣"'],
    ids=["unicode digit", "5000 digits", "past bigint", "negative", "arabic-indic digit"],
)
def test_an_if_match_that_no_version_could_have_is_412_never_500(
    client: TestClient, alice: User, tag: str
) -> None:
    task = create_task(client, alice)
    client.patch(alice.task_url(task["id"]), json={"completed": True}, headers=alice.headers)
    for method, body in (("PATCH", {"title": "x"}), ("PUT", {"title": "x"}), ("DELETE", None)):
        response = client.request(
            method,
            alice.task_url(task["id"]),
            json=body,
            headers={**alice.headers, "If-Match": tag.encode()},
        )
        assert response.status_code == 412, (method, response.text)
        assert response.json()["code"] == "precondition_failed"
