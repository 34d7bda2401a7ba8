"""The faults Neon brings, recreated on a real PostgreSQL: suspended computes that drop every
connection, outages, runaway queries and a SIGTERM during a request."""

from __future__ import annotations

import asyncio
import signal
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

import httpx
import psycopg
import pytest
from sqlalchemy import text

from backend.app import create_app
from backend.core import migrations
from backend.core.errors import DatabaseUnavailable
from backend.core.settings import Settings, driver_url
from backend.core.statement_pool import ATTEMPTS, FIRST_STATEMENT_TIMEOUT_S, StatementPool
from tests.fault_proxy import FaultProxy
from tests.helpers import User, create_task, terminate_app_connections, wait_until
from tests.servers import LiveServer, OwnDatabase

pytestmark = pytest.mark.slow  # fault tests: `make test-fast` leaves them out


def test_requests_after_every_connection_was_terminated_all_succeed(
    live_server: str, alice: User, db: psycopg.Connection
) -> None:
    with httpx.Client(base_url=live_server) as http:
        create_task(http, alice)
        # Fill the pool with several connections, then let them sit idle.
        with ThreadPoolExecutor(max_workers=6) as pool:
            statuses = pool.map(
                lambda _: (
                    httpx.get(f"{live_server}{alice.tasks_url}", headers=alice.headers).status_code
                ),
                range(24),
            )
            assert set(statuses) == {200}
        assert terminate_app_connections(db) >= 1
        after = [http.get(alice.tasks_url, headers=alice.headers).status_code for _ in range(20)]
        after.append(
            http.post(alice.tasks_url, json={"title": "after"}, headers=alice.headers).status_code
        )
    assert after == [200] * 20 + [201]


def test_during_an_outage_requests_fail_fast_with_503_and_recover_without_a_restart(
    start_server: Callable[..., LiveServer], own_database: OwnDatabase, alice: User
) -> None:
    server = start_server(
        DATABASE_URL=own_database.app_url, DATABASE_DIRECT_URL=own_database.direct_url
    )
    with httpx.Client(base_url=server.url, timeout=30) as http:
        written = [create_task(http, alice, title=f"before {n}")["id"] for n in range(5)]
        own_database.stop()
        for method, body in (("GET", None), ("POST", {"title": "during"})):
            started = time.monotonic()
            response = http.request(method, alice.tasks_url, json=body, headers=alice.headers)
            elapsed = time.monotonic() - started
            assert response.status_code == 503, response.text
            assert response.json()["code"] == "database_unavailable"
            assert int(response.headers["retry-after"]) > 0
            # FIRST_STATEMENT_TIMEOUT_S, plus up to 5 s for psycopg to give up on a query
            # PgBouncer has queued; straight to PostgreSQL it is a refused connection at once.
            assert elapsed < FIRST_STATEMENT_TIMEOUT_S + 6, f"{method} took {elapsed:.1f}s to fail"
        assert http.get("/readyz").status_code == 503
        assert server.process.poll() is None, "the platform must stay up"

        own_database.start()
        assert wait_until(
            lambda: http.get(alice.tasks_url, headers=alice.headers).status_code == 200
        )
        listed = http.get(alice.tasks_url, params={"limit": 100}, headers=alice.headers).json()
        assert {task["id"] for task in listed["items"]} == set(written)
        assert (
            http.post(alice.tasks_url, json={"title": "after"}, headers=alice.headers).status_code
            == 201
        )


def test_every_transaction_of_the_app_has_a_statement_timeout(
    make_settings: Callable[..., Settings],
) -> None:
    app = create_app(make_settings())

    async def timeout_seen_by_the_app() -> list[tuple[str, str]]:
        engine = app.state.context.engine
        seen = []
        try:
            for _ in range(2):
                async with engine.begin() as conn:
                    seen.append(
                        (
                            await conn.scalar(text("SHOW statement_timeout")),
                            await conn.scalar(text("SHOW lock_timeout")),
                        )
                    )
            return seen
        finally:
            await engine.dispose()

    # Back-office edits wait for a row lock as long as the statement may run, whatever the
    # role's defaults (the API's 2.5 s) say.
    assert asyncio.run(timeout_seen_by_the_app()) == [("15s", "0")] * 2


