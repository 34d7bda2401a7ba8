"""Cross-site request forgery: requests from other sites that would change something are refused."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.helpers import User, create_task


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
        # A browser too old to send Sec-Fetch-Site still names the page's origin.
        {"Origin": "https://evil.example"},
    ],
)
def test_a_cross_site_form_post_is_refused_and_changes_nothing(
    support: TestClient, alice: User, headers: dict[str, str]
) -> None:
    task = create_task(support, alice, title="Stays")
    response = support.post(
        f"/admin/task/edit/{task['id']}", data={"title": "Forged"}, headers=headers
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert support.get(alice.task_url(task["id"]), headers=alice.headers).json()["title"] == "Stays"


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_link_from_another_site_cannot_run_an_action(
    support: TestClient, alice: User, site: str
) -> None:
    create_task(support, alice)
    response = support.get(
        f"/admin/user/action/deactivate?pks={alice.id}", headers={"Sec-Fetch-Site": site}
    )
    assert response.status_code == 403
    assert support.get(alice.tasks_url, headers=alice.headers).status_code == 200


def test_a_cross_site_sign_out_is_refused(support: TestClient) -> None:
    response = support.get("/admin/logout", headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert support.get("/admin/", follow_redirects=False).status_code == 200


def test_same_origin_requests_go_through(support: TestClient, alice: User) -> None:
    task = create_task(support, alice)
    response = support.post(
        f"/admin/task/edit/{task['id']}",
        data={"title": "Edited"},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert response.status_code == 302


def test_reading_pages_from_a_link_elsewhere_is_allowed(support: TestClient) -> None:
    # A ticket linking to a page only reads; the Strict cookie makes the browser sign in again.
    assert (
        support.get("/admin/task/list", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 200
    )
