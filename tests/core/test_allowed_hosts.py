"""ALLOWED_HOSTS: with it set, a request for any other host gets the envelope's 400 first."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from backend.core.allowed_hosts import host_name
from tests.helpers import Staff, User

HOSTS = "tasks.example.com,*.staff.example.com"


@pytest.fixture
def guarded(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(allowed_hosts=HOSTS)


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Tasks.Example.COM", "tasks.example.com"),
        ("tasks.example.com:8443", "tasks.example.com"),
        ("[::1]:8000", "[::1]"),
        ("[::1]", "[::1]"),
        ("127.0.0.1:8000", "127.0.0.1"),
        ("", ""),
    ],
)
def test_the_host_name_is_read_without_port_or_case(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize(
    "host", ["tasks.example.com", "TASKS.example.com:443", "eu.staff.example.com"]
)
def test_an_allowed_host_is_answered(guarded: TestClient, alice: User, host: str) -> None:
    response = guarded.get(alice.tasks_url, headers={**alice.headers, "Host": host})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "host", ["evil.example", "tasks.example.com.evil.example", "staff.example.com", ""]
)
def test_another_host_gets_400_before_authentication(guarded: TestClient, host: str) -> None:
    # No token: an allowed host would get 401; any other gets 400 first.
    response = guarded.get(
        "/api/00000000-0000-0000-0000-000000000000/tasks", headers={"Host": host}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    assert response.headers["x-request-id"]


def test_sign_in_never_redirects_to_another_host(
    guarded: TestClient, make_staff: Callable[..., Staff]
) -> None:
    staff = make_staff("support")
    form = {"username": staff.email, "password": staff.password}
    refused = guarded.post(
        "/admin/login", data=form, headers={"Host": "evil.example"}, follow_redirects=False
    )
    assert refused.status_code == 400 and "evil.example" not in refused.headers.get("location", "")
    signed_in = guarded.post(
        "/admin/login", data=form, headers={"Host": "tasks.example.com"}, follow_redirects=False
    )
    assert signed_in.status_code == 302
    assert signed_in.headers["location"].startswith("http://tasks.example.com/admin")


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics"])
def test_probes_and_scrapes_by_pod_address_are_answered(guarded: TestClient, path: str) -> None:
    assert guarded.get(path, headers={"Host": "10.1.2.3:8000"}).status_code == 200


def test_unset_any_host_is_answered(client: TestClient, alice: User) -> None:
    response = client.get(alice.tasks_url, headers={**alice.headers, "Host": "evil.example"})
    assert response.status_code == 200
