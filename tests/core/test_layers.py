"""The code's shape, checked: the layers contract `make lint` runs covers every module of
`backend/`, new ones included, no module grows past one capability's size, and a serving
process loads only what serving needs."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.helpers import REPO_ROOT, TEST_SECRET


def _layers() -> list[str]:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    [layers] = [contract for contract in contracts if contract["type"] == "layers"]
    return [name.strip() for layer in layers["layers"] for name in layer.split("|")]


def test_every_backend_module_sits_in_a_layer() -> None:
    """A module outside every layer would be free to import anything: each top-level module
    and package of backend/ must be named in the layers contract."""
    top_level = {
        f"backend.{path.stem}"
        for path in (REPO_ROOT / "backend").iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path.is_dir() and (path / "__init__.py").exists())
    }
    assert top_level == set(_layers())


def test_no_backend_module_passes_300_lines() -> None:
    """One capability per module: past 300 lines a module is holding more than one."""
    long = {
        str(path.relative_to(REPO_ROOT)): lines
        for path in (REPO_ROOT / "backend").rglob("*.py")
        if (lines := len(path.read_text().splitlines())) > 300
    }
    assert long == {}


# Builds the app as a worker does, answers an API request, then a back-office page.
_SERVE = """
import sys
from fastapi.testclient import TestClient
import backend.cli
from backend.app import create_app_from_environment

client = TestClient(create_app_from_environment())
client.get("/healthz")
before = sorted(name for name in ("alembic", "sqladmin") if name in sys.modules)
page = client.get("/admin/login")
print(before, page.status_code, "sqladmin" in sys.modules, "Sign in" in page.text)
"""


def test_a_serving_process_loads_neither_alembic_nor_the_back_office_until_asked() -> None:
    """Alembic (the head revision is read from the files) and SQLAdmin (built by the first
    back-office request) are 18 MiB and half a second of start-up an API worker need not pay."""
    env = {
        "DATABASE_URL": "postgresql://nobody:nothing@127.0.0.1:9/none",  # nothing connects
        "JWT_SECRET": TEST_SECRET,
        "ADMIN_SECRET_KEY": TEST_SECRET,
        "PATH": "/usr/bin:/bin",
    }
    said = subprocess.run(
        [sys.executable, "-c", _SERVE], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()[-1]
    assert said == "[] 200 True True"
