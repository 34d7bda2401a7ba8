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
    and_,
    any_,
    bindparam,
    cast,
    false,
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
from backend.tasks.rows import COLUMNS, TASKS
from backend.tasks.statements import answered, for_account, owned_tasks

LIMIT = bindparam("limit", type_=Integer)
LABELS = bindparam("labels", type_=ARRAY(Text))
# How many tasks with the labels asked for are sorted for a page; more, and the sort key's
# index is read instead (see `_labelled`).
LABEL_PROBE = 1000
# How many tasks in the page's order are looked at first for the labels (see `_labelled`).
LABEL_WINDOW = 300
# A parameter, not a constant, so that a prepared statement's generic plan reads the window in
# the index's order: PostgreSQL takes an unknown limit as a tenth of the rows it expects, where
# a constant 300 above its guess of an owner's tasks (few, in a table of many owners) would
# sort them all instead.
WINDOW = bindparam("window", type_=Integer)
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


def _after(key: list[ColumnElement[Any]], descending: bool, prefix: str = "after") -> Any:
    """Past a keyset position, given as parameters (the due sort's as text, since 'infinity'
    and '24:00' are no Python date and time).

    Written `(key, id) <= (position)` and `id <> position id` rather than `<`: the same rows,
    but PostgreSQL estimates a row comparison by its first column alone, and on a key with
    few values (priority) `priority < 1` looks empty where `priority <= 1` is most tasks.
    """
    if len(key) == 3:  # the due sort
        values = [
            cast(bindparam(f"{prefix}_date", type_=Text), Date),
            cast(bindparam(f"{prefix}_time", type_=Text), Time),
        ]
    else:
        values = [bindparam(f"{prefix}_key", type_=key[0].type)]
    last_id = bindparam(f"{prefix}_id", type_=Uuid)
    position, bound = tuple_(*key), tuple_(*values, last_id)
    return and_(position <= bound if descending else position >= bound, key[-1] != last_id)


def _filtered(shape: ListShape, source: FromClause = TASKS) -> Select[Any]:
    """The owner's tasks that pass the shape's filters (from the table, or from rows of it)."""
    columns = source.c
    due_date = sort_key(source, "due")[0]
    page = owned_tasks(*(columns[column.name] for column in COLUMNS), source=source)
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
    return page


def _ordered(
    page: Select[Any], key: list[ColumnElement[Any]], descending: bool, limit: Any = LIMIT
) -> Select[Any]:
    return page.order_by(*(column.desc() for column in key) if descending else key).limit(limit)


def _order(source: FromClause, key_name: str, descending: bool) -> list[ColumnElement[Any]]:
    """The page's order over `source`; without a due date last, whichever the direction."""
    key = sort_key(source, key_name)
    if not descending:
        return key
    ordered: list[ColumnElement[Any]] = [column.desc() for column in key]
    return [key[0] == NO_DATE, *ordered] if key_name == "due" else ordered


def _page(
    shape: ListShape, page: Select[Any], limit: Any = LIMIT, source: FromClause = TASKS
) -> Select[Any]:
    """The first `limit` of `page` (rows of `source`) in the shape's order, after its position."""
    key_name = shape.sort.lstrip("-")
    descending = shape.sort.startswith("-")
    key = sort_key(source, key_name)
    if key_name == "due" and descending:
        # Tasks without a due date come last both ways, so the index's order read backwards
        # serves the dated ones, then those without a date (each range bounded by a position:
        # the service places one of them past its end).
        dated = page.where(key[0] < NO_DATE, _after(key, True))
        undated = page.where(key[0] == NO_DATE, _after(key, True, "undated"))
        ranges = [_ordered(part, key, True, limit) for part in (dated, undated)]
        return _merged(shape, *ranges, limit=limit)
    if shape.after:
        page = page.where(_after(key, descending))
    # One extra row says whether another page follows, without a count.
    return _ordered(page, key, descending, limit)