def test_every_api_statement_has_a_statement_and_lock_timeout(
    make_settings: Callable[..., Settings],
) -> None:
    """The API's own pool: a connection option directly, set in each statement's own
    transaction (in the same round trip) behind PgBouncer."""
    settings = make_settings()
    pool = StatementPool(settings.app_database_url(), pooled=settings.app_database_is_pooled())

    async def seen() -> list[tuple[str, str]]:
        try:
            return [
                (await pool.fetch("SHOW statement_timeout", ()))[0][0],
                (await pool.fetch("SHOW lock_timeout", ()))[0][0],
                (await pool.fetch("SHOW statement_timeout", ()))[0][0],
            ]
        finally:
            await pool.close()

    assert asyncio.run(seen()) == ["15s", "2500ms", "15s"]


# True for a statement that is its own transaction; false for one sent after BEGIN and the
# two SET LOCALs, which the server received earlier.
ALONE = "SELECT transaction_timestamp() = statement_timestamp() AS alone"
BOUNDS = "SELECT current_setting('statement_timeout') AS s, current_setting('lock_timeout') AS l"


def test_behind_a_pooler_a_statement_goes_alone_where_the_timeouts_are_the_roles_defaults(
    make_settings: Callable[..., Settings],
) -> None:
    """The upgrade made them the serving role's defaults: behind a pooler each statement is
    then one statement for the server, not five (BEGIN, two SET LOCAL, it, COMMIT)."""
    pool = StatementPool(make_settings().app_database_url(), pooled=True)

    async def seen() -> tuple[list[Any], list[Any]]:
        try:
            # The first statement asks whether the role's defaults are the timeouts, in its own
            # pipeline (which sets them): the next goes alone.
            alone = [(await pool.fetch(ALONE, ()))[0].alone]
            alone.append((await pool.fetch(ALONE, ()))[0].alone)
            return alone, list((await pool.fetch(BOUNDS, ()))[0])
        finally:
            await pool.close()

    alone, bounds = asyncio.run(seen())
    assert alone == [False, True]
    assert bounds == ["15s", "2500ms"]


def test_behind_a_pooler_without_the_roles_defaults_each_statement_sets_the_timeouts(
    make_settings: Callable[..., Settings], db: psycopg.Connection, direct_url: str
) -> None:
    """A role whose defaults are not the API's timeouts (the migrating role could not set them,
    or someone reset them): each statement sets them in its own transaction, as before."""
    url = make_settings().app_database_url()
    database = db.execute("SELECT current_database()").fetchone()[0]
    db.execute(f'ALTER ROLE "{url.username}" IN DATABASE "{database}" RESET ALL')
    pool = StatementPool(url, pooled=True)

    async def seen() -> list[tuple[bool, list[Any]]]:
        try:
            said = []
            for _ in range(5):
                said.append(
                    (
                        (await pool.fetch(ALONE, ()))[0].alone,
                        list((await pool.fetch(BOUNDS, ()))[0]),
                    )
                )
            return said
        finally:
            await pool.close()

    try:
        assert asyncio.run(seen()) == [(False, ["15s", "2500ms"])] * 5
    finally:
        migrations.set_role_defaults(driver_url(direct_url), url.username)


def _accepts_connections(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=1):
            return True
    except OSError:
        return False


def test_sigterm_finishes_the_request_in_flight_then_exits_zero(
    start_server: Callable[..., LiveServer], alice: User, direct_url: str, db: psycopg.Connection
) -> None:
    server = start_server()
    with httpx.Client(base_url=server.url, timeout=30) as http:
        task = create_task(http, alice, title="locked")
    result: dict[str, httpx.Response] = {}
    with psycopg.connect(direct_url) as blocker:
        # Hold the row so the PATCH below is in flight, waiting, when SIGTERM arrives.
        blocker.execute("SELECT 1 FROM task WHERE id = %s FOR UPDATE", (task["id"],))
        patch = threading.Thread(
            target=lambda: result.update(
                response=httpx.patch(
                    f"{server.url}{alice.task_url(task['id'])}",
                    json={"title": "finished during shutdown"},
                    headers=alice.headers,
                    timeout=30,
                )
            )
        )
        patch.start()
        assert wait_until(
            lambda: (
                db.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                ).fetchone()[0]
                == 1
            ),
            timeout_s=10,
            every_s=0.05,
        )
        server.process.send_signal(signal.SIGTERM)
        assert wait_until(lambda: not _accepts_connections(server.url), timeout_s=10, every_s=0.1)
        assert server.process.poll() is None, "it must wait for the request in flight"
        blocker.rollback()
    patch.join(timeout=30)
    assert result["response"].status_code == 200
    assert server.process.wait(timeout=30) == 0
    assert (
        db.execute("SELECT title FROM task WHERE id = %s", (task["id"],)).fetchone()[0]
        == "finished during shutdown"
    )
    # The pool was closed on the way out.
    assert any("database_pool" in line and "closed" in line for line in server.log_lines())


