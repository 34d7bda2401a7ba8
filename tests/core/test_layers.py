"""The code's shape, checked: the layer contracts `make lint` runs cover every module of the
core, new ones included, and no module grows past one capability's size."""

from __future__ import annotations

import tomllib

from tests.helpers import REPO_ROOT

# The modules whose job is to wire the web layers together, or to launch them by name.
_WIRING = {"backend.app", "backend.cli", "backend.__init__"}


def test_every_core_module_is_under_the_no_web_layer_contract() -> None:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    core = next(c for c in contracts if c["name"] == "The core imports no web layer")
    modules = {f"backend.{path.stem}" for path in (REPO_ROOT / "backend").glob("*.py")}
    assert modules - _WIRING - set(core["source_modules"]) == set()
    assert set(core["source_modules"]) <= modules, "a contract names a module that is gone"


def test_no_backend_module_passes_300_lines() -> None:
    """One capability per module: past 300 lines a module is holding more than one."""
    long = {
        str(path.relative_to(REPO_ROOT)): lines
        for path in (REPO_ROOT / "backend").rglob("*.py")
        if (lines := len(path.read_text().splitlines())) > 300
    }
    assert long == {}
