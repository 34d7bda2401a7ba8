"""docs/api.md, the contract in the repository, kept true: its tables of routes, error codes,
environment variables and commands name exactly what the app declares."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Route

from backend.cli import build_parser
from backend.core import errors
from backend.core.settings import Settings
from tests.helpers import REPO_ROOT, served_routes

DOC = (REPO_ROOT / "docs" / "api.md").read_text()
CODE = re.compile(r"`([^`]+)`")


def _first_cells(heading: str) -> Iterator[str]:
    """The first cell of every body row of every table in the section under `heading` (the
    first two when the first is a status)."""
    section = DOC.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]
    table: list[str] = []
    for line in [*section.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        for row in table[2:]:  # past the header and its rule
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip().strip("|"))]
            yield from cells[:2] if cells[0].isdigit() else cells[:1]
        table = []


def _documented_routes() -> set[tuple[str, str]]:
    cells = [*_first_cells("## The task API"), *_first_cells("## Operations")]
    return {
        (method, path)
        for cell in cells
        for method, path in re.findall(r"`(GET|POST|PUT|PATCH|DELETE) (/\S*)`", cell)
    }


def test_the_route_tables_name_every_route_the_app_serves(client: TestClient) -> None:
    served = {
        (method, route.path_format)
        for route in served_routes(client.app.routes)
        if isinstance(route, APIRoute | Route)
        for method in route.methods or ()
        if method != "HEAD"
    }
    assert _documented_routes() == served


def _declared_errors() -> set[tuple[str, str]]:
    def subclasses(cls: type[errors.AppError]) -> Iterator[type[errors.AppError]]:
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    raised = {
        (str(error.status_code), error.code)
        for error in subclasses(errors.AppError)
        if not error.__name__.startswith("_")
    }
    framework = {(str(status), code) for status, code in errors._CODES_BY_STATUS.items()}
    return raised | framework | {("500", "internal_error")}


def test_the_error_table_names_every_status_and_code_the_app_answers() -> None:
    rows = list(_first_cells("## Errors"))
    documented = {
        (status, code.strip("`")) for status, code in zip(rows[::2], rows[1::2], strict=True)
    }
    assert documented == _declared_errors()


def test_the_variable_table_names_every_setting() -> None:
    documented = {name for cell in _first_cells("## Configuration") for name in CODE.findall(cell)}
    assert documented == {name.upper() for name in Settings.model_fields}


def test_the_command_table_names_every_command() -> None:
    # `taskapi db upgrade [--x X]` names the command `db upgrade`: the words before options.
    documented = {
        " ".join(re.split(r" [\[-]", CODE.findall(cell)[0], maxsplit=1)[0].split()[1:])
        for cell in _first_cells("## Command line")
    }
    parser = build_parser()
    [commands] = [action for action in parser._actions if action.choices and action.dest != "help"]
    declared: set[str] = set()
    for name, sub in commands.choices.items():
        positional = [a for a in sub._actions if not a.option_strings and a.choices]
        declared |= {f"{name} {choice}" for a in positional for choice in a.choices} or {name}
    assert documented == declared
