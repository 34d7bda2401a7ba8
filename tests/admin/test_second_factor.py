"""A second factor for staff: setting it up, signing in with a code or a recovery code, the
refusals (a wrong code, a code used twice, a used recovery code), the shared lock-out, admins
held to setting it up outside development, and an admin's reset."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import httpx
import psycopg
import pyotp
import pytest
from fastapi.testclient import TestClient

from backend.admin.throttle import MAX_FAILURES
from backend.app import create_app
from backend.core.settings import Settings
from tests.helpers import Staff, sign_in

STRONG = "a-strong-secret-for-production-tests-0123456789"


def _code(secret: str, *, steps_later: int = 0) -> str:
    return pyotp.TOTP(secret).at(time.time() + 30 * steps_later)


def _sign_in(client: TestClient, staff: Staff, code: str = "", password: str | None = None):  # type: ignore[no-untyped-def]
    return client.post(
        "/admin/login",
        data={"username": staff.email, "password": password or staff.password, "code": code},
        follow_redirects=False,
    )


def set_up(client: TestClient) -> tuple[str, list[str]]:
    """Set up the signed-in staff member's second factor as they would: the key from the page,
    a code from it; the key and the recovery codes shown."""
    page = client.get("/admin/two-factor")
    assert page.status_code == 200
    [key] = re.findall(r'<code id="totp-key">([A-Z2-7]+)</code>', page.text)
    assert 'src="data:image/svg+xml' in page.text, "a QR code, made here"
    done = client.post("/admin/two-factor", data={"code": _code(key)})
    assert done.status_code == 200 and "Two-factor sign-in is on" in done.text
    codes = re.findall(r"<li>([0-9a-f]{6}-[0-9a-f]{6})</li>", done.text)
    return key, codes


@pytest.fixture
def deployed(
    make_settings: Callable[..., Settings], make_client: Callable[..., TestClient]
) -> Callable[[], TestClient]:
    """Clients of a production app, over HTTPS (its session cookie is Secure)."""
    app = create_app(
        make_settings(environment="production", jwt_secret=STRONG, admin_secret_key=STRONG)
    )

    def build() -> TestClient:
        client = make_client(app)
        client.base_url = httpx.URL("https://testserver")
        return client

    return build


@pytest.fixture
def enrolled(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff]
) -> tuple[Staff, str, list[str]]:
    staff = make_staff("support")
    client = make_client()
    sign_in(client, staff)
    key, codes = set_up(client)
    return staff, key, codes


def test_setting_it_up_takes_a_code_from_the_app_and_shows_recovery_codes_once(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    staff = make_staff("support")
    client = make_client()
    sign_in(client, staff)
    page = client.get("/admin/two-factor")
    [key] = re.findall(r'<code id="totp-key">([A-Z2-7]+)</code>', page.text)
    wrong = client.post("/admin/two-factor", data={"code": "000000"})
    assert wrong.status_code == 400 and "not right" in wrong.text
    # The same key waits for its code across pages.
    assert key in client.get("/admin/two-factor").text
    key_again, codes = set_up(client)
    assert key_again == key and len(codes) == 10 and len(set(codes)) == 10
    (secret, hashes) = db.execute(
        "SELECT totp_secret, recovery_code_hashes FROM staff_user WHERE id = %s", (staff.id,)
    ).fetchone()
    assert secret == key and len(hashes) == 10 and not set(codes) & set(hashes)
    # Shown once: the page now says it is on, with no key and no codes.
    again = client.get("/admin/two-factor").text
    assert "is on" in again and key not in again and codes[0] not in again
    [(_, after)] = db.execute(
        "SELECT before, after FROM audit_log WHERE action = 'set_up_second_factor'"
    ).fetchall()
    assert key not in str(after) and after["totp_secret"] == "[redacted]"


def test_sign_in_then_takes_a_code_and_never_the_same_one_twice(
    enrolled: tuple[Staff, str, list[str]], make_client: Callable[..., TestClient]
) -> None:
    staff, key, _ = enrolled
    assert _sign_in(make_client(), staff).status_code == 400, "a password alone is not enough"
    assert _sign_in(make_client(), staff, "123456").status_code == 400
    code = _code(key, steps_later=1)  # within the window: clocks drift
    assert _sign_in(make_client(), staff, code).status_code == 302
    assert _sign_in(make_client(), staff, code).status_code == 400, "used already"
    assert _sign_in(make_client(), staff, _code(key, steps_later=-1)).status_code == 400, (
        "an earlier step than one already used"
    )
    assert _sign_in(make_client(), staff, _code(key, steps_later=3)).status_code == 400


def test_a_recovery_code_signs_in_once(
    enrolled: tuple[Staff, str, list[str]],
    make_client: Callable[..., TestClient],
    db: psycopg.Connection,
) -> None:
    staff, _, codes = enrolled
    client = make_client()
    assert _sign_in(client, staff, codes[3].upper()).status_code == 302
    assert client.get("/admin/", follow_redirects=False).status_code == 200
    assert _sign_in(make_client(), staff, codes[3]).status_code == 400
    (left,) = db.execute(
        "SELECT cardinality(recovery_code_hashes) FROM staff_user WHERE id = %s", (staff.id,)
    ).fetchone()
    assert left == 9
    audited = db.execute(
        "SELECT after->>'second_factor' FROM audit_log WHERE action = 'sign_in' ORDER BY id"
    ).fetchall()
    assert [row[0] for row in audited] == ["none", "recovery_code"]


def test_wrong_codes_count_towards_the_password_lock_out(
    enrolled: tuple[Staff, str, list[str]], make_client: Callable[..., TestClient]
) -> None:
    staff, key, _ = enrolled
    for _ in range(MAX_FAILURES - 1):
        assert _sign_in(make_client(), staff, "000000").status_code == 400
    # The attempt that reaches the limit locks the email, right code or not after it.
    assert _sign_in(make_client(), staff, "000000").status_code == 429
    locked = _sign_in(make_client(), staff, _code(key, steps_later=1))
    assert locked.status_code == 429 and "retry-after" in locked.headers


def test_outside_development_an_admin_can_only_set_it_up_until_it_is_done(
    deployed: Callable[[], TestClient], make_staff: Callable[..., Staff]
) -> None:
    admin = make_staff("admin")
    client = deployed()
    assert sign_in(client, admin).status_code == 302
    for path in ("/admin/", "/admin/user/list", "/admin/staff-user/list"):
        held = client.get(path, follow_redirects=False)
        assert held.status_code == 302 and held.headers["location"].endswith("/admin/two-factor")
    set_up(client)
    assert client.get("/admin/staff-user/list", follow_redirects=False).status_code == 200


def test_in_development_and_for_support_it_is_a_choice(
    make_client: Callable[..., TestClient],
    make_staff: Callable[..., Staff],
    deployed: Callable[[], TestClient],
) -> None:
    for client, staff in (
        (make_client(), make_staff("admin")),
        (deployed(), make_staff("support")),
    ):
        sign_in(client, staff)
        assert client.get("/admin/task/list", follow_redirects=False).status_code == 200


def test_an_admin_resets_anothers_second_factor_audited_and_their_sessions_end(
    enrolled: tuple[Staff, str, list[str]],
    admin: TestClient,
    make_client: Callable[..., TestClient],
    db: psycopg.Connection,
) -> None:
    staff, key, _ = enrolled
    theirs = make_client()
    assert _sign_in(theirs, staff, _code(key, steps_later=1)).status_code == 302
    reset = admin.get(
        f"/admin/staff-user/action/reset-second-factor?pks={staff.id}", follow_redirects=False
    )
    assert reset.status_code == 302
    assert theirs.get("/admin/", follow_redirects=False).status_code == 302
    assert _sign_in(make_client(), staff).status_code == 302, "the password alone again"
    [(object_id, after)] = db.execute(
        "SELECT object_id, after FROM audit_log WHERE action = 'reset_second_factor'"
    ).fetchall()
    assert object_id == str(staff.id) and after["totp_secret"] == "[redacted]"
    # Support may not reset anyone's.
    support = make_client()
    sign_in(support, staff)
    refused = support.get(f"/admin/staff-user/action/reset-second-factor?pks={staff.id}")
    assert refused.status_code == 403


def test_the_sign_in_page_asks_for_an_email_and_keeps_it_after_a_wrong_password(
    client: TestClient, make_staff: Callable[..., Staff]
) -> None:
    staff = make_staff()
    page = client.get("/admin/login").text
    assert 'type="email"' in page and ">Email<" in page and 'name="code"' in page
    refused = _sign_in(client, staff, password="not the password")
    assert refused.status_code == 400
    assert f'value="{staff.email}"' in refused.text
