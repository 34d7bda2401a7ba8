"""The list statement: one keyset page of the owner's tasks, for every sort and filter the API
allows, each a range scan of one owner index (tests/core/test_query_plans.py holds them to it).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    FromClause,
    Integer,
    Select,
    SmallInteger,
    Text,
    Time,
    Uuid,
    any_,
    bindparam,
    cast,
    func,
    literal_column,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY

from backend.accounts.users import OWNER
from backend.core.sql import compile_sql
from backend.tasks.cursors import NO_DUE_DATE, NO_DUE_TIME, ListShape
from backend.tasks.rows import TASKS
from backend.tasks.statements import answered, for_account, owned_tasks

LIMIT = bindparam("limit", type_=Integer)
NO_DATE: ColumnElement[Any] = literal_column(f"'{NO_DUE_DATE}'::date")


def sort_key(source: FromClause, key: str) -> list[ColumnElement[Any]]:
    """A sort's key over `source` (the task table, or a page of it), the id last: the columns
    of the owner index that serves it. The due sort's key is never NULL (the index's
    expressions, see `backend.models.tasks`), so that positions compare."""
    columns = source.c
    if key == "due":
        first: list[ColumnElement[Any]] = [
            func.coalesce(columns.due_date, NO_DATE),
            func.coalesce(columns.due_time, literal_column(f"'{NO_DUE_TIME}'::time")),
        ]
    else:
        first = [columns[key]]
    return [*first, columns.id]


def _bound(key: str, prefix: str = "after") -> Any:
    """A keyset position as parameters; the due sort's come as text, since 'infinity' and
    '24:00' are no Python date and time."""
    if key == "due":
        values = [
            cast(bindparam(f"{prefix}_date", type_=Text), Date),
            cast(bindparam(f"{prefix}_time", type_=Text), Time),
        ]
    else:
        values = [bindparam(f"{prefix}_key", type_=TASKS.c[key].type)]
    return tuple_(*values, bindparam(f"{prefix}_id", type_=Uuid))


def _filtered(shape: ListShape) -> Select[Any]:
    """The owner's tasks that pass the shape's filters."""
    columns = TASKS.c
    due_date = sort_key(TASKS, "due")[0]
    page = owned_tasks()
    if shape.completed:
        page = page.where(columns.completed == bindparam("completed", type_=Boolean))
    if shape.q:
        pattern = bindparam("pattern", type_=Text)
        page = page.where(
            or_(
                columns.title.ilike(pattern, escape="\\"),
                columns.description.ilike(pattern, escape="\\"),
            )
        )
    # On the due sort's key, so that the due index serves them.
    if shape.has_due is True or (shape.due_from and not shape.due_to):
        page = page.where(due_date < NO_DATE)
    if shape.has_due is False:
        page = page.where(due_date == NO_DATE)
    if shape.due_from:
        page = page.where(due_date >= bindparam("due_from", type_=Date))
    if shape.due_to:
        page = page.where(due_date <= bindparam("due_to", type_=Date))
    if shape.priority:
        page = page.where(
            columns.priority == any_(bindparam("priorities", type_=ARRAY(SmallInteger)))
        )
    if shape.labels:
        # The partial label index's expression and condition (`backend.models.tasks`), word for word.
        keys = ARRAY(Text)
        wanted = func.task_label_keys(OWNER, bindparam("labels", type_=keys), type_=keys)
        page = page.where(
            func.task_label_keys(columns.owner_id, columns.labels, type_=keys).contains(wanted),
            columns.labels != literal_column("'{}'"),
        )
    return page


def _ordered(page: Select[Any], key: list[ColumnElement[Any]], descending: bool) -> Select[Any]:
    return page.order_by(*(column.desc() for column in key) if descending else key).limit(LIMIT)


def list_statement(shape: ListShape) -> Select[Any]:
    """One page of the owner's tasks: `limit + 1` rows (one row of NULLs when none match)."""
    key_name = shape.sort.lstrip("-")
    descending = shape.sort.startswith("-")
    key = sort_key(TASKS, key_name)
    page = _filtered(shape)
    if key_name == "due" and descending:
        # Tasks without a due date come last both ways, so the index's order read backwards
        # serves the dated ones, then those without a date (each range bounded by a position:
        # the service places one of them past its end).
        dated = page.where(key[0] < NO_DATE, tuple_(*key) < _bound("due"))
        undated = page.where(key[0] == NO_DATE, tuple_(*key) < _bound("due", "undated"))
        both = union_all(_ordered(dated, key, True), _ordered(undated, key, True)).subquery()
        inner = select(*both.c).order_by(
            (sort_key(both, "due")[0] == NO_DATE), *(c.desc() for c in sort_key(both, "due"))
        )
        rows = inner.limit(LIMIT).lateral("page")
    else:
        if shape.after:
            position = tuple_(*key)
            page = page.where(
                position < _bound(key_name) if descending else position > _bound(key_name)
            )
        # One extra row says whether another page follows, without a count.
        rows = _ordered(page, key, descending).lateral("page")
    outer = sort_key(rows, key_name)
    if key_name == "due" and descending:
        outer = [outer[0] == NO_DATE, *(column.desc() for column in outer)]
    elif descending:
        outer = [column.desc() for column in outer]
    return for_account(*answered(rows), answer=rows).order_by(*outer)


@cache
def list_sql(shape: ListShape) -> str:
    return compile_sql(list_statement(shape))
