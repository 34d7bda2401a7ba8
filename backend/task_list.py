"""Listing a user's tasks: one keyset page in one statement, filtered by `completed` and `q`."""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Integer,
    Select,
    String,
    Text,
    Uuid,
    bindparam,
    or_,
    select,
    tuple_,
)
from sqlmodel import col

from backend.cursors import CursorCodec, ListQuery, SortKey
from backend.db import StatementPool
from backend.models import Task
from backend.security import Principal
from backend.task_rows import (
    ID,
    SORT_INDEX,
    answered,
    owned_tasks,
    public,
    refuse_inactive,
    to_json,
)
from backend.text import literal_substring
from backend.users import account, account_params, compile_sql


def list_statement(*, sort: SortKey, completed: bool, q: bool, after: bool) -> Select[Any]:
    """One page of the owner's tasks in one statement: a range scan of an (owner, sort key, id)
    index, `limit + 1` rows, each after the `active` flag (one row of NULLs when none match)."""
    key_name = sort.lstrip("-")
    key = getattr(Task, key_name)
    page = owned_tasks()
    if completed:
        page = page.where(col(Task.completed) == bindparam("completed", type_=Boolean))
    if q:
        pattern = bindparam("pattern", type_=Text)
        page = page.where(
            or_(
                col(Task.title).ilike(pattern, escape="\\"),
                col(Task.description).ilike(pattern, escape="\\"),
            )
        )
    descending = sort.startswith("-")
    if after:
        key_type = String() if key_name == "title" else DateTime(timezone=True)
        position = tuple_(key, col(Task.id))
        bound = tuple_(bindparam("after_key", type_=key_type), bindparam("after_id", type_=Uuid))
        page = page.where(position < bound if descending else position > bound)
    order = (key.desc(), col(Task.id).desc()) if descending else (key.asc(), col(Task.id).asc())
    # One extra row says whether another page follows, without a count.
    rows = page.order_by(*order).limit(bindparam("limit", type_=Integer)).lateral("page")
    account_cte, created = account()
    outer_key = rows.c[key_name]
    outer = (outer_key.desc(), rows.c.id.desc()) if descending else (outer_key, rows.c.id)
    return (
        select(account_cte.c.active, *answered(rows))
        .select_from(account_cte.outerjoin(rows, account_cte.c.active))
        .add_cte(created)
        .order_by(*outer)
    )


@cache
def _list_sql(sort: SortKey, completed: bool, q: bool, after: bool) -> str:
    return compile_sql(list_statement(sort=sort, completed=completed, q=q, after=after))


def list_sql(
    *,
    principal: Principal,
    query: ListQuery,
    limit: int,
    after: tuple[Any, uuid.UUID] | None,
) -> tuple[str, dict[str, Any]]:
    """The statement of one page and its parameters: `limit + 1` rows after `after`."""
    params = account_params(principal)
    params["limit"] = limit + 1
    if query.completed is not None:
        params["completed"] = query.completed
    if query.q:
        params["pattern"] = literal_substring(query.q)
    if after is not None:
        params["after_key"], params["after_id"] = after
    sql = _list_sql(query.sort, query.completed is not None, bool(query.q), after is not None)
    return sql, params


async def list_tasks(
    *,
    db: StatementPool,
    principal: Principal,
    query: ListQuery,
    limit: int,
    cursor: str | None,
    codec: CursorCodec,
) -> bytes:
    """One page of the owner's tasks in keyset order, as the contract's JSON body."""
    after = codec.decode(query, cursor) if cursor is not None else None
    sql, params = list_sql(principal=principal, query=query, limit=limit, after=after)
    # With `q`, the best plan depends on the word: a common one fills the page from the sort
    # key's index, a rare one comes from the trigram index. A prepared statement's generic
    # plan picks one for every word (the trigram one: 10 x slower for a common word), so these
    # are planned for their own pattern each time.
    rows = await db.fetch(sql, params, retry=True, prepare=False if query.q else None)
    refuse_inactive(rows)
    if rows[0][1] is None:
        rows = []
    items = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]
        next_cursor = codec.encode(query, last[1 + SORT_INDEX[query.key]], last[1 + ID])
    return to_json({"items": [public(row) for row in items], "next_cursor": next_cursor})
