"""What the change feed costs and gives: its reads against the list's first page, and the
writes with and without its bookkeeping.

    .venv/bin/python -m bench.feed [--duration 20 --runs 3]

Uses bench/run.py's database and data (1,000,000 tasks, 100,000 the measured user's). One
platform server. Reads: the first list page, a feed poll with a current token ("caught up":
what a client polling every minute sends) and a poll 1,000 changes behind (a page of 100), in
turns. Writes: create, patch and delete, in turns between the schema as migrated and the same
schema without the feed's bookkeeping (its triggers and its two indexes dropped, then put
back as the migration made them). The median run of each is kept and ratios printed.
Targets: a caught-up poll at least as fast as the first list page (ratio >= 1.0, throughput);
writes at least 0.9 of without.
"""

from __future__ import annotations

import argparse
import sys

import httpx
import psycopg

from bench import run

READS = ["list_first_page", "feed_caught_up", "feed_behind_1000"]
WRITES = ["create", "patch", "delete"]
TARGETS = {"feed_caught_up": 1.0, "create": 0.9, "patch": 0.9, "delete": 0.9}
_TRIGGERS = {"task": "task_change_xid", "task_trash": "task_trash_change_xid"}
_INDEXES = {
    "ix_task_owner_id_change_xid_id": "task (owner_id, change_xid, id)",
    "ix_task_trash_owner_id_change_xid_id": "task_trash (owner_id, change_xid, id)",
}


def set_bookkeeping(url: str, *, present: bool) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for table, trigger in _TRIGGERS.items():
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
            if present:
                conn.execute(
                    f"CREATE TRIGGER {trigger} BEFORE INSERT OR UPDATE ON {table}"
                    " FOR EACH ROW EXECUTE FUNCTION stamp_change_xid()"
                )
        for name, definition in _INDEXES.items():
            conn.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {definition}"
                if present
                else f"DROP INDEX IF EXISTS {name}"
            )
        conn.execute("VACUUM ANALYZE task, task_trash")


class Feed:
    """The measured user's feed, followed as a client app would: the token kept between runs."""

    def __init__(self, base: str, token: str) -> None:
        self.http = httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60
        )
        self.url = f"/api/{run.USER}/tasks/changes"
        self.since: str | None = None

    def catch_up(self) -> str:
        while True:
            params = {"limit": 1000, **({"since": self.since} if self.since else {})}
            page = self.http.get(self.url, params=params).json()
            self.since = page["next"]
            if not page["more"]:
                return self.since

    def path(self, since: str) -> str:
        return f"{self.url}?since={since}"


def _changes_behind(url: str, count: int) -> None:
    """`count` of the user's tasks changed (each in its own transaction, as clients would)."""
    with psycopg.connect(url, autocommit=True) as conn:
        ids = conn.execute(
            "SELECT id FROM task WHERE owner_id = %s ORDER BY random() LIMIT %s", (run.USER, count)
        ).fetchall()
        for (task_id,) in ids:
            conn.execute(
                "UPDATE task SET version = version + 1, updated_at = now() WHERE id = %s",
                (task_id,),
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    run.wrk_arguments(parser)
    args = parser.parse_args()

    token = run.bench_token()
    scenarios = {s.name: s for s in run.SCENARIOS}
    scenarios["feed_caught_up"] = run.Scenario("feed_caught_up", "GET")
    scenarios["feed_behind_1000"] = run.Scenario("feed_behind_1000", "GET")
    figures: dict[tuple[str, str], list[run.Figures]] = {}

    def measure(label: str, name: str, paths: list[str], number: int) -> None:
        seconds = args.warmup if number == 0 else args.duration
        result = run.wrk(base, token, scenarios[name], paths, seconds, args)
        run.clean_scratch(url)
        if number:
            figures.setdefault((label, name), []).append(result)
            print(f"  run {number} {label:7} {name:17} {result}", file=sys.stderr)

    with run.bench_database() as url:
        port = run.free_port()
        server = run.platform_server(url, port, workers=1)
        base = f"http://127.0.0.1:{port}"
        feed = Feed(base, token)
        try:
            for number in range(args.runs + 1):  # the first run warms up and is not kept
                set_bookkeeping(url, present=True)
                for name in READS:
                    if name == "list_first_page":
                        paths = run.paths_for(scenarios[name], base, token, {})
                    elif name == "feed_caught_up":
                        paths = [feed.path(feed.catch_up())]
                    else:
                        since = feed.catch_up()
                        _changes_behind(url, 1000)
                        paths = [feed.path(since)]
                    measure("reads", name, paths, number)
                # Alternate which state goes first, so neither always follows a rebuild.
                states = ("with", "without") if number % 2 == 0 else ("without", "with")
                for state in states:
                    set_bookkeeping(url, present=state == "with")
                    for name in WRITES:
                        ids = {}
                        if name == "patch":
                            ids["patch"] = run.fresh_ids(url, 60_000)
                        if name == "delete":
                            ids["delete"] = run.fresh_ids(url, 100_000)
                        paths = run.paths_for(scenarios[name], base, token, ids)
                        measure(state, name, paths, number)
        finally:
            feed.http.close()
            server.terminate()
            server.wait(timeout=60)
            set_bookkeeping(url, present=True)

    def median(label: str, name: str) -> run.Figures:
        return run.median(figures[(label, name)])

    run.print_ratios(
        {name: median("reads", name) for name in READS},
        {name: (median("with", name), median("without", name)) for name in WRITES},
        TARGETS,
        states=("with", "without"),
    )


if __name__ == "__main__":
    main()
