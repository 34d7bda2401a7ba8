"""Back-office list pages on a million tasks: latency with our bounded count vs SQLAdmin's full count.

    .venv/bin/python bench/admin_lists.py [--tasks 1000000] [--repeat 15]

Starts its own embedded PostgreSQL (or uses BENCH_DATABASE_URL), seeds users and tasks through
SQL, signs a support user in, and times each list page in-process. Prints the median and p90
per page, and the ratio to the same page with SQLAdmin's unbounded `count(*)`, from one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from fastapi.testclient import TestClient

from backend import schema
from backend.admin import views
from backend.app import create_app
from backend.embedded_db import EmbeddedDatabase
from backend.settings import Settings, driver_url
from backend.staff import new_staff_user

PASSWORD = "benchmark password 123"
PAGES = {
    "task list, newest first": "/admin/task/list",
    "task list, page 200": "/admin/task/list?page=200",
    "task list, completed filter": "/admin/task/list?completed=true",
    "task search by title": "/admin/task/list?search=needle",
    "task search by owner email": "/admin/task/list?search=user42@example.com",
    "task list sorted by title": "/admin/task/list?sortBy=title&sort=asc",
    "user list": "/admin/user/list",
    "audit log": "/admin/audit-log/list",
}


def seed(url: str, tasks: int) -> None:
    users = max(tasks // 100, 1)
    with psycopg.connect(url, autocommit=True) as conn:
        if conn.execute("SELECT count(*) FROM task").fetchone()[0] >= tasks:
            return
        conn.execute("TRUNCATE app_user, task, staff_user CASCADE")
        # Ids derived from numbers, so tasks can name their owner without a join.
        conn.execute(
            "INSERT INTO app_user (id, email, is_active, created_at, updated_at)"
            " SELECT md5('user' || n)::uuid, 'user' || n || '@example.com', true, now(), now()"
            " FROM generate_series(0, %s - 1) AS n",
            (users,),
        )
        conn.execute(
            "INSERT INTO task (id, owner_id, title, completed, created_at, updated_at)"
            " SELECT gen_random_uuid(), md5('user' || (n %% %s))::uuid,"
            "  CASE WHEN n %% 10000 = 0 THEN 'needle ' ELSE 'task ' END || n, n %% 3 = 0,"
            "  now() - n * interval '1 second', now()"
            " FROM generate_series(1, %s) AS n",
            (users, tasks),
        )
        conn.execute("VACUUM ANALYZE")


def time_pages(client: TestClient, repeat: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {}
    for name, path in PAGES.items():
        client.get(path)  # warm-up
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        timings[name] = samples
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    cluster = None
    url = os.environ.get("BENCH_DATABASE_URL")
    if url is None:
        cluster = EmbeddedDatabase(Path(tempfile.mkdtemp(prefix="taskapi-bench-")))
        url = cluster.start()
    try:
        schema.upgrade(driver_url(url))
        print(f"seeding {args.tasks:,} tasks ...", file=sys.stderr)
        seed(url, args.tasks)
        staff = new_staff_user(email="bench@example.com", role="support", password=PASSWORD)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DELETE FROM staff_user")
            conn.execute(
                "INSERT INTO staff_user (id, email, password_hash, role, created_at)"
                " VALUES (%s, %s, %s, %s, now())",
                (staff.id, staff.email, staff.password_hash, staff.role),
            )
        app = create_app(Settings(_env_file=None, database_url=url, log_level="WARNING"))
        with TestClient(app) as client:
            client.post("/admin/login", data={"username": staff.email, "password": PASSWORD})
            bounded = time_pages(client, args.repeat)
            cap = views.COUNT_CAP
            views.COUNT_CAP = 10**12  # what SQLAdmin does by default: count every row
            try:
                unbounded = time_pages(client, args.repeat)
            finally:
                views.COUNT_CAP = cap
    finally:
        if cluster is not None:
            cluster.stop()

    print(f"\n{args.tasks:,} tasks, {args.repeat} requests per page, in-process, one run")
    print(f"{'page':32} {'p50 ms':>8} {'p90 ms':>8} {'full-count p50':>15} {'ratio':>6}")
    for name in PAGES:
        ours, full = bounded[name], unbounded[name]
        p50, p90 = statistics.median(ours), statistics.quantiles(ours, n=10)[-1]
        full_p50 = statistics.median(full)
        print(f"{name:32} {p50:8.1f} {p90:8.1f} {full_p50:15.1f} {p50 / full_p50:6.2f}")


if __name__ == "__main__":
    main()
