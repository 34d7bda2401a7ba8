"""The layer contracts `make lint` checks cover every module of the core, new ones included."""

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
