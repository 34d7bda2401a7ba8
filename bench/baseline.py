"""The platform against an earlier commit of itself, in the same run: "is it slower than before?"

The earlier commit's platform, checked out in a temporary worktree, takes the ceiling's slot in
bench/run.py, so the printed ratios ("ceiling" meaning REF) are this tree's throughput over
that commit's, measured turn by turn on the same database and the same noisy machine; results
go to bench/results/baselines/:

    .venv/bin/python -m bench.baseline REF [bench.run options, e.g. --scenarios delete --runs 3]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench import run


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    ref, options = sys.argv[1], sys.argv[2:]
    worktree = Path(tempfile.mkdtemp(prefix="taskapi-baseline-"))
    subprocess.run(["git", "worktree", "add", "--detach", str(worktree), ref], check=True)

    def earlier_platform(url: str, port: int) -> subprocess.Popen[bytes]:
        # Started exactly as the platform is (the serving role, production settings, the
        # per-user limit out of reach), only from the worktree: with any other environment the
        # earlier server answers wrk with errors (429s once the default limit is used up), and
        # errors are fast.
        argv, env = run.platform_command(url, port, workers=1)
        process = subprocess.Popen(
            argv,
            cwd=worktree,
            env={**run.spawn_env(env), "PYTHONPATH": str(worktree)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        run.wait_for_http(f"http://127.0.0.1:{port}/api/{run.USER}/tasks/", process)
        return process

    run.ceiling_server = earlier_platform  # type: ignore[assignment]
    # Kept apart from the platform-against-ceiling history (and out of git).
    run.RESULTS = run.BENCH / "results" / "baselines"
    sys.argv = ["bench.run", "--no-workers-check", "--no-floor-check", *options]
    try:
        run.main()
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], check=False)


if __name__ == "__main__":
    main()
