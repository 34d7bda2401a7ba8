"""Every statement the task API can send, each shape named: the source of the golden SQL files
(tests/golden_sql/), so a change to any statement shows its SQL in the diff."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations, product
from typing import get_args

from backend.tasks import statements
from backend.tasks.cursors import SortKey
from backend.tasks.feed import changes_sql
from backend.tasks.rows import WRITABLE


def every_shape() -> Iterator[tuple[str, str, str]]:
    """(statement, shape, SQL) for every statement the API can send: the golden files' source."""
    yield "get", "", statements.get_sql()
    yield "create", "", statements.create_sql()
    yield "create_idempotent", "", statements.idempotent_create_sql()
    yield "create_idempotent", "stored answer", statements.stored_answer_sql()
    patchable = sorted(WRITABLE)
    for conditional in (False, True):
        for size in range(1, len(patchable) + 1):
            for fields in combinations(patchable, size):
                shape = f"set {', '.join(fields)}{' if-match' if conditional else ''}"
                yield "update", shape, statements.update_sql(fields, conditional)
        yield "delete", "if-match" if conditional else "", statements.delete_sql(conditional)
    yield "changes", "", changes_sql()
    for sort, completed, q, after in product(get_args(SortKey), *[(False, True)] * 3):
        flags = [name for name, on in (("completed", completed), ("q", q), ("after", after)) if on]
        yield "list", " ".join([sort, *flags]), statements.list_sql(sort, completed, q, after)
