"""Small builders for tests: tokens, users, tasks, and waiting for a server."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import jwt
import psycopg
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample
from sqlalchemy.engine import make_url
from starlette.routing import BaseRoute

# Re-exported for the tests: its one home is backend.core.embedded_db (the cluster needs it too).
from backend.core.embedded_db import free_port as free_port

REPO_ROOT = Path(__file__).resolve().parent.parent
# The task API's operation ids: the short names a generated client's functions take.
OPERATIONS = {
    "list_tasks",
    "create_task",
    "get_task",
    "replace_task",
    "patch_task",
    "delete_task",
    "list_changes",
}
TEST_SECRET = "test-secret-long-enough-for-every-hmac-algorithm-0123456789abcdefghijkl"


def libpq(url: str) -> str:
    """A URL psycopg itself accepts (no SQLAlchemy driver suffix)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def make_token(
    user_id: uuid.UUID | str | None = None,
    *,
    secret: object = TEST_SECRET,
    algorithm: str = "HS256",
    ttl_s: int = 3600,
    drop: tuple[str, ...] = (),
    headers: dict[str, object] | None = None,
    **claims: object,
) -> str:
    """A token as the identity provider would sign it, with `secret` (an HMAC secret or a
    private key); `drop` removes standard claims."""
    now = int(time.time())
    payload: dict[str, object] = {
        "sub": str(user_id or uuid.uuid4()),
        "iat": now,
        "exp": now + ttl_s,
    }
    payload.update(claims)
    for name in drop:
        payload.pop(name, None)
    return jwt.encode(payload, secret, algorithm=algorithm, headers=headers)


class User:
    """A test user: its id, a valid token, and helpers that build its task URLs."""

    def __init__(self, user_id: uuid.UUID | None = None, **claims: object) -> None:
        self.id = user_id or uuid.uuid4()
        self.token = make_token(self.id, **claims)
        self.headers = {"Authorization": f"Bearer {self.token}"}

    @property
    def tasks_url(self) -> str:
        return f"/api/{self.id}/tasks"

    def task_url(self, task_id: object) -> str:
        return f"{self.tasks_url}/{task_id}"


def create_task(client: TestClient | httpx.Client, user: User, **fields: object) -> dict:
    body = {"title": "A task", **fields}
    response = client.post(user.tasks_url, json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    return response.json()


def server_tasks(client: TestClient | httpx.Client, user: User) -> dict[str, dict]:
    """Every task of the user's, by id, walked through the list's pages."""
    tasks: dict[str, dict] = {}
    cursor = None
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = client.get(user.tasks_url, params=params, headers=user.headers).json()
        tasks.update((task["id"], task) for task in page["items"])
        if not (cursor := page["next_cursor"]):
            return tasks


class Replica:
    """A client app's copy of one user's tasks, built from the change feed alone."""

    def __init__(self, client: TestClient | httpx.Client, user: User, limit: int = 100) -> None:
        self.client, self.user, self.limit = client, user, limit
        self.tasks: dict[str, dict] = {}
        self.token: str | None = None

    def sync(self) -> list[dict]:
        """Follow `next` until `more` is false; the changes applied, in order."""
        applied: list[dict] = []
        while True:
            params: dict[str, object] = {"limit": self.limit}
            if self.token is not None:
                params["since"] = self.token
            response = self.client.get(
                f"{self.user.tasks_url}/changes", params=params, headers=self.user.headers
            )
            assert response.status_code == 200, response.text
            page = response.json()
            for change in page["changes"]:
                if change["type"] == "upsert":
                    self.tasks[change["task"]["id"]] = change["task"]
                else:
                    self.tasks.pop(change["id"], None)
            applied += page["changes"]
            self.token = page["next"]
            if not page["more"]:
                return applied


def terminate_app_connections(db: psycopg.Connection) -> int:
    """Cut every other session that is idle between statements, as Neon does when it suspends
    an idle compute: the app's connections, or PgBouncer's in the pooled run. Sessions named
    `tests` are kept.

    Not a session still logging in ('starting'), which PgBouncer opens for a while after a
    burst: PgBouncer takes a login cut short for a server refusing logins and, with no working
    connection left, turns every client away for `server_login_retry` (15 s). That is a
    compute that is down (tests/api/test_faults.py's outage test), not one that restarted.
    """
    (count,) = db.execute(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
        " WHERE backend_type = 'client backend' AND state = 'idle'"
        " AND pid <> pg_backend_pid() AND application_name IS DISTINCT FROM 'tests'"
    ).fetchone()
    return int(count)


def wait_until(condition: Callable[[], bool], timeout_s: float = 30, every_s: float = 0.5) -> bool:
    """Whether `condition` came true within the timeout (PgBouncer retries a failed server login
    only every 15 s, so recovering behind it is not immediate)."""
    deadline = time.monotonic() + timeout_s
    while True:
        if condition():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(every_s)


def wait_for_http(
    url: str, timeout_s: float = 30, *, process: subprocess.Popen[bytes] | None = None
) -> None:
    """Wait until `url` answers; fail at once, with its exit code, if `process` has ended."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer")


class Metrics(dict[str, list[Sample]]):
    """A /metrics scrape, parsed: each family's samples by the family's name."""

    def __init__(self, text: str) -> None:
        super().__init__(
            (family.name, family.samples) for family in text_string_to_metric_families(text)
        )

    def total(self, sample_name: str, **labels: str) -> float:
        """The sum of the samples called `sample_name` (e.g. `tasks_created_total`) that carry
        these labels."""
        return sum(
            sample.value
            for samples in self.values()
            for sample in samples
            if sample.name == sample_name
            and all(sample.labels.get(key) == value for key, value in labels.items())
        )

    def sample_names(self) -> set[str]:
        return {sample.name for samples in self.values() for sample in samples}


# The platform's own variables (the contract's): a command under test sees only those it is given.
_PLATFORM_VARIABLES = ("JWT_", "ADMIN_", "DATABASE_", "ENVIRONMENT", "METRICS_", "LOG_")


def cli_env(**variables: str) -> dict[str, str]:
    """This process's environment without the platform's variables, plus `variables`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_PLATFORM_VARIABLES)}
    env.update(variables)
    return env


def run_cli(
    *args: str, env: dict[str, str], cwd: Path = REPO_ROOT, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `taskapi ARGS` as a user would, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "backend.cli", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


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


def served_routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route the app serves, included routers' too (FastAPI keeps those nested)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from served_routes(included.routes)
        else:
            yield route


class ThreadClients(httpx.Client):
    """An httpx client to share among threads: each thread sends on a client of its own.

    One httpx.Client used by many threads at once can close a connection that another thread
    has just been handed (its pool took it for idle and expired after the server's keep-alive
    ran out); that thread then reads a closed, or reused, socket: `Bad file descriptor`, or
    another request's answer and a 30 s timeout. Seen under ~30 threads, rarely.
    """

    def __init__(self, **kwargs: object) -> None:
        self._kwargs = kwargs
        self._local = threading.local()
        self._lock = threading.Lock()
        self._clients: list[httpx.Client] = []

    def _mine(self) -> httpx.Client:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = httpx.Client(**self._kwargs)  # type: ignore[arg-type]
            with self._lock:
                self._clients.append(client)
        return client

    def request(self, *args: object, **kwargs: object) -> httpx.Response:  # type: ignore[override]
        return self._mine().request(*args, **kwargs)  # type: ignore[arg-type]

    def close(self) -> None:
        for client in self._clients:
            client.close()

    def __enter__(self) -> ThreadClients:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()
