"""Shared fixtures: a real PostgreSQL (embedded, or TEST_DATABASE_URL), apps, clients, tokens.

Each test starts from empty tables; none depends on another's leftovers or on order.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import psycopg
import pytest
import sqladmin
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Playwright, sync_playwright
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from backend.accounts.staff import normalise_email
from backend.app import create_app
from backend.core import migrations
from backend.core.embedded_db import APP_ROLE, EmbeddedDatabase
from backend.core.pgbouncer import PgBouncer
from backend.core.settings import Settings, driver_url
from backend.models import StaffUser
from tests.helpers import (
    REPO_ROOT,
    STAFF_PASSWORD,
    TEST_SECRET,
    Staff,
    User,
    free_port,
    libpq,
    wait_for_http,
)
from tests.servers import LiveServer, OwnDatabase


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled back-office templates kept for the whole run: SQLAdmin gives every app its own
    Jinja environment, so each test's app would compile every page it renders again (a quarter
    of an admin test's time). The templates and what they render are unchanged."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


@pytest.fixture(scope="session", autouse=True)
def _templates_compiled_once() -> Iterator[None]:
    compiled = _CompiledTemplates()
    make_templates = sqladmin.Admin.init_templating_engine

    def with_shared_bytecode(admin: sqladmin.Admin) -> Any:
        templates = make_templates(admin)
        templates.env.bytecode_cache = compiled
        return templates

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sqladmin.Admin, "init_templating_engine", with_shared_bytecode)
        yield


@pytest.fixture(scope="session")
def databases() -> Iterator[tuple[str, str]]:
    """The app's URL and the direct URL of a database migrated for the whole run.

    TEST_DATABASE_URL (and TEST_DATABASE_DIRECT_URL, when that one is pooled) name an existing
    server. Otherwise a throwaway embedded cluster, with TEST_PGBOUNCER=1 behind a PgBouncer in
    transaction mode as Neon's pooled endpoint is: the app then goes through PgBouncer while
    migrations and fixtures use the cluster directly.
    """
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        direct = os.environ.get("TEST_DATABASE_DIRECT_URL", given)
        migrations.upgrade(driver_url(direct))
        yield given, direct
        return
    with _throwaway_database("taskapi-test-") as (_, app_url, direct):
        yield app_url, direct


@contextmanager
def _throwaway_database(prefix: str) -> Iterator[tuple[EmbeddedDatabase, str, str]]:
    """A migrated embedded cluster, its app URL and its direct URL; with TEST_PGBOUNCER=1 the
    app URL goes through a PgBouncer in transaction mode, as Neon's pooled endpoint does.

    As in production: migrations (and the tests' own looks at the data) as the owner, on the
    direct URL; the app as a role with only what serving needs, granted by the upgrade."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    cluster = EmbeddedDatabase(root, server_settings={"fsync": "off", "full_page_writes": "off"})
    direct = cluster.start()
    migrations.upgrade(driver_url(direct), serving_role=APP_ROLE)
    app = cluster.app_url()
    bouncer = PgBouncer(root / "pgbouncer", app) if os.environ.get("TEST_PGBOUNCER") else None
    try:
        yield cluster, (bouncer.start() if bouncer else app), direct
    finally:
        if bouncer:
            bouncer.stop()
        cluster.stop()
        # A run's cluster holds a million-row table by the end (the plan tests): gone with it.
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def database_url(databases: tuple[str, str]) -> str:
    """The URL the app connects to (PgBouncer's, in the pooled run)."""
    return databases[0]


@pytest.fixture(scope="session")
def direct_url(databases: tuple[str, str]) -> str:
    """The URL that bypasses any pooler: for fixtures that seed or inspect the database."""
    return databases[1]


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """An empty folder every user may enter, as a checkout usually is (pytest's `tmp_path` is under
    a folder only its user may enter): as root, an embedded cluster in it runs as `nobody`."""
    path = Path(tempfile.mkdtemp(prefix="taskapi-folder-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def own_database() -> Iterator[OwnDatabase]:
    with _throwaway_database("taskapi-own-") as (cluster, app_url, direct):
        yield OwnDatabase(cluster, app_url, direct)


@pytest.fixture
def empty_database(direct_url: str) -> Iterator[str]:
    """A fresh, unmigrated database in the run's cluster (direct URL), dropped afterwards."""
    name = f"empty_{uuid.uuid4().hex[:12]}"
    admin = libpq(direct_url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def unreachable_database_url() -> str:
    """A database URL nothing listens on (a port below the ephemeral range, never handed out);
    its password "pw" must never reach an answer or a log."""
    return f"postgresql://postgres:pw@127.0.0.1:{free_port()}/taskapi"


@pytest.fixture
def db(direct_url: str) -> Iterator[psycopg.Connection]:
    """An autocommit connection to empty tables, for seeding and checking what was stored."""
    with psycopg.connect(libpq(direct_url), autocommit=True) as conn:
        # The audit log refuses TRUNCATE by trigger; as a superuser the fixture may switch
        # triggers off for its own statement (session_replication_role), which no app role can.
        conn.execute("SET session_replication_role = replica")
        conn.execute(f"TRUNCATE {', '.join(SQLModel.metadata.tables)}")
        conn.execute("RESET session_replication_role")
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

    def build(
        app: FastAPI | None = None, *, client_address: str = "testclient", **overrides: object
    ) -> TestClient:
        client = TestClient(
            app or create_app(make_settings(**overrides)),
            raise_server_exceptions=False,
            client=(client_address, 50000),
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


@pytest.fixture(scope="session")
def staff_password_hash() -> str:
    """STAFF_PASSWORD as the platform stores a password (an Argon2 hash, which sign-in checks
    with the parameters it carries), made once and at Argon2's least cost: as Django's tests
    swap in a fast hasher, since at the platform's 64 MiB every fixture account and sign-in
    would cost the suite minutes. create-staff's tests hash at the platform's own cost."""
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(STAFF_PASSWORD)


@pytest.fixture
def make_staff(db: psycopg.Connection, staff_password_hash: str) -> Callable[..., Staff]:
    def build(role: str = "support", *, email: str | None = None, active: bool = True) -> Staff:
        staff = StaffUser(
            email=normalise_email(email or f"{role}-{uuid.uuid4().hex[:8]}@example.com"),
            role=role,
            password_hash=staff_password_hash,
        )
        db.execute(
            "INSERT INTO staff_user (id, email, password_hash, role, is_active, created_at)"
            " VALUES (%s, %s, %s, %s, %s, now())",
            (staff.id, staff.email, staff.password_hash, staff.role, active),
        )
        return Staff(id=staff.id, email=staff.email, role=staff.role)

    return build


@pytest.fixture
def alice() -> User:
    return User(email="alice@example.com", name="Alice")


@pytest.fixture
def bob() -> User:
    return User(email="bob@example.com")


@pytest.fixture
def start_server(
    database_url: str, direct_url: str, db: psycopg.Connection, tmp_path: Path
) -> Iterator[Callable[..., LiveServer]]:
    """Start the platform as users do, with extra `serve` arguments and environment."""
    started: list[LiveServer] = []

    def start(*args: str, **env: str) -> LiveServer:
        port = free_port()
        log_path = tmp_path / f"server-{port}.log"
        environment = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DATABASE_DIRECT_URL": direct_url,
            "JWT_SECRET": TEST_SECRET,
            "ENVIRONMENT": "development",
            **env,
        }
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "backend.cli", "serve", "--port", str(port), *args],
                cwd=REPO_ROOT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        server = LiveServer(url=f"http://127.0.0.1:{port}", process=process, log_path=log_path)
        started.append(server)
        wait_for_http(server.url + "/healthz", process=process)
        return server

    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.terminate()
            server.process.wait(timeout=30)


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def _playwright() -> Iterator[Playwright]:
    """Playwright, per module, not per session: its sync API keeps an event loop running in the
    main thread while it is open, and later tests that call asyncio.run() could not run beside
    it."""
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture
def browser(_playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless (Playwright's own browser download fails here). One per
    test: a browser that crashes takes down its own test only, not the rest of the module."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "Debian's chromium package is needed (.ci/run installs it)"
    browser = _playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
    yield browser
    browser.close()


@pytest.fixture
def live_server(start_server: Callable[..., LiveServer]) -> str:
    """The platform served by `taskapi serve` in a subprocess, for tests of concurrency."""
    return start_server().url


# What makes a test slow is what it uses: a browser, a server in a subprocess, a cluster or a
# database of its own (migrated from nothing), the million-row table. Such tests are marked
# `slow` here; tests that run another program (`taskapi`, promtool) and the modules of soak,
# fault and replica tests carry the mark themselves. `make test-fast` runs the rest.
SLOW_FIXTURES = frozenset(
    {"browser", "start_server", "live_server", "own_database", "empty_database", "seeded"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