def _merged(shape: ListShape, *parts: Select[Any], limit: Any = LIMIT) -> Select[Any]:
    merged = union_all(*parts).subquery()
    key_name = shape.sort.lstrip("-")
    order = _order(merged, key_name, shape.sort.startswith("-"))
    return select(*merged.c).order_by(*order).limit(limit)


def _labelled(shape: ListShape, page: Select[Any]) -> Select[Any]:
    """The page of the tasks that carry every label asked for, read the cheapest of three ways
    whatever PostgreSQL estimates (it cannot: the label keys hold the owner, whom it counts
    twice), each bounded:

    1. the next LABEL_WINDOW tasks in the page's order, when enough of them carry the labels
       (a common label: the label index is not touched at all);
    2. else up to LABEL_PROBE tasks with the labels, found through the label index, sorted;
    3. else (a label common overall but rare near the page) the sort key's index, filtered.

    Each later way runs only when the one before it did not answer (its condition is
    evaluated once, before any row is read).
    """
    keys = ARRAY(Text)

    def carried(source: FromClause) -> ColumnElement[bool]:
        """The row test where no index serves it: the same labels, lowered as text (a few
        microseconds a row, where the index's function runs a subquery for each)."""
        lowered = cast(func.lower(cast(source.c.labels, Text)), keys)
        return lowered.contains(cast(func.lower(cast(LABELS, Text)), keys))

    window = _page(shape, page, WINDOW).subquery("window")
    key_name, descending = shape.sort.lstrip("-"), shape.sort.startswith("-")
    in_window = (
        select(*window.c)
        .where(carried(window))
        .order_by(*_order(window, key_name, descending))
        .limit(LIMIT)
        .cte("label_window")
    )
    filled = select(func.count()).select_from(in_window).scalar_subquery() >= LIMIT
    # The partial label index's expression and condition (`backend.models.tasks`), word for
    # word; without the condition, the index cannot serve the filter. Owner-scoped by the keys
    # themselves (each is the owner's id and a label): an owner_id condition here would only
    # tempt PostgreSQL to AND the label index with the trigram index's owner entries, reading
    # all the owner's tasks' ids (10 ms at 100,000 tasks). The pages start from owned_tasks().
    wanted = func.task_label_keys(OWNER, LABELS, type_=keys)
    indexed = func.task_label_keys(TASKS.c.owner_id, TASKS.c.labels, type_=keys)
    # The matching tasks themselves, not their ids: sorted from here, there is no index for
    # PostgreSQL to prefer instead (joined back to the task table by id, a generic plan walked
    # the sort key's index past a cursor, checking each task: 60,000 read).
    matches = (
        select(*COLUMNS)
        .where(indexed.contains(wanted), TASKS.c.labels != literal_column("'{}'"), ~filled)
        .limit(literal_column(str(LABEL_PROBE + 1)))
        .cte("label_matches")
    )
    found = select(func.count()).select_from(matches).scalar_subquery()
    probe: ColumnElement[Any] = literal_column(str(LABEL_PROBE))
    few = _filtered(shape, matches).where(found <= probe)
    # Wrapped so that PostgreSQL, with no statistics for it, assumes half the tasks match and
    # reads the sort key's index (a bitmap of the owner's every task is what it would pick
    # if it believed the label rare).
    many = page.where(func.coalesce(carried(TASKS), false()), found > probe)
    few_page = _page(shape, few, source=matches)
    return _merged(shape, select(*in_window.c).where(filled), few_page, _page(shape, many))


def list_statement(shape: ListShape) -> Select[Any]:
    """One page of the owner's tasks: `limit + 1` rows (one row of NULLs when none match)."""
    page = _filtered(shape)
    rows = (_labelled(shape, page) if shape.labels else _page(shape, page)).lateral("page")
    outer = _order(rows, shape.sort.lstrip("-"), shape.sort.startswith("-"))
    return for_account(*answered(rows), answer=rows).order_by(*outer)


@cache
def list_sql(shape: ListShape) -> str:
    return compile_sql(list_statement(shape))
