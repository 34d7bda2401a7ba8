"""What fair use costs the hot path: the platform as it ships (the per-user limit on, at a
budget wrk's one user never uses up, and the HTTP protocol that bounds request heads) against
the same platform without either (`API_RATE_LIMIT=0`, uvicorn's own httptools protocol),
taking turns in one run. The printed ratios ("ceiling" meaning "without") are with / without;
results go to bench/results/fair_use/:

    .venv/bin/python -m bench.fair_use [bench.run options, e.g. --scenarios get create --runs 3]
"""

from __future__ import annotations

import subprocess
import sys

from bench import run

WITHOUT = (
    "import uvicorn; uvicorn.run('backend.app:create_app_from_environment', factory=True,"
    " port={port}, http='httptools', proxy_headers=True, access_log=False, log_config=None)"
)


def without_fair_use(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {
        "DATABASE_URL": url,
        "JWT_SECRET": run.SECRET,
        "ADMIN_SECRET_KEY": run.SECRET,
        "ENVIRONMENT": "production",
        "API_RATE_LIMIT": "0",
    }
    return run.start([run.server_python(), "-c", WITHOUT.format(port=port)], env, port)


def main() -> None:
    run.ceiling_server = without_fair_use  # type: ignore[assignment]
    run.RESULTS = run.BENCH / "results" / "fair_use"
    sys.argv = ["bench.run", "--no-workers-check", *sys.argv[1:]]
    run.main()


if __name__ == "__main__":
    main()
