"""What running behind a transaction-mode pooler costs the platform, in its two parts.

    .venv/bin/python -m bench.pooled [--scenarios get_one,create,patch,delete --runs 3 ...]

Three servers take turns, as in bench/run.py:

- **direct**: the platform connected to PostgreSQL, with prepared statements (psycopg's
  default);
- **unprepared**: the same connection, with the platform in its behind-a-pooler mode. Every
  statement is parsed and planned again, because a statement prepared on one server connection
  is missing on the next one behind PgBouncer in transaction mode;
- **pooled**: the platform behind PgBouncer in transaction mode (`backend/core/pgbouncer.py`),
  as on Neon's pooled endpoint.

The platform tells that it is behind a pooler when its DATABASE_DIRECT_URL names another server
(backend.core.settings). For the unprepared server, DATABASE_DIRECT_URL names the same server
by another name (`localhost` for `127.0.0.1`), so only the mode changes.

The script prints each server's ratio to the others:

- unprepared / direct: what re-planning every statement costs;
- pooled / unprepared: what the pooler's own hop costs.

Nothing is recorded.
"""

from __future__ import annotations

import argparse

from bench import run

DEFAULT_SCENARIOS = "get_one,create,patch,delete"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    run.wrk_arguments(parser)
    parser.add_argument("--scenarios", default=DEFAULT_SCENARIOS, help="comma-separated")
    args = parser.parse_args()
    names = args.scenarios.split(",")
    scenarios = [s for s in run.SCENARIOS if s.name in names]
    with run.bench_database() as url:
        serving = run.serving_url(url)
        same_server_renamed = serving.replace("@127.0.0.1:", "@localhost:")
        if same_server_renamed == serving:
            raise SystemExit("bench.pooled needs the database on 127.0.0.1")
        with run.pooler(url) as pooled_url:
            turns, _ = run.against(
                {
                    "direct": lambda port: run.platform_server(url, port, workers=1),
                    "unprepared": lambda port: run.platform_server(
                        same_server_renamed, port, workers=1, direct_url=url
                    ),
                    "pooled": lambda port: run.platform_server(
                        pooled_url, port, workers=1, direct_url=url
                    ),
                },
                url,
                args,
                scenarios,
            )
    print(f"{'scenario':16} direct r/s  unprepared/direct  pooled/unprepared  pooled/direct")
    for name in names:
        direct, unprepared, pooled = (turns[s][name] for s in ("direct", "unprepared", "pooled"))
        print(
            f"{name:16} {run.median(direct).requests_per_s:10.1f}"
            f"  {run.paired(unprepared, direct):17.2f}  {run.paired(pooled, unprepared):17.2f}"
            f"  {run.paired(pooled, direct):13.2f}"
        )


if __name__ == "__main__":
    main()
