"""Golden SQL: the text of every statement the task API sends, kept in tests/golden_sql/.

A change to a statement fails here until the files are rewritten (`make golden-sql`), so the
SQL a change sends is in its diff for a reviewer to read.
"""

from __future__ import annotations

import os
from collections import defaultdict

import pytest

from backend.tasks.shapes import every_shape
from tests.helpers import REPO_ROOT

GOLDEN = REPO_ROOT / "tests" / "golden_sql"


def _rendered() -> dict[str, str]:
    """One file per statement, each of its shapes under a comment that names it."""
    shapes: dict[str, list[str]] = defaultdict(list)
    for statement, shape, sql in every_shape():
        title = f"-- {statement}{': ' + shape if shape else ''}"
        shapes[statement].append(f"{title}\n{sql.strip()};\n")
    return {f"{statement}.sql": "\n".join(texts) for statement, texts in shapes.items()}


def test_golden_sql_files_hold_every_statement_as_compiled() -> None:
    rendered = _rendered()
    if os.environ.get("UPDATE_GOLDEN_SQL"):
        for stale in set(path.name for path in GOLDEN.glob("*.sql")) - set(rendered):
            (GOLDEN / stale).unlink()
        for name, text in rendered.items():
            (GOLDEN / name).write_text(text)
    on_disk = {path.name: path.read_text() for path in GOLDEN.glob("*.sql")}
    assert set(on_disk) == set(rendered), "run `make golden-sql` and commit tests/golden_sql/"
    for name, text in rendered.items():
        assert on_disk[name] == text, (
            f"the SQL of {name} changed: run `make golden-sql`, read the diff, commit it"
        )


def test_every_shape_is_named_once() -> None:
    names = [(statement, shape) for statement, shape, _ in every_shape()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("statement", ["get", "create", "update", "delete", "list"])
def test_every_task_statement_goes_through_the_user_check(statement: str) -> None:
    """`for_account` puts the user's first-sight creation and active check in every task
    statement: each answers `active`, creates the user in its `created` CTE, and reads or
    writes only the owner's tasks."""
    owner_scope = (
        "INSERT INTO task (id, owner_id, " if statement == "create" else "task.owner_id = "
    )
    for name, _, sql in every_shape():
        if name == statement:
            assert "created AS" in sql and "account.active" in sql, sql
            assert f"{owner_scope}" in sql, sql
            assert sql.count("%(owner_id)s::UUID") >= 3, sql  # the account's two, the task's
