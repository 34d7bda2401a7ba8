"""Signing in to the back office: sessions, wrong passwords, lock-out and sign-out."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from backend.admin.auth import MAX_FAILURES
from tests.helpers import Staff, sign_in


def _sign_ins(client: TestClient) -> dict[str, float]:
    text = client.get("/metrics").text
    return {
        sample.labels["outcome"]: sample.value
        for family in text_string_to_metric_families(text)
        if family.name == "admin_sign_ins"
        for sample in family.samples
        if sample.name == "admin_sign_ins_total"
    }


@pytest.mark.parametrize("path", ["/admin/", "/admin/task/list", "/admin/user/action/deactivate"])
def test_signed_out_requests_are_sent_to_the_sign_in_page(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"].endswith("/admin/login")


def test_sign_in_with_the_right_password_opens_the_back_office(
    client: TestClient, make_staff: Callable[..., Staff]
) -> None:
    response = sign_in(client, make_staff("support"))
    assert response.status_code == 302
    assert client.get("/admin/", follow_redirects=False).status_code == 200
    assert _sign_ins(client)["success"] == 1


def test_session_cookie_is_http_only_strict_scoped_and_expiring(
    client: TestClient, make_staff: Callable[..., Staff]
) -> None:
    cookie = sign_in(client, make_staff()).headers["set-cookie"]
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert "httponly" in attributes
    assert "samesite=strict" in cookie.lower()
    assert "path=/admin" in cookie.lower()
    assert "max-age" in attributes
    # Development serves plain HTTP on loopback; the Secure flag is for everywhere else.
    assert "secure" not in attributes


def test_session_cookie_is_secure_outside_development(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff]
) -> None:
    client = make_client(environment="production", base_url="https://testserver")
    cookie = sign_in(client, make_staff()).headers["set-cookie"]
    assert "secure" in {part.strip().lower() for part in cookie.split(";")}


def test_wrong_password_is_refused_without_a_session(
    client: TestClient, make_staff: Callable[..., Staff]
) -> None:
    response = sign_in(client, make_staff(), password="not the password at all")
    assert response.status_code == 400
    assert "Invalid credentials" in response.text
    assert "set-cookie" not in response.headers
    assert client.get("/admin/", follow_redirects=False).status_code == 302
    assert _sign_ins(client)["failure"] == 1


def test_unknown_email_gets_the_same_answer_as_a_wrong_password(client: TestClient) -> None:
    nobody = Staff(id=None, email="nobody@example.com", role="support")  # type: ignore[arg-type]
    response = sign_in(client, nobody)
    assert response.status_code == 400
    assert "Invalid credentials" in response.text


def test_inactive_staff_cannot_sign_in(
    client: TestClient, make_staff: Callable[..., Staff]
) -> None:
    response = sign_in(client, make_staff(active=False))
    assert response.status_code == 400
    assert client.get("/admin/", follow_redirects=False).status_code == 302


def test_staff_deactivated_while_signed_in_loses_access_at_once(
    client: TestClient, make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    staff = make_staff()
    sign_in(client, staff)
    db.execute("UPDATE staff_user SET is_active = false WHERE id = %s", (staff.id,))
    response = client.get("/admin/task/list", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"].endswith("/admin/login")


def test_repeated_failures_lock_the_email_even_for_the_right_password(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    staff = make_staff()
    first = make_client()
    for _ in range(MAX_FAILURES - 1):
        assert sign_in(first, staff, password="wrong password, again").status_code == 400
    locked = sign_in(first, staff, password="wrong password, again")
    assert locked.status_code == 429
    assert int(locked.headers["retry-after"]) > 0
    # Another app instance (another worker or replica) sees the same lock: it is in PostgreSQL.
    second = make_client()
    refused = sign_in(second, staff)
    assert refused.status_code == 429
    assert "set-cookie" not in refused.headers
    assert _sign_ins(second)["locked"] == 1
    # Once the lock has passed, the right password works again and clears the count.
    db.execute("UPDATE staff_sign_in_throttle SET locked_until = now() - interval '1 second'")
    assert sign_in(second, staff).status_code == 302
    assert db.execute("SELECT count(*) FROM staff_sign_in_throttle").fetchone() == (0,)


def test_failures_for_one_email_do_not_lock_another(
    client: TestClient, make_staff: Callable[..., Staff]
) -> None:
    target, bystander = make_staff(), make_staff()
    for _ in range(MAX_FAILURES):
        sign_in(client, target, password="wrong password, again")
    assert sign_in(client, bystander).status_code == 302


def test_sign_out_ends_the_session(client: TestClient, make_staff: Callable[..., Staff]) -> None:
    sign_in(client, make_staff())
    response = client.get("/admin/logout", follow_redirects=False)
    assert response.status_code == 302
    assert client.get("/admin/", follow_redirects=False).status_code == 302


def test_sign_in_records_the_time(
    client: TestClient, make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    staff = make_staff()
    sign_in(client, staff)
    (last_login_at,) = db.execute(
        "SELECT last_login_at FROM staff_user WHERE id = %s", (staff.id,)
    ).fetchone()
    assert last_login_at is not None