def test_a_silently_dropped_connection_fails_fast_and_the_next_request_succeeds(
    make_client, database_url: str, direct_url: str, alice: User
) -> None:
    parts = urlsplit(database_url)
    proxy = FaultProxy((parts.hostname, parts.port))
    try:
        through_proxy = parts._replace(netloc=f"{parts.netloc.rsplit(':', 1)[0]}:{proxy.port}")
        app_url = through_proxy.geturl()
        # Pooled run: the proxy stands before PgBouncer; direct run: before PostgreSQL itself.
        pooled = database_url != direct_url
        client = make_client(
            database_url=app_url, database_direct_url=direct_url if pooled else app_url
        )
        assert client.get(alice.tasks_url, headers=alice.headers).status_code == 200
        proxy.freeze()

        started = time.monotonic()
        cut = client.get(alice.tasks_url, headers=alice.headers)
        elapsed = time.monotonic() - started
        assert cut.status_code == 503, cut.text
        assert cut.json()["code"] == "database_unavailable"
        # The first-statement bound, plus psycopg's wait for its cancelled query.
        assert elapsed < FIRST_STATEMENT_TIMEOUT_S + 6, f"took {elapsed:.1f}s"

        # The dead connection was dropped; the next request gets a new one and succeeds.
        assert client.get(alice.tasks_url, headers=alice.headers).status_code == 200
        assert (
            client.post(alice.tasks_url, json={"title": "after"}, headers=alice.headers).status_code
            == 201
        )
    finally:
        proxy.close()


def test_connections_numbered_past_1023_are_checked_out_like_any_other(direct_url: str) -> None:
    """A process serving many clients holds over 1,024 descriptors, so its database
    connections get numbers that select() refuses (checking one out was a 500)."""
    others = [socket.socket() for _ in range(1_100)]
    try:
        probe = socket.socket()
        assert probe.fileno() >= 1_024  # where the pool's connections will be numbered
        probe.close()
        pool = StatementPool(driver_url(direct_url), pooled=False)

        async def reads() -> list[object]:
            try:
                return [(await pool.fetch("SELECT %s", (n,)))[0][0] for n in range(3)]
            finally:
                await pool.close()

        assert asyncio.run(reads()) == [0, 1, 2]
    finally:
        for sock in others:
            sock.close()


def test_a_statement_is_tried_on_other_connections_when_its_own_are_dead(
    direct_url: str,
) -> None:
    """Behind PgBouncer a compute that drops every connection leaves the pooler holding dead
    server connections it finds only by using them: a statement may meet several in a row.
    A read is repeated as it is; a write as its `again` form, and says it was repeated."""
    parts = urlsplit(direct_url)
    proxy = FaultProxy((parts.hostname, parts.port))
    url = parts._replace(netloc=f"{parts.netloc.rsplit(':', 1)[0]}:{proxy.port}").geturl()
    pool = StatementPool(driver_url(url), pooled=False)

    async def outcome(dead: int, *, write: bool = False) -> object:
        proxy.cut_statements(dead)
        try:
            if write:
                rows, repeated = await pool.write("SELECT 'first'", {}, again="SELECT 'again'")
                return rows[0][0], repeated
            return (await pool.fetch("SELECT 1", ()))[0][0]
        except DatabaseUnavailable:
            return "503"
        finally:
            proxy.cut_statements(0)

    async def outcomes() -> list[object]:
        try:
            return [
                await outcome(0),
                await outcome(2),  # as a read behind PgBouncer met, under load
                await outcome(ATTEMPTS),  # bounded: a dead path is not hammered
                await outcome(0, write=True),
                await outcome(1, write=True),
                await outcome(ATTEMPTS, write=True),
            ]
        finally:
            await pool.close()
            proxy.close()

    assert asyncio.run(outcomes()) == [
        1,
        1,
        "503",
        ("first", False),
        ("again", True),
        "503",
    ]
