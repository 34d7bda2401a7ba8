"""Signing in to the back office: sessions, wrong passwords, lock-out and sign-out."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import time
from collections.abc import Callable
from datetime import timedelta

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.accounts import staff
from backend.admin import sessions, throttle
from backend.admin.throttle import MAX_CLIENT_FAILURES, MAX_FAILURES
from backend.app import create_app
from tests.helpers import Metrics, Staff, sign_in


def _sign_ins(client: TestClient) -> dict[str, float]:
    return {
        sample.labels["outcome"]: sample.value
        for sample in Metrics(client.get("/metrics").text)["admin_sign_ins"]
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


def test_an_unknown_email_costs_what_a_wrong_password_does() -> None:
    """The hash an unknown email is checked against (written out in the code, not made at
    import) has the parameters every password is hashed with, so it takes as long to check;
    and no password matches it."""
    assert not staff._hasher.check_needs_rehash(staff._DUMMY_HASH)
    assert not staff.verify_password(None, "not a real password, only here to spend the same time")


@pytest.mark.parametrize("email", ["a\x00b", "support\x00@example.com"])
def test_an_email_with_a_nul_is_a_plain_failed_sign_in(client: TestClient, email: str) -> None:
    """PostgreSQL's text cannot hold NUL: before, such an email reached the lock-out's insert
    and was an unauthenticated 500 with a traceback in the log."""
    response = client.post("/admin/login", data={"username": email, "password": "anything at all"})
    assert response.status_code == 400
    assert "Invalid credentials" in response.text
    assert _sign_ins(client)["failure"] == 1


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
    assert db.execute(
        "SELECT count(*) FROM staff_sign_in_throttle WHERE subject LIKE 'email:%'"
    ).fetchone() == (0,)


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


# --- Lock-out by construction, per address, and Argon2 that cannot exhaust the server ---------


@pytest.fixture
def from_address(
    make_settings: Callable[..., object], make_client: Callable[..., TestClient]
) -> Callable[[str], TestClient]:
    """Clients of one app that each come from a client address of the test's choosing."""
    app = create_app(make_settings())  # type: ignore[arg-type]
    return lambda address: make_client(app, client_address=address)


def _burst(app: object, attempts: list[tuple[str, str]], address: str) -> list[httpx.Response]:
    """Every sign-in attempt sent at once, concurrently, to one app in this process."""

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await asyncio.gather(
                *(
                    client.post("/admin/login", data={"username": e, "password": p})
                    for e, p in attempts
                )
            )

    return asyncio.run(run())


