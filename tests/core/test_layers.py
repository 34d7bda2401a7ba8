"""The code's shape, checked: the layers contract `make lint` runs covers every module of
`backend/`, new ones included, and no module grows past one capability's size."""

from __future__ import annotations

import tomllib

from tests.helpers import REPO_ROOT


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
