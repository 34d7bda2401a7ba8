"""The statements the task API sends, each shape named: the source of the golden SQL files
(tests/golden_sql/), so a change to any statement shows its SQL in the diff.

Shapes combine parts (the fields an update sets, the filters of a list); each part is shown
alone and with all the others, which is every piece of SQL the combinations are made of.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, replace
from typing import get_args

from backend.tasks import statements
from backend.tasks.cursors import ListShape, SortKey
from backend.tasks.feed import changes_sql
from backend.tasks.listing import list_sql
from backend.tasks.rows import WRITABLE


def _list_shapes() -> Iterator[ListShape]:
    filters = [field.name for field in fields(ListShape) if field.name not in ("sort", "after")]
    for sort in get_args(SortKey):
        for after in (False, True):
            plain = ListShape(sort=sort, after=after)
            yield plain
            yield replace(plain, **dict.fromkeys(filters, True))  # type: ignore[arg-type]
    for name in filters:
        for after in (False, True):
            yield replace(ListShape(sort="-created_at", after=after), **{name: True})  # type: ignore[arg-type]
    yield ListShape(sort="-created_at", has_due=False)


def _list_shape_name(shape: ListShape) -> str:
    parts: list[str] = [shape.sort]
    for field in fields(ListShape):
        value = getattr(shape, field.name)
        if field.name != "sort" and value != field.default:
            parts.append(field.name if value is True else f"{field.name}={value}")
    return " ".join(parts)


def every_shape() -> Iterator[tuple[str, str, str]]:
    """(statement, shape, SQL) for the statements the API sends: the golden files' source."""
    yield "get", "", statements.get_sql()
    yield "create", "", statements.create_sql()
    yield "create_idempotent", "", statements.idempotent_create_sql()
    yield "create_idempotent", "stored answer", statements.stored_answer_sql()
    patchable = sorted(WRITABLE)
    for conditional in (False, True):
        for fields_set in [(name,) for name in patchable] + [tuple(patchable)]:
            shape = f"set {', '.join(fields_set)}{' if-match' if conditional else ''}"
            yield "update", shape, statements.update_sql(fields_set, conditional)
        yield "delete", "if-match" if conditional else "", statements.delete_sql(conditional)
    yield "changes", "", changes_sql()
    for list_shape in _list_shapes():
        yield "list", _list_shape_name(list_shape), list_sql(list_shape)
