"""Back-office fixtures: staff accounts stored as `create-staff` stores them, and signed-in clients."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.staff import new_staff_user

STAFF_PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Staff:
    id: uuid.UUID
    email: str
    role: str
    password: str = STAFF_PASSWORD


def sign_in(
    client: TestClient | httpx.Client, staff: Staff, password: str | None = None
) -> httpx.Response:
    return client.post(
        "/admin/login",
        data={"username": staff.email, "password": password or staff.password},
        follow_redirects=False,
    )


@pytest.fixture
def make_staff(db: psycopg.Connection) -> Callable[..., Staff]:
    def build(role: str = "support", *, email: str | None = None, active: bool = True) -> Staff:
        staff = new_staff_user(
            email=email or f"{role}-{uuid.uuid4().hex[:8]}@example.com",
            role=role,
            password=STAFF_PASSWORD,
        )
        db.execute(
            "INSERT INTO staff_user (id, email, password_hash, role, is_active, created_at)"
            " VALUES (%s, %s, %s, %s, %s, now())",
            (staff.id, staff.email, staff.password_hash, staff.role, active),
        )
        return Staff(id=staff.id, email=staff.email, role=staff.role)

    return build


@pytest.fixture
def signed_in(
    make_client: Callable[..., TestClient], make_staff: Callable[..., Staff]
) -> Callable[[str], TestClient]:
    """A client signed in as a new staff member of the given role."""

    def build(role: str) -> TestClient:
        client = make_client()
        response = sign_in(client, make_staff(role))
        assert response.status_code == 302, response.text
        return client

    return build


@pytest.fixture
def support(signed_in: Callable[[str], TestClient]) -> TestClient:
    return signed_in("support")


@pytest.fixture
def admin(signed_in: Callable[[str], TestClient]) -> TestClient:
    return signed_in("admin")
