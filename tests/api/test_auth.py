"""Authentication and the user checks: every bad token is a 401 with the right code, first."""

from __future__ import annotations

import base64
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.helpers import TEST_SECRET, User, create_task, make_token


def _assert_401(response: httpx.Response, code: str) -> None:
    assert response.status_code == 401, response.text
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert response.headers["WWW-Authenticate"] == "Bearer"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_missing_authorization_is_not_authenticated(client: TestClient, alice: User) -> None:
    _assert_401(client.get(alice.tasks_url), "not_authenticated")


@pytest.mark.parametrize(
    "header", ["Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "Token abc", "bearer"]
)
def test_non_bearer_authorization_is_not_authenticated(
    client: TestClient, alice: User, header: str
) -> None:
    _assert_401(client.get(alice.tasks_url, headers={"Authorization": header}), "not_authenticated")


def test_bearer_scheme_is_case_insensitive(client: TestClient, alice: User) -> None:
    response = client.get(alice.tasks_url, headers={"Authorization": f"bearer {alice.token}"})
    assert response.status_code == 200


def test_expired_token_is_token_expired(client: TestClient, alice: User) -> None:
    # Past the 30 s leeway.
    token = make_token(alice.id, ttl_s=-120)
    _assert_401(
        client.get(alice.tasks_url, headers={"Authorization": f"Bearer {token}"}), "token_expired"
    )


def test_token_within_leeway_is_accepted(client: TestClient, alice: User) -> None:
    token = make_token(alice.id, ttl_s=-5)
    assert (
        client.get(alice.tasks_url, headers={"Authorization": f"Bearer {token}"}).status_code == 200
    )


def _none_token(user_id: uuid.UUID) -> str:
    return (
        _b64({"alg": "none", "typ": "JWT"}) + "." + _b64({"sub": str(user_id), "exp": 2**31}) + "."
    )


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda uid: "not-a-jwt", id="malformed"),
        pytest.param(lambda uid: "a.b.c", id="garbage-segments"),
        pytest.param(
            lambda uid: make_token(uid, secret="another-secret-that-is-also-long-enough!!"),
            id="wrong-signature",
        ),
        pytest.param(lambda uid: make_token(uid, drop=("exp",)), id="no-exp"),
        pytest.param(lambda uid: make_token(uid, drop=("sub",)), id="no-sub"),
        pytest.param(lambda uid: make_token(uid, sub="not-a-uuid"), id="sub-not-uuid"),
        pytest.param(lambda uid: make_token(uid, sub=12345), id="sub-not-string"),
        pytest.param(_none_token, id="alg-none"),
        pytest.param(lambda uid: make_token(uid, algorithm="HS512"), id="disallowed-algorithm"),
        pytest.param(lambda uid: make_token(uid)[:-3] + "abc", id="tampered-signature"),
        pytest.param(lambda uid: make_token(uid, exp="tomorrow"), id="exp-not-number"),
    ],
)
def test_bad_tokens_are_invalid_token(client: TestClient, alice: User, build) -> None:
    token = build(alice.id)
    _assert_401(
        client.get(alice.tasks_url, headers={"Authorization": f"Bearer {token}"}), "invalid_token"
    )


def test_unauthenticated_request_is_401_before_validation(client: TestClient, alice: User) -> None:
    # Every one of these is also invalid in some other way; authentication answers first.
    _assert_401(
        client.post(
            alice.tasks_url, content=b"{not json", headers={"Content-Type": "application/json"}
        ),
        "not_authenticated",
    )
    _assert_401(client.post(alice.tasks_url, json={"title": ""}), "not_authenticated")
    _assert_401(client.get(alice.tasks_url + "?limit=0&sort=bogus"), "not_authenticated")
    _assert_401(client.get("/api/not-a-uuid/tasks/also-not"), "not_authenticated")
    bad = {"Authorization": "Bearer x.y.z"}
    _assert_401(client.put(alice.task_url("nope"), json=[], headers=bad), "invalid_token")


def test_first_request_creates_user_with_claims(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    assert client.get(alice.tasks_url, headers=alice.headers).status_code == 200
    row = db.execute(
        "SELECT email, name, is_active FROM app_user WHERE id = %s", (alice.id,)
    ).fetchone()
    assert row == ("alice@example.com", "Alice", True)


def test_user_without_email_claim_is_created(client: TestClient, db: psycopg.Connection) -> None:
    user = User()
    assert client.get(user.tasks_url, headers=user.headers).status_code == 200
    assert db.execute("SELECT email, name FROM app_user WHERE id = %s", (user.id,)).fetchone() == (
        None,
        None,
    )


def test_concurrent_first_requests_create_one_user(
    live_server: str, db: psycopg.Connection
) -> None:
    user = User(email="racer@example.com")

    def first_request(_: int) -> int:
        return httpx.post(
            live_server + user.tasks_url, json={"title": "race"}, headers=user.headers, timeout=30
        ).status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(first_request, range(32)))

    assert statuses == [201] * 32
    assert db.execute("SELECT count(*) FROM app_user WHERE id = %s", (user.id,)).fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM task WHERE owner_id = %s", (user.id,)).fetchone() == (
        32,
    )


def test_deactivated_user_is_refused_at_once(
    client: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(client, alice)
    db.execute("UPDATE app_user SET is_active = false WHERE id = %s", (alice.id,))

    for method, url in [
        ("GET", alice.tasks_url),
        ("GET", alice.task_url(task["id"])),
        ("DELETE", alice.task_url(task["id"])),
    ]:
        response = client.request(method, url, headers=alice.headers)
        assert response.status_code == 403, (method, url)
        assert response.json()["code"] == "user_inactive"
    response = client.post(alice.tasks_url, json={"title": "x"}, headers=alice.headers)
    assert response.json()["code"] == "user_inactive"
    assert db.execute("SELECT count(*) FROM task").fetchone() == (1,)

    db.execute("UPDATE app_user SET is_active = true WHERE id = %s", (alice.id,))
    assert client.get(alice.tasks_url, headers=alice.headers).status_code == 200


def test_audience_and_issuer_are_required_when_configured(
    make_client, db: psycopg.Connection
) -> None:
    client = make_client(jwt_audience="tasks-api", jwt_issuer="https://idp.example")
    uid = uuid.uuid4()
    url = f"/api/{uid}/tasks"

    def get(**claims: object) -> httpx.Response:
        return client.get(url, headers={"Authorization": f"Bearer {make_token(uid, **claims)}"})

    assert get(aud="tasks-api", iss="https://idp.example").status_code == 200
    _assert_401(get(iss="https://idp.example"), "invalid_token")
    _assert_401(get(aud="tasks-api"), "invalid_token")
    _assert_401(get(aud="other-api", iss="https://idp.example"), "invalid_token")
    _assert_401(get(aud="tasks-api", iss="https://evil.example"), "invalid_token")


def test_algorithms_follow_jwt_algorithms(make_client, db: psycopg.Connection) -> None:
    client = make_client(jwt_algorithms="HS512")
    uid = uuid.uuid4()
    url = f"/api/{uid}/tasks"
    hs512 = make_token(uid, algorithm="HS512")
    hs256 = make_token(uid, algorithm="HS256", secret=TEST_SECRET)
    assert client.get(url, headers={"Authorization": f"Bearer {hs512}"}).status_code == 200
    _assert_401(client.get(url, headers={"Authorization": f"Bearer {hs256}"}), "invalid_token")
