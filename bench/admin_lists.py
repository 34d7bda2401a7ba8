"""Back-office list pages on a million tasks: latency with our bounded count vs SQLAdmin's full count.

    .venv/bin/python -m bench.admin_lists [--repeat 25]

Uses bench/run.py's database and data (embedded under bench/.data/, or BENCH_DATABASE_URL;
1,000,000 tasks, 100,000 of them one user's, a rare word in ten of that user's tasks), signs
a support user in, and times each list page in-process. Prints the median and p90 per page,
and the ratio to the same page with SQLAdmin's unbounded `count(*)`, from one run; the
searches' and the home page's targets (p50 under 150 ms) are checked and printed.
"""

from __future__ import annotations

import argparse
import statistics
import time

import psycopg
from fastapi.testclient import TestClient

from backend.accounts.staff import new_staff_user
from backend.admin import views
from backend.app import create_app
from backend.core.settings import Settings
from bench import run

PASSWORD = "benchmark password 123"
SEARCHES = {
    "task search, rare title word": f"/admin/task/list?search={run.RARE_WORD}",
    "task search, common title word": f"/admin/task/list?search={run.COMMON_WORD}",
    "task search, owner email (100k)": "/admin/task/list?search=user0@example.com",
    "task search, owner email (1k)": "/admin/task/list?search=user42@example.com",
    "user search, email piece": "/admin/user/list?search=er42@",
}
SEARCH_TARGET_MS = 150
# Issue 26: the home page (figures, latest audit entries) under 150 ms at a million tasks.
TARGETS_MS = {**dict.fromkeys(SEARCHES, SEARCH_TARGET_MS), "home page": 150}
PAGES = {
    "home page": "/admin/",
    "task list, newest first": "/admin/task/list",
    "task list, page 200": "/admin/task/list?page=200",
    "task list, completed filter": "/admin/task/list?completed=true",
    **SEARCHES,
    "task list sorted by title": "/admin/task/list?sortBy=title&sort=asc",
    "user list": "/admin/user/list",
    "audit log": "/admin/audit-log/list",
}


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
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()

    with run.bench_database() as url:
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

    print(f"\n{run.TASKS:,} tasks, {args.repeat} requests per page, in-process, one run")
    print(f"{'page':34} {'p50 ms':>8} {'p90 ms':>8} {'full-count p50':>15} {'ratio':>6}")
    for name in PAGES:
        ours, full = bounded[name], unbounded[name]
        p50, p90 = statistics.median(ours), statistics.quantiles(ours, n=10)[-1]
        full_p50 = statistics.median(full)
        print(f"{name:34} {p50:8.1f} {p90:8.1f} {full_p50:15.1f} {p50 / full_p50:6.2f}")
    for name, target in TARGETS_MS.items():
        p50 = statistics.median(bounded[name])
        verdict = "met " if p50 < target else "MISS"
        print(f"  {verdict}  {name}: p50 {p50:.1f} ms (target < {target} ms)")


if __name__ == "__main__":
    main()
