"""Ownership, route by route: a user reaches only their own tasks, and every API route checks
it before anything else. The one place that lists the API's routes for this."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from backend.api.owner import OwnerRoute
from tests.helpers import User, create_task, served_routes

# Each task route, as a call by `user` on the task `task_id`: method, URL and body.
Call = tuple[str, str, dict[str, object] | None]
ROUTES: dict[str, Callable[[User, str], Call]] = {
    "list": lambda user, task_id: ("GET", user.tasks_url, None),
    "create": lambda user, task_id: ("POST", user.tasks_url, {"title": "x"}),
    "get": lambda user, task_id: ("GET", user.task_url(task_id), None),
    "replace": lambda user, task_id: ("PUT", user.task_url(task_id), {"title": "x"}),
    "patch": lambda user, task_id: ("PATCH", user.task_url(task_id), {"title": "x"}),
    "delete": lambda user, task_id: ("DELETE", user.task_url(task_id), None),
    "changes": lambda user, task_id: ("GET", f"{user.tasks_url}/changes", None),
}
ONE_TASK_ROUTES = ["get", "replace", "patch", "delete"]


@pytest.mark.parametrize("route", ROUTES)
def test_ownership_matrix(client: TestClient, alice: User, bob: User, route: str) -> None:
    """No token 401, another user's path 403, another user's task 404, the owner 2xx."""
    task_id = create_task(client, alice, title="mine")["id"]
    method, url, body = ROUTES[route](alice, task_id)

    assert client.request(method, url, json=body).status_code == 401
    assert client.request(method, url, json=body, headers=bob.headers).status_code == 403
    assert client.request(method, url, json=body, headers=alice.headers).status_code in (
        200,
        201,
        204,
    )


@pytest.mark.parametrize("route", ONE_TASK_ROUTES)
def test_another_users_task_is_404_and_left_as_it_was(
    client: TestClient, alice: User, bob: User, route: str
) -> None:
    """Bob asking for Alice's task by its id, on his own path: the same 404 as no such task."""
    task = create_task(client, alice, title="private")
    method, url, body = ROUTES[route](bob, task["id"])
    response = client.request(method, url, json=body, headers=bob.headers)
    assert response.status_code == 404
    assert response.json() == {"detail": "Task not found.", "code": "not_found"}
    assert client.get(alice.task_url(task["id"]), headers=alice.headers).json() == task


@pytest.mark.parametrize("route", ONE_TASK_ROUTES)
def test_missing_task_is_404(client: TestClient, alice: User, route: str) -> None:
    method, url, body = ROUTES[route](alice, str(uuid.uuid4()))
    response = client.request(method, url, json=body, headers=alice.headers)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_path_user_other_than_sub_is_forbidden(client: TestClient, alice: User, bob: User) -> None:
    for url in (bob.tasks_url, bob.task_url(uuid.uuid4()), "/api/not-a-uuid/tasks"):
        response = client.get(url, headers=alice.headers)
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"


def test_forbidden_comes_before_validation(client: TestClient, alice: User, bob: User) -> None:
    response = client.post(bob.tasks_url, json={"title": ""}, headers=alice.headers)
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_every_api_route_checks_ownership_first(client: TestClient) -> None:
    """Every route the app serves under /api/ is an OwnerRoute: a new task route that skips
    the owner check fails here by itself, however many routes there are."""
    api_routes = [
        route
        for route in served_routes(client.app.routes)
        if isinstance(route, APIRoute) and route.path.startswith("/api/")
    ]
    unchecked = [
        f"{sorted(route.methods)} {route.path_format}"
        for route in api_routes
        if not isinstance(route, OwnerRoute)
    ]
    assert unchecked == []
    assert all(route.path.startswith("/api/{user_id}/") for route in api_routes)
    # Whatever the walk found, it found every operation the API documents, and this file's
    # matrix covers every one of them.
    walked = {
        (route.path_format, method.lower()) for route in api_routes for method in route.methods
    }
    documented = {
        (path, method)
        for path, operations in client.app.openapi()["paths"].items()
        if path.startswith("/api/")
        for method in operations
    }
    assert documented and documented <= walked
    user, task_id = User(), "{task_id}"
    in_matrix = {
        (url.replace(str(user.id), "{user_id}"), method.lower())
        for method, url, _ in (call(user, task_id) for call in ROUTES.values())
    }
    assert in_matrix == documented
