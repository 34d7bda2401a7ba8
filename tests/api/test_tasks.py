"""The task routes: create, read, replace, patch, delete, and what a body may and may not set."""

from __future__ import annotations

import uuid
from datetime import datetime

import psycopg
from fastapi.testclient import TestClient

from tests.helpers import User, create_task


def _is_rfc3339_utc(value: str) -> bool:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return (
        value.endswith("Z")
        and parsed.utcoffset() is not None
        and parsed.utcoffset().total_seconds() == 0
    )


def test_post_creates_task_with_location_and_server_fields(client: TestClient, alice: User) -> None:
    response = client.post(alice.tasks_url, json={"title": "Buy milk"}, headers=alice.headers)

    assert response.status_code == 201
    task = response.json()
    assert set(task) == {
        "id",
        "title",
        "description",
        "completed",
        "owner_id",
        "created_at",
        "updated_at",
        "version",
        "completed_at",
        "due_date",
        "due_time",
        "time_zone",
        "due_at",
        "priority",
        "labels",
    }
    assert task["title"] == "Buy milk"
    assert task["version"] == 1 and response.headers["ETag"] == '"1"'
    assert task["description"] is None
    assert task["completed"] is False and task["completed_at"] is None
    assert (task["due_date"], task["due_time"], task["time_zone"], task["due_at"]) == (None,) * 4
    assert (task["priority"], task["labels"]) == (1, [])
    assert task["owner_id"] == str(alice.id)
    assert _is_rfc3339_utc(task["created_at"]) and _is_rfc3339_utc(task["updated_at"])
    assert response.headers["Location"].endswith(f"/api/{alice.id}/tasks/{task['id']}")
    assert client.get(response.headers["Location"], headers=alice.headers).json() == task


def test_post_ignores_server_owned_fields_in_body(client: TestClient, alice: User) -> None:
    forged = {
        "title": "t",
        "id": str(uuid.uuid4()),
        "owner_id": str(uuid.uuid4()),
        "created_at": "2000-01-01T00:00:00Z",
        "updated_at": "2000-01-01T00:00:00Z",
    }
    task = client.post(alice.tasks_url, json=forged, headers=alice.headers).json()

    assert task["id"] != forged["id"]
    assert task["owner_id"] == str(alice.id)
    assert not task["created_at"].startswith("2000")


def test_title_is_trimmed_and_counted_in_code_points(client: TestClient, alice: User) -> None:
    assert create_task(client, alice, title="  padded \n")["title"] == "padded"
    # 255 four-byte characters are 255 code points: allowed; 256 are not.
    assert create_task(client, alice, title="😀" * 255)["title"] == "😀" * 255
    too_long = client.post(alice.tasks_url, json={"title": "😀" * 256}, headers=alice.headers)
    assert too_long.status_code == 422


