"""What a serving process holds before its first request, package by package.

    .venv/bin/python -m bench.footprint

Issue 28 wants a worker under 100 MiB; bench/run.py measures its peak. This says where it goes:
a fresh interpreter of the servers' environment (bench/.runtime/, the runtime dependencies only)
imports, one at a time, every module a `taskapi serve` worker imports, in the order their
imports complete (so each one's own imports are already in), then builds the app. It prints
the resident memory each package's modules added. What several packages share (the pages of
a library they all use, say) is charged to the first to load it, so a package's figure depends
on what came before it: it is what that package added in this order, the worker's own. Nothing connects: the app factory opens no
connection until a request needs one.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

from bench import run

# What a one-worker `taskapi serve` process imports: the CLI, uvicorn's server on uvloop and
# the platform's httptools protocol, then the app factory's module.
WORKER_IMPORTS = (
    "import backend.cli, uvicorn, uvloop, uvicorn.lifespan.on\n"
    "import backend.core.bounded_http\n"
    "import backend.app\n"
)
ENV = {
    "DATABASE_URL": "postgresql://nobody:unused@127.0.0.1:9/nothing",
    "JWT_SECRET": run.SECRET,
    "ADMIN_SECRET_KEY": run.SECRET,
    "ENVIRONMENT": "production",
}
STEPS = r"""
import importlib, json, re, sys

def rss_mib():
    status = open("/proc/self/status").read()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024

steps = [("the interpreter", rss_mib())]
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except ImportError:  # tried and not there (another platform's module): nothing loaded
        continue
    steps.append((name.split(".")[0], rss_mib()))
import backend.cli, backend.core.bounded_http, backend.app
steps.append(("backend (the platform's own modules)", rss_mib()))
backend.app.create_app_from_environment()
steps.append(("create_app()", rss_mib()))
print(json.dumps(steps))
"""


def in_worker_python(*argv: str) -> subprocess.CompletedProcess[str]:
    """`argv` run by the servers' Python, with a worker's environment."""
    return subprocess.run(
        [run.server_python(), *argv],
        env=run.spawn_env(ENV),
        cwd=run.BENCH.parent,
        capture_output=True,
        text=True,
        check=True,
    )


def import_order() -> list[str]:
    """The worker's modules in the order their imports complete (-X importtime prints a module
    when its import ends, after its own imports)."""
    err = in_worker_python("-X", "importtime", "-c", WORKER_IMPORTS).stderr
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)$", err, re.M)
    return [name for name in names if name.split(".")[0] not in ("backend", "__main__")]


def main() -> None:
    out = in_worker_python("-c", STEPS, json.dumps(import_order())).stdout
    steps = json.loads(out.splitlines()[-1])
    standard = set(sys.stdlib_module_names)
    rows: dict[str, float] = {}
    previous = 0.0
    for name, rss in steps:
        # The standard library's modules are counted together, the rest one by one.
        label = "the standard library" if name in standard or name.startswith("_") else name
        rows[label] = rows.get(label, 0.0) + rss - previous
        previous = rss
    print(f"{'imported':40} {'MiB':>6}")
    shown = 0.0
    for label, mib in sorted(rows.items(), key=lambda item: -item[1]):
        if mib >= 0.5:
            print(f"{label:40} {mib:6.1f}")
            shown += mib
    print(f"{'everything else (under 0.5 MiB each)':40} {previous - shown:6.1f}")
    print(f"{'resident before the first request':40} {previous:6.1f}")


if __name__ == "__main__":
    main()
