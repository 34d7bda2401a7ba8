"""The back office's home page: the search that goes straight to what it finds, the figures
and the latest audit entries."""

from __future__ import annotations

import re

import psycopg
from fastapi.testclient import TestClient

from tests.helpers import User, create_task


def _figure(page: str, label: str) -> str:
    found = re.search(rf'data-figure="{label}">\s*(?:<a [^>]*>)?\s*([\d,+]+)', page)
    assert found, label
    return found[1]


def test_the_home_page_shows_the_figures_and_the_latest_entries(
    support: TestClient, admin: TestClient, alice: User, bob: User, db: psycopg.Connection
) -> None:
    create_task(support, alice, title="One")
    binned = create_task(support, bob, title="Two")
    support.delete(bob.task_url(binned["id"]), headers=bob.headers)
    support.get(f"/admin/user/action/deactivate?pks={bob.id}")
    db.execute(
        "INSERT INTO staff_sign_in_throttle (subject, failures, first_failure_at, locked_until)"
        " VALUES ('email:x@example.com', 5, now(), now() + interval '5 minutes'),"
        " ('email:y@example.com', 5, now(), now() - interval '1 minute')"
    )
    page = support.get("/admin/")
    assert page.status_code == 200
    assert _figure(page.text, "Users") == "2"
    assert _figure(page.text, "Deactivated users") == "1"
    assert _figure(page.text, "Tasks") == "1"
    assert _figure(page.text, "Tasks in the trash") == "1"
    assert _figure(page.text, "Sign-ins locked out now") == "1"
    (entry_id,) = db.execute("SELECT max(id) FROM audit_log WHERE action = 'deactivate'").fetchone()
    assert f"/admin/audit-log/details/{entry_id}" in page.text


def test_the_search_finds_a_user_by_email_or_id_and_a_task_by_id_or_title(
    support: TestClient, alice: User, db: psycopg.Connection
) -> None:
    task = create_task(support, alice, title="Renew the passport")
    binned = create_task(support, alice, title="Old")
    support.delete(alice.task_url(binned["id"]), headers=alice.headers)

    def found(term: str) -> str:
        answer = support.get("/admin/", params={"q": term}, follow_redirects=False)
        assert answer.status_code == 302
        return answer.headers["location"]

    assert found(" Alice@Example.com ").endswith(f"/admin/user/details/{alice.id}")
    assert found(str(alice.id)).endswith(f"/admin/user/details/{alice.id}")
    assert found(task["id"].upper()).endswith(f"/admin/task/details/{task['id']}")
    assert found(binned["id"]).endswith(f"/admin/task-trash/details/{binned['id']}")
    by_title = found("passport")
    assert "/admin/task/list" in by_title and "search=passport" in by_title
    listed = support.get(by_title).text
    assert "Renew the passport" in listed
    assert "/admin/user/list" in found("nobody@example.com")
