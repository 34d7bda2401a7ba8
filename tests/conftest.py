"""Shared fixtures: a real PostgreSQL (embedded, or TEST_DATABASE_URL), apps, clients, tokens.

Each test starts from empty tables; none depends on another's leftovers or on order.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backend import schema
from backend.app import create_app
from backend.embedded_db import EmbeddedDatabase
from backend.settings import Settings, driver_url
from tests.helpers import REPO_ROOT, TEST_SECRET, User, free_port, libpq, wait_for_http


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A migrated database for the whole run, as a plain libpq URL."""
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        schema.upgrade(driver_url(os.environ.get("TEST_DATABASE_DIRECT_URL", given)))
        yield given
        return
    root = Path(tempfile.mkdtemp(prefix="taskapi-test-"))
    cluster = EmbeddedDatabase(root, server_settings={"fsync": "off", "full_page_writes": "off"})
    url = cluster.start()
    schema.upgrade(driver_url(url))
    try:
        yield url
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def direct_url(database_url: str) -> str:
    """The URL that bypasses any pooler: for fixtures that seed or inspect the database."""
    return os.environ.get("TEST_DATABASE_DIRECT_URL", database_url)


@pytest.fixture
def db(direct_url: str) -> Iterator[psycopg.Connection]:
    """An autocommit connection to empty tables, for seeding and checking what was stored."""
    with psycopg.connect(libpq(direct_url), autocommit=True) as conn:
        conn.execute(
            "TRUNCATE app_user, task, idempotency_key, staff_user, staff_sign_in_throttle, audit_log CASCADE"
        )
        yield conn


@pytest.fixture
def make_settings(database_url: str, direct_url: str) -> Callable[..., Settings]:
    def build(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "database_url": database_url,
            "database_direct_url": direct_url,
            "jwt_secret": TEST_SECRET,
            "admin_secret_key": "admin-test-secret-that-is-long-enough-0123456789",
            "environment": "development",
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    return build


@pytest.fixture
def make_client(
    make_settings: Callable[..., Settings], db: psycopg.Connection
) -> Iterator[Callable[..., TestClient]]:
    """Clients for apps built with other settings; each app's lifespan runs and ends."""
    opened: list[TestClient] = []

    def build(app: FastAPI | None = None, **overrides: object) -> TestClient:
        client = TestClient(
            app or create_app(make_settings(**overrides)), raise_server_exceptions=False
        )
        client.__enter__()
        opened.append(client)
        return client

    yield build
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def alice() -> User:
    return User(email="alice@example.com", name="Alice")


@pytest.fixture
def bob() -> User:
    return User(email="bob@example.com")


@pytest.fixture
def live_server(database_url: str, direct_url: str, db: psycopg.Connection) -> Iterator[str]:
    """The platform served by `taskapi serve` in a subprocess, for tests of concurrency."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DATABASE_DIRECT_URL": direct_url,
        "JWT_SECRET": TEST_SECRET,
        "ENVIRONMENT": "development",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "backend.cli", "serve", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(base + "/healthz")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
