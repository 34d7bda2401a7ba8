"""What scheduling costs and gives: writes with the schedule against writes as before it, and
the label filter's and the due sort's pages against the list's first page.

    .venv/bin/python -m bench.schedule [--duration 20 --runs 3]

Uses bench/run.py's database and data (1,000,000 tasks, 100,000 the measured user's, with due
dates, priorities and labels). One platform server. Reads, in turns: the first list page, a
common label's page, a rare label's page (rare for this user, common for everyone else) and
the first `due` and `-due` pages. Writes, in turns between the schema as migrated with
requests that carry a schedule, and the schema as before it (the schedule's indexes and its
completed_at trigger dropped, then put back as the migration made them) with the requests
of before: create and patch. The median run of each is kept and ratios printed. Targets:
scheduled writes at least 0.9 of before (no more than 10 % slower); each read at least 1/1.5
of the first page's throughput.
"""

from __future__ import annotations

import argparse
import json
import sys

import psycopg
from sqlalchemy import create_engine

from backend.core.settings import driver_url
from backend.models import Task, table
from bench import run

READS = ["list_first_page", "label_common", "label_rare", "sort_due", "sort_due_desc"]
QUERIES = {
    "label_common": f"label={run.COMMON_LABEL}",
    "label_rare": f"label={run.RARE_LABEL}",
    "sort_due": "sort=due",
    "sort_due_desc": "sort=-due",
}
SCHEDULE = {
    "due_date": "2026-07-14",
    "due_time": "09:30",
    "time_zone": "Europe/Berlin",
    "priority": 3,
    "labels": ["Work", "Health"],
}
# The same operations, with a schedule and without (as clients sent them before it).
WRITES = {
    "create": (
        json.dumps({"title": "benchmark task", "description": "call the client", **SCHEDULE}),
        json.dumps({"title": "benchmark task", "description": "call the client"}),
    ),
    "patch": (
        json.dumps({"completed": True, "priority": 4, "labels": ["Work", "Done"]}),
        json.dumps({"completed": True}),
    ),
}
TARGETS = {"create": 0.9, "patch": 0.9, **dict.fromkeys(QUERIES, 1 / 1.5)}
SCHEDULE_INDEXES = [
    index
    for index in table(Task).indexes
    if index.name
    in ("ix_task_owner_id_due", "ix_task_owner_id_priority_id", "ix_task_owner_id_labels")
]


def set_schedule_bookkeeping(url: str, *, present: bool) -> None:
    """The schedule's indexes (as the models define them) and its trigger, or none of them."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TRIGGER IF EXISTS task_completed_at ON task")
        if present:
            conn.execute(
                "CREATE TRIGGER task_completed_at BEFORE INSERT OR UPDATE ON task"
                " FOR EACH ROW EXECUTE FUNCTION stamp_completed_at()"
            )
        if not present:
            for index in SCHEDULE_INDEXES:
                conn.execute(f"DROP INDEX IF EXISTS {index.name}")
    if present:
        engine = create_engine(driver_url(url))
        try:
            for index in SCHEDULE_INDEXES:
                index.create(engine, checkfirst=True)
        finally:
            engine.dispose()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE task")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    run.wrk_arguments(parser)
    args = parser.parse_args()

    token = run.bench_token()
    figures: dict[tuple[str, str], list[run.Figures]] = {}
    tasks = f"/api/{run.USER}/tasks"

    def measure(label: str, scenario: run.Scenario, paths: list[str], number: int) -> None:
        seconds = args.warmup if number == 0 else args.duration
        result = run.wrk(base, token, scenario, paths, seconds, args)
        run.clean_scratch(url)
        if number:
            figures.setdefault((label, scenario.name), []).append(result)
            print(f"  run {number} {label:7} {scenario.name:15} {result}", file=sys.stderr)

    with run.bench_database() as url:
        port = run.free_port()
        server = run.platform_server(url, port, workers=1)
        base = f"http://127.0.0.1:{port}"
        try:
            for number in range(args.runs + 1):  # the first run warms up and is not kept
                set_schedule_bookkeeping(url, present=True)
                for name in READS:
                    query = QUERIES.get(name, "")
                    path = f"{tasks}?limit=20{'&' + query if query else ''}"
                    measure("reads", run.Scenario(name, "GET"), [path], number)
                # Alternate which state goes first, so neither always follows a rebuild.
                states = ("with", "before") if number % 2 == 0 else ("before", "with")
                for state in states:
                    set_schedule_bookkeeping(url, present=state == "with")
                    for name, (scheduled, plain) in WRITES.items():
                        body = scheduled if state == "with" else plain
                        method = "POST" if name == "create" else "PATCH"
                        scenario = run.Scenario(name, method, body)
                        ids = {"patch": run.fresh_ids(url, 60_000)} if name == "patch" else {}
                        paths = run.paths_for(scenario, base, token, ids)
                        measure(state, scenario, paths, number)
        finally:
            server.terminate()
            server.wait(timeout=60)
            set_schedule_bookkeeping(url, present=True)

    def median(label: str, name: str) -> run.Figures:
        return run.median(figures[(label, name)])

    run.print_ratios(
        {name: median("reads", name) for name in READS},
        {name: (median("with", name), median("before", name)) for name in WRITES},
        TARGETS,
        states=("with", "before"),
    )


if __name__ == "__main__":
    main()