def test_a_burst_larger_than_the_thread_pool_checks_at_most_five_passwords(
    make_settings: Callable[..., object],
    make_staff: Callable[..., Staff],
    db: psycopg.Connection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Room for every attempt at once, so only the reservation can hold the burst back.
    monkeypatch.setattr(throttle, "PASSWORD_CHECKS_AT_ONCE", 64)
    monkeypatch.setattr(throttle, "PASSWORD_CHECKS_QUEUED", 64)
    checked: list[str] = []
    real_verify = throttle.verify_password

    def counting_verify(password_hash: str | None, password: str) -> bool:
        checked.append(password)
        time.sleep(0.05)  # long enough that the whole burst is in flight together
        return real_verify(password_hash, password)

    monkeypatch.setattr(throttle, "verify_password", counting_verify)
    staff = make_staff()
    burst = 60  # more than anyio's 40 worker threads
    app = create_app(make_settings())  # type: ignore[arg-type]
    responses = _burst(
        app, [(staff.email, f"wrong guess {n}") for n in range(burst)], "198.51.100.1"
    )
    statuses = sorted(r.status_code for r in responses)
    assert len(checked) == MAX_FAILURES
    assert statuses == [400] * (MAX_FAILURES - 1) + [429] * (burst - MAX_FAILURES + 1)
    assert all(int(r.headers["retry-after"]) > 0 for r in responses if r.status_code == 429)


def test_one_address_cannot_lock_every_staff_member_out(
    from_address: Callable[[str], TestClient], make_staff: Callable[..., Staff]
) -> None:
    attacker, colleague = from_address("203.0.113.9"), from_address("192.0.2.44")
    victims = [make_staff() for _ in range(MAX_CLIENT_FAILURES // (MAX_FAILURES - 1) + 1)]
    tried = 0
    for victim in victims:
        for _ in range(MAX_FAILURES - 1):
            if tried == MAX_CLIENT_FAILURES:
                break
            assert sign_in(attacker, victim, password="a wrong guess").status_code == 400
            tried += 1
    # The address has used its failures: it is refused, whoever it names.
    refused = sign_in(attacker, victims[-1])
    assert refused.status_code == 429
    assert "from this address" in refused.text
    # No email reached its own limit, so every victim still signs in from elsewhere.
    for victim in victims:
        assert sign_in(colleague, victim).status_code == 302


@pytest.mark.parametrize("address", ["127.0.0.1", "::1"])
def test_the_machine_itself_is_not_address_limited_but_emails_still_lock(
    from_address: Callable[[str], TestClient], make_staff: Callable[..., Staff], address: str
) -> None:
    local = from_address(address)
    victims = [make_staff() for _ in range(MAX_CLIENT_FAILURES // (MAX_FAILURES - 1) + 1)]
    for victim in victims:
        for _ in range(MAX_FAILURES - 1):
            assert sign_in(local, victim, password="a wrong guess").status_code == 400
    assert sign_in(local, victims[-1]).status_code == 302
    for _ in range(MAX_FAILURES):
        sign_in(local, victims[0], password="a wrong guess")
    assert sign_in(local, victims[0]).status_code == 429


def test_successful_sign_ins_do_not_use_up_an_address(
    from_address: Callable[[str], TestClient], make_staff: Callable[..., Staff]
) -> None:
    office = from_address("192.0.2.80")
    staff = make_staff()
    for _ in range(MAX_CLIENT_FAILURES + 5):
        assert sign_in(office, staff).status_code == 302


def test_a_full_password_queue_answers_429_busy_without_counting_the_attempt(
    make_settings: Callable[..., object],
    make_staff: Callable[..., Staff],
    db: psycopg.Connection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(throttle, "PASSWORD_CHECKS_AT_ONCE", 1)
    monkeypatch.setattr(throttle, "PASSWORD_CHECKS_QUEUED", 1)
    real_verify = throttle.verify_password

    def slow_verify(password_hash: str | None, password: str) -> bool:
        time.sleep(0.3)
        return real_verify(password_hash, password)

    monkeypatch.setattr(throttle, "verify_password", slow_verify)
    staff = make_staff()
    app = create_app(make_settings())  # type: ignore[arg-type]
    responses = _burst(app, [(staff.email, "wrong guess")] * 4, "198.51.100.2")
    busy = [r for r in responses if r.status_code == 429]
    assert len(busy) == 2, sorted(r.status_code for r in responses)
    assert all("busy" in r.text and int(r.headers["retry-after"]) > 0 for r in busy)
    # Only the two attempts that were checked count against the email.
    assert db.execute(
        "SELECT failures FROM staff_sign_in_throttle WHERE subject = %s", (f"email:{staff.email}",)
    ).fetchone() == (2,)


def test_expired_throttle_rows_are_deleted_as_sign_ins_arrive(
    client: TestClient, make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    db.execute(
        "INSERT INTO staff_sign_in_throttle (subject, failures, first_failure_at)"
        " SELECT 'email:gone' || n || '@example.com', 3, now() - interval '16 minutes'"
        " FROM generate_series(1, 50) AS n"
    )
    db.execute(
        "INSERT INTO staff_sign_in_throttle (subject, failures, first_failure_at, locked_until)"
        " VALUES ('email:still-locked@example.com', 5, now() - interval '20 minutes',"
        " now() + interval '1 minute')"
    )
    sign_in(client, make_staff())
    subjects = {row[0] for row in db.execute("SELECT subject FROM staff_sign_in_throttle")}
    assert not any(subject.startswith("email:gone") for subject in subjects)
    assert "email:still-locked@example.com" in subjects


# --- Sessions that can be ended -------------------------------------------------------------


def _copy_of(client: TestClient, make_client: Callable[..., TestClient]) -> TestClient:
    """Another client (another browser, or a thief) holding the same session cookie."""
    copy = make_client()
    copy.cookies.update(client.cookies)
    return copy


def test_signing_out_ends_every_copy_of_the_session(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    staff = make_staff()
    client = make_client()
    sign_in(client, staff)
    copy = _copy_of(client, make_client)
    assert copy.get("/admin/", follow_redirects=False).status_code == 200
    client.get("/admin/logout", follow_redirects=False)
    assert copy.get("/admin/", follow_redirects=False).status_code == 302
    actions = [row[0] for row in db.execute("SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["sign_in", "sign_out"]


@pytest.mark.parametrize(
    "change",
    [
        {"role": "admin", "is_active": "y"},
        {"role": "support"},  # unchecked: deactivated
        {"role": "support", "is_active": "y", "password": "a brand new long password"},
    ],
    ids=["role-change", "deactivation", "password-change"],
)
def test_a_role_activity_or_password_change_ends_the_staff_members_sessions(
    admin: TestClient,
    make_client: Callable[..., TestClient],
    make_staff: Callable[..., Staff],
    change: dict[str, str],
) -> None:
    staff = make_staff("support")
    theirs = make_client()
    sign_in(theirs, staff)
    assert theirs.get("/admin/task/list", follow_redirects=False).status_code == 200
    response = admin.post(
        f"/admin/staff-user/edit/{staff.id}",
        data={"email": staff.email, **change},
        follow_redirects=False,
    )
    assert response.status_code == 302, response.text
    assert theirs.get("/admin/task/list", follow_redirects=False).status_code == 302


def test_an_edit_that_changes_none_of_those_keeps_the_session(
    admin: TestClient, make_client: Callable[..., TestClient], make_staff: Callable[..., Staff]
) -> None:
    staff = make_staff("support")
    theirs = make_client()
    sign_in(theirs, staff)
    admin.post(
        f"/admin/staff-user/edit/{staff.id}",
        data={"email": staff.email, "role": "support", "is_active": "y"},
    )
    assert theirs.get("/admin/task/list", follow_redirects=False).status_code == 200


def test_changing_your_own_password_keeps_this_session_and_ends_the_others(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff]
) -> None:
    me = make_staff("admin")
    client, other_browser = make_client(), make_client()
    sign_in(client, me)
    sign_in(other_browser, me)
    response = client.post(
        f"/admin/staff-user/edit/{me.id}",
        data={
            "email": me.email,
            "role": "admin",
            "is_active": "y",
            "password": "my own new long password",
        },
        follow_redirects=False,
    )
    assert response.status_code == 302, response.text
    assert client.get("/admin/", follow_redirects=False).status_code == 200
    assert other_browser.get("/admin/", follow_redirects=False).status_code == 302


@pytest.mark.parametrize(
    ("away", "still_in"),
    [
        (sessions.IDLE_TIMEOUT - timedelta(minutes=1), True),
        (sessions.IDLE_TIMEOUT + timedelta(minutes=1), False),
    ],
    ids=["back-in-time", "idle-too-long"],
)
def test_an_idle_session_ends(
    client: TestClient,
    make_staff: Callable[..., Staff],
    db: psycopg.Connection,
    away: timedelta,
    still_in: bool,
) -> None:
    sign_in(client, make_staff())
    db.execute("UPDATE staff_session SET last_seen_at = now() - %s", (away,))
    status = client.get("/admin/", follow_redirects=False).status_code
    assert status == (200 if still_in else 302)


def test_a_busy_session_still_ends_eight_hours_after_signing_in(
    client: TestClient, make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    sign_in(client, make_staff())
    almost = sessions.MAX_AGE - timedelta(minutes=1)
    db.execute("UPDATE staff_session SET created_at = now() - %s", (almost,))
    # A page a minute ago keeps it from idling out...
    assert client.get("/admin/", follow_redirects=False).status_code == 200
    # ...until the eight hours are up.
    over = sessions.MAX_AGE + timedelta(minutes=1)
    db.execute("UPDATE staff_session SET created_at = now() - %s", (over,))
    assert client.get("/admin/", follow_redirects=False).status_code == 302


def test_a_session_is_seen_again_at_most_once_a_minute(
    client: TestClient, make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    sign_in(client, make_staff())
    db.execute("UPDATE staff_session SET last_seen_at = now() - interval '10 minutes'")
    client.get("/admin/")
    (seen,) = db.execute(
        "SELECT now() - last_seen_at < interval '1 minute' FROM staff_session"
    ).fetchone()
    assert seen, "a request after 10 minutes moves last-seen on"
    db.execute("UPDATE staff_session SET last_seen_at = now() - interval '30 seconds'")
    client.get("/admin/")
    (unchanged,) = db.execute(
        "SELECT now() - last_seen_at >= interval '30 seconds' FROM staff_session"
    ).fetchone()
    assert unchanged, "within the minute, no write"


def test_signing_out_ends_that_session_only(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    staff = make_staff()
    laptop, phone = make_client(), make_client()
    sign_in(laptop, staff)
    sign_in(phone, staff)
    laptop.get("/admin/logout", follow_redirects=False)
    assert laptop.get("/admin/", follow_redirects=False).status_code == 302
    assert phone.get("/admin/", follow_redirects=False).status_code == 200
    assert db.execute("SELECT count(*) FROM staff_session").fetchone() == (1,)


def test_the_cookie_carries_a_random_token_and_the_table_only_its_hash(
    client: TestClient, make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    staff = make_staff()
    sign_in(client, staff)
    cookie = client.cookies["taskapi_admin"]
    payload = json.loads(base64.b64decode(cookie.split(".")[0] + "=="))
    assert list(payload) == [sessions.COOKIE_FIELD]
    token = payload[sessions.COOKIE_FIELD]
    [(stored, agent)] = db.execute("SELECT id, user_agent FROM staff_session").fetchall()
    assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in stored
    assert str(staff.id) not in json.dumps(payload)
    assert agent == client.headers["user-agent"]


def test_sign_ins_are_audited_with_the_client_address(
    from_address: Callable[[str], TestClient],
    make_staff: Callable[..., Staff],
    db: psycopg.Connection,
) -> None:
    staff = make_staff()
    sign_in(from_address("192.0.2.10"), staff)
    [(staff_id, action, object_id, after)] = db.execute(
        "SELECT staff_id, action, object_id, after FROM audit_log"
    ).fetchall()
    assert (staff_id, action, object_id) == (staff.id, "sign_in", str(staff.id))
    assert after == {"client_address": "192.0.2.10", "second_factor": "none"}


def test_admins_see_open_sessions_and_end_any(
    admin: TestClient,
    make_client: Callable[..., TestClient],
    make_staff: Callable[..., Staff],
    db: psycopg.Connection,
) -> None:
    staff = make_staff("support")
    laptop, phone = make_client(), make_client()
    sign_in(laptop, staff)
    sign_in(phone, staff)
    db.execute(
        "UPDATE staff_session SET user_agent = 'Phone browser', client_address = '198.51.100.9'"
        " WHERE id = (SELECT id FROM staff_session WHERE staff_id = %s"
        " ORDER BY created_at DESC LIMIT 1)",
        (staff.id,),
    )
    listed = admin.get("/admin/staff-session/list")
    assert listed.status_code == 200
    assert staff.email in listed.text and "Phone browser" in listed.text
    assert "198.51.100.9" in listed.text
    # Support may not see anyone's sessions.
    assert laptop.get("/admin/staff-session/list").status_code == 403

    (phone_session,) = db.execute(
        "SELECT id FROM staff_session WHERE user_agent = 'Phone browser'"
    ).fetchone()
    assert admin.delete(f"/admin/staff-session/delete?pks={phone_session}").status_code == 200
    assert phone.get("/admin/", follow_redirects=False).status_code == 302
    assert laptop.get("/admin/", follow_redirects=False).status_code == 200
    ended = db.execute(
        "SELECT object_type, object_id FROM audit_log WHERE action = 'end_session'"
    ).fetchall()
    assert ended == [("staff_user", str(staff.id))]
    # An ended or timed-out session is not listed as open.
    assert staff.email in admin.get("/admin/staff-session/list").text  # the laptop's
    db.execute(
        "UPDATE staff_session SET last_seen_at = now() - interval '2 hours' WHERE staff_id = %s",
        (staff.id,),
    )
    still_open = admin.get("/admin/staff-session/list", follow_redirects=False)
    assert still_open.status_code == 200 and staff.email not in still_open.text
