"""The back office under hostile or careless input: malformed keys, other spellings of an id,
spreadsheet formulas in exported cells, and the headers that keep its pages out of frames."""

from __future__ import annotations

import csv
import io
import logging
import uuid
from collections.abc import Callable

import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.admin.page_headers import HEADERS
from backend.admin.user_views import UserAdmin
from tests.helpers import Staff, User, create_task, sign_in

MALFORMED = ["not-a-uuid", "None", "%7Bzzz%7D", "1' OR '1'='1", "0" * 300]


@pytest.mark.parametrize("key", MALFORMED)
@pytest.mark.parametrize("identity", ["task", "task-trash", "user", "staff-user", "audit-log"])
def test_a_malformed_key_in_a_page_is_404_not_500(
    admin: TestClient, identity: str, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    for path in (f"/admin/{identity}/details/{key}", f"/admin/{identity}/edit/{key}"):
        response = admin.get(path, follow_redirects=False)
        # Nobody edits the audit log or the trash: refused before the key is looked at.
        expected = 403 if identity in ("audit-log", "task-trash") and "/edit/" in path else 404
        assert response.status_code == expected, (path, response.status_code)
        assert "Traceback" not in response.text
    assert "after response already completed" not in caplog.text


@pytest.mark.parametrize("key", MALFORMED)
def test_a_malformed_key_in_a_form_post_or_delete_is_refused_and_changes_nothing(
    admin: TestClient,
    alice: User,
    db: psycopg.Connection,
    key: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    task = create_task(admin, alice, title="Keep me")
    caplog.set_level(logging.INFO)
    edit = admin.post(f"/admin/task/edit/{key}", data={"title": "x"}, follow_redirects=False)
    assert edit.status_code == 404
    delete = admin.delete(f"/admin/task/delete?pks={key}")
    assert delete.status_code in (400, 404), delete.status_code
    mixed = admin.delete(f"/admin/task/delete?pks={task['id']},{key}")
    assert mixed.status_code in (400, 404), mixed.status_code
    assert db.execute("SELECT title FROM task").fetchall() == [("Keep me",)]
    assert "after response already completed" not in caplog.text


@pytest.mark.parametrize(
    "path",
    [
        "/admin/task-trash/action/restore?pks=",
        "/admin/task-trash/action/restore?pks=not-a-uuid",
        "/admin/user/action/export?pks=None",
        "/admin/user/action/erase?pks=%7Bzzz%7D",
        "/admin/user/action/erase?pks=" + "0" * 300,
    ],
)
def test_a_malformed_id_in_a_support_action_is_a_400(admin: TestClient, path: str) -> None:
    response = admin.get(path, follow_redirects=False)
    assert response.status_code == 400, response.status_code


def test_an_unknown_id_in_a_support_action_is_a_404(admin: TestClient) -> None:
    unknown = uuid.uuid4()
    for path in (
        f"/admin/task-trash/action/restore?pks={unknown}",
        f"/admin/user/action/export?pks={unknown}",
        f"/admin/user/action/erase?pks={unknown}&confirm=x",
    ):
        assert admin.get(path, follow_redirects=False).status_code == 404, path


@pytest.mark.parametrize(
    "query",
    [
        "search=a%00b",
        "search=%00",
        "action=%00",
        "sortBy=%00",
        "page=-1",
        "page=99999999999999999999",
        "pageSize=abc",
        "created_at_op=gt&created_at_value=notadate",
    ],
)
@pytest.mark.parametrize("identity", ["task", "task-trash", "user", "staff-user", "audit-log"])
def test_hostile_list_parameters_are_never_a_500(
    admin: TestClient, identity: str, query: str
) -> None:
    response = admin.get(f"/admin/{identity}/list?{query}")
    assert response.status_code < 500, response.status_code
    if "%00" in query:
        assert response.status_code == 400 and "NUL" in response.text


def _spellings(value: uuid.UUID) -> list[str]:
    return [str(value).upper(), value.hex, "{" + str(value) + "}", value.urn]


def test_an_admin_cannot_delete_their_own_account_by_another_spelling_of_its_id(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff], db: psycopg.Connection
) -> None:
    me = make_staff("admin")
    client = make_client()
    assert sign_in(client, me).status_code == 302
    for spelling in _spellings(me.id):
        client.delete(f"/admin/staff-user/delete?pks={spelling}")
        assert db.execute("SELECT count(*) FROM staff_user WHERE id = %s", (me.id,)).fetchone() == (
            1,
        ), spelling
        assert client.get("/admin/", follow_redirects=False).status_code == 200


@pytest.mark.parametrize("title", ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
def test_csv_export_neutralises_cells_a_spreadsheet_would_run(
    admin: TestClient, alice: User, title: str
) -> None:
    # The API trims a title's surrounding whitespace: a leading tab or CR reaches the export
    # through the description, which it keeps as sent.
    create_task(admin, alice, title=f"t{title}" if title[0] in "\t\r" else title, description=title)
    response = admin.get("/admin/task/export/csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1
    for cell in rows[0].values():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert title in rows[0]["description"] and rows[0]["description"].startswith("'")


def test_csv_export_keeps_ordinary_cells_as_they_are(admin: TestClient, alice: User) -> None:
    task = create_task(admin, alice, title="Pay the 2 bills", description="a - b")
    rows = list(csv.DictReader(io.StringIO(admin.get("/admin/task/export/csv").text)))
    assert rows[0]["title"] == "Pay the 2 bills" and rows[0]["description"] == "a - b"
    assert rows[0]["id"] == task["id"]


@pytest.mark.parametrize("path", ["/admin/login", "/admin/", "/admin/task/list"])
def test_back_office_pages_may_not_be_framed_and_limit_what_they_load(
    support: TestClient, path: str
) -> None:
    response = support.get(path, follow_redirects=False)
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_public_api_is_not_given_the_back_offices_page_policy(
    client: TestClient, alice: User
) -> None:
    response = client.get(alice.tasks_url, headers=alice.headers)
    assert response.status_code == 200
    assert "content-security-policy" not in response.headers


def test_a_failing_page_is_a_plain_500_with_the_same_security_headers(
    admin: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug, with a secret detail")

    monkeypatch.setattr(UserAdmin, "list", broken)
    response = admin.get("/admin/user/list")
    assert response.status_code == 500
    assert "secret detail" not in response.text and "Traceback" not in response.text
    for name, value in HEADERS:
        assert response.headers[name.decode()] == value.decode()
