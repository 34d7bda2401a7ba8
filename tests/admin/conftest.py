"""Back-office fixtures: clients signed in as staff of each role."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.helpers import Staff, sign_in


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