def test_invalid_bodies_are_422_with_error_list(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    bad_bodies = [
        {},
        {"title": ""},
        {"title": "   "},
        {"title": None},
        {"title": 5},
        {"title": "x" * 256},
        {"title": "ok", "description": "d" * 1001},
        {"title": "ok", "completed": "yes"},
        {"title": "nul\x00byte"},
        {"title": "ok", "description": "nul\x00"},
        ["not", "an", "object"],
    ]
    for body in bad_bodies:
        response = client.post(alice.tasks_url, json=body, headers=alice.headers)
        assert response.status_code == 422, body
        error = response.json()
        assert error["code"] == "validation_error"
        assert error["detail"]
        assert error["errors"] and all({"loc", "msg"} <= set(item) for item in error["errors"])
    assert db.execute("SELECT count(*) FROM task").fetchone() == (0,)


def test_malformed_json_is_422(client: TestClient, alice: User) -> None:
    response = client.post(
        alice.tasks_url,
        content=b'{"title": ',
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"


def test_description_at_limit_is_accepted(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, description="d" * 1000, completed=True)
    assert task["description"] == "d" * 1000
    assert task["completed"] is True


def test_get_returns_task_and_unknown_id_is_404(client: TestClient, alice: User) -> None:
    task = create_task(client, alice)
    assert client.get(alice.task_url(task["id"]), headers=alice.headers).json() == task

    missing = client.get(alice.task_url(uuid.uuid4()), headers=alice.headers)
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Task not found.", "code": "not_found"}


def test_task_id_that_is_not_a_uuid_is_422(client: TestClient, alice: User) -> None:
    response = client.get(alice.task_url("not-a-uuid"), headers=alice.headers)
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"


def test_put_replaces_every_field(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, title="old", description="desc", completed=True)

    response = client.put(alice.task_url(task["id"]), json={"title": "new"}, headers=alice.headers)

    assert response.status_code == 200
    replaced = response.json()
    assert replaced["title"] == "new"
    assert replaced["description"] is None
    assert replaced["completed"] is False
    assert replaced["id"] == task["id"] and replaced["created_at"] == task["created_at"]
    assert replaced["updated_at"] > task["updated_at"]


def test_put_requires_title(client: TestClient, alice: User) -> None:
    task = create_task(client, alice)
    response = client.put(
        alice.task_url(task["id"]), json={"completed": True}, headers=alice.headers
    )
    assert response.status_code == 422


def test_put_ignores_server_owned_fields(client: TestClient, alice: User) -> None:
    task = create_task(client, alice)
    body = {
        "title": "t",
        "id": str(uuid.uuid4()),
        "owner_id": str(uuid.uuid4()),
        "created_at": "2000-01-01T00:00:00Z",
    }
    replaced = client.put(alice.task_url(task["id"]), json=body, headers=alice.headers).json()
    assert (replaced["id"], replaced["owner_id"], replaced["created_at"]) == (
        task["id"],
        task["owner_id"],
        task["created_at"],
    )


def test_patch_leaves_unsent_fields_unchanged(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, title="keep", description="keep too")

    patched = client.patch(
        alice.task_url(task["id"]), json={"completed": True}, headers=alice.headers
    )

    assert patched.status_code == 200
    assert patched.json()["completed"] is True
    assert patched.json()["title"] == "keep"
    assert patched.json()["description"] == "keep too"


def test_patch_null_description_clears_it(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, description="something")
    patched = client.patch(
        alice.task_url(task["id"]), json={"description": None}, headers=alice.headers
    )
    assert patched.json()["description"] is None


def test_patch_null_title_or_completed_is_422(client: TestClient, alice: User) -> None:
    task = create_task(client, alice, title="stays")
    for body in ({"title": None}, {"completed": None}, {"title": " "}):
        response = client.patch(alice.task_url(task["id"]), json=body, headers=alice.headers)
        assert response.status_code == 422, body
        assert response.json()["code"] == "validation_error"
    assert client.get(alice.task_url(task["id"]), headers=alice.headers).json() == task


def test_patch_with_empty_body_changes_nothing(client: TestClient, alice: User) -> None:
    task = create_task(client, alice)
    response = client.patch(alice.task_url(task["id"]), json={}, headers=alice.headers)
    assert response.status_code == 200
    assert response.json() == task


def test_delete_removes_task(client: TestClient, alice: User) -> None:
    task = create_task(client, alice)

    response = client.delete(alice.task_url(task["id"]), headers=alice.headers)

    assert response.status_code == 204
    assert response.content == b""
    assert client.get(alice.task_url(task["id"]), headers=alice.headers).status_code == 404
    assert client.delete(alice.task_url(task["id"]), headers=alice.headers).status_code == 404


def test_body_over_64_kib_is_413_and_stores_nothing(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    body = b'{"title": "big", "description": "' + b"x" * (65 * 1024) + b'"}'
    response = client.post(
        alice.tasks_url, content=body, headers={**alice.headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert db.execute("SELECT count(*) FROM task").fetchone() == (0,)


def test_chunked_body_over_64_kib_is_413(client: TestClient, alice: User) -> None:
    def chunks():
        yield b'{"title": "big", "description": "'
        for _ in range(70):
            yield b"x" * 1024
        yield b'"}'

    response = client.post(
        alice.tasks_url,
        content=chunks(),
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


def test_write_is_durable_once_answered(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(client, alice, title="durable")
    row = db.execute("SELECT title, owner_id FROM task WHERE id = %s", (task["id"],)).fetchone()
    assert row == ("durable", alice.id)
