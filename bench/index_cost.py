"""What the search indexes cost and give: writes and searches with and without them.

    .venv/bin/python -m bench.index_cost [--duration 15 --runs 3]

Uses bench/run.py's database and data (1,000,000 tasks). One platform server; runs take
turns between the schema as migrated and the same schema without the trigram indexes
(dropped, then rebuilt from the models' definitions), so a machine whose speed drifts weighs
on both alike. Each run drives wrk through create, patch and the `q` scenarios; the median run
of each is kept and the with/without throughput ratios printed. Targets: create and patch at
least 0.85 of without, a common word at least 0.95 (no slower). The indexes are rebuilt at
the end whatever happens.
"""

from __future__ import annotations

import argparse
import sys

import psycopg
from sqlalchemy import create_engine

from backend.core.settings import driver_url
from backend.models import Task, User
from bench import run

SEARCH_INDEXES = [
    index
    for table in (Task.__table__, User.__table__)
    for index in table.indexes
    if index.name is not None and index.name.endswith("_trgm")
]
# The least throughput with the indexes, as a share of without: writes pay for the indexes,
# common words must not (the rare word's gain is printed, with no target).
TARGETS = {"create": 0.85, "patch": 0.85, "list_q_common": 0.95, "list_filtered": 0.95}
MEASURED = [s for s in run.SCENARIOS if s.name in (*TARGETS, "list_q_rare")]


def set_indexes(url: str, *, present: bool) -> None:
    if present:
        engine = create_engine(driver_url(url))
        try:
            for index in SEARCH_INDEXES:
                index.create(engine, checkfirst=True)
        finally:
            engine.dispose()
    else:
        with psycopg.connect(url, autocommit=True) as conn:
            for index in SEARCH_INDEXES:
                conn.execute(f"DROP INDEX IF EXISTS {index.name}")
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
    with run.bench_database() as url:
        port = run.free_port()
        server = run.platform_server(url, port, workers=1)
        base = f"http://127.0.0.1:{port}"
        try:
            for number in range(args.runs + 1):  # the first run warms up and is not kept
                # Alternate which state goes first, so neither always follows a rebuild.
                states = ("with", "without") if number % 2 == 0 else ("without", "with")
                for state in states:
                    set_indexes(url, present=state == "with")
                    for scenario in MEASURED:
                        ids = (
                            {"patch": run.fresh_ids(url, 60_000)}
                            if scenario.name == "patch"
                            else {}
                        )
                        paths = run.paths_for(scenario, base, token, ids)
                        seconds = args.warmup if number == 0 else args.duration
                        result = run.wrk(base, token, scenario, paths, seconds, args)
                        run.clean_scratch(url)
                        if number:
                            figures.setdefault((state, scenario.name), []).append(result)
                            print(
                                f"  run {number} {state:7} {scenario.name:7} {result}",
                                file=sys.stderr,
                            )
        finally:
            server.terminate()
            server.wait(timeout=60)
            set_indexes(url, present=True)

    def median(state: str, name: str) -> run.Figures:
        return run.median(figures[(state, name)])

    header = (
        f"{'scenario':16} {'with r/s':>9} {'p50':>7} {'without r/s':>12} {'p50':>7} {'ratio':>6}"
    )
    print("\n" + header)
    ratios = {}
    for scenario in MEASURED:
        ours, bare = median("with", scenario.name), median("without", scenario.name)
        ratios[scenario.name] = ours.requests_per_s / bare.requests_per_s
        print(
            f"{scenario.name:16} {ours.requests_per_s:9.1f} {ours.p50_ms:7.2f}"
            f" {bare.requests_per_s:12.1f} {bare.p50_ms:7.2f} {ratios[scenario.name]:6.2f}"
        )
    for name, least in TARGETS.items():
        verdict = "met " if ratios[name] >= least else "MISS"
        print(f"  {verdict}  {name} with the indexes: {ratios[name]:.2f} of without (>= {least})")


if __name__ == "__main__":
    main()
