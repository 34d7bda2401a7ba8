"""Task services: each reads or writes the owner's tasks with one statement, read by name.

"Not found" and "not yours" come from the same code path, so another user's task is
indistinguishable from a missing one. `versions` is what an `If-Match` header accepted (parsed
at the API's edge): None when any version will do.

Every write is safe to repeat, for when its connection dies before the answer arrives
(`StatementPool.write` runs it again on another): its task id (a create) or its timestamp
`now` (an update, a delete) is chosen before the first try, and the first try, if applied,
left it in the database. A repeat that finds it answers as the first try would have.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from psycopg.errors import UniqueViolation

from backend.accounts.tokens import Principal
from backend.accounts.users import account_params
from backend.core.errors import InvalidFields, NotFound, PreconditionFailed, UserInactive
from backend.core.schedule import NEEDS
from backend.core.statement_pool import StatementPool
from backend.core.text import literal_substring
from backend.models import utcnow
from backend.tasks import statements
from backend.tasks.cursors import NO_DUE_DATE, NO_DUE_TIME, CursorCodec, ListQuery
from backend.tasks.listing import LABEL_WINDOW, list_sql
from backend.tasks.rows import TaskBody, public, to_json
from backend.tasks.schemas import TaskCreate


def answered_row(rows: list[Any]) -> Any:
    """A statement's one row, once its `active` says the user may use the API."""
    row = rows[0]
    if not row.active:  # an inactive user's statement read and changed nothing
        raise UserInactive()
    return row


async def _task_row(*, db: StatementPool, principal: Principal, task_id: uuid.UUID) -> Any:
    params = account_params(principal)
    params["task_id"] = task_id
    row = answered_row(await db.fetch(statements.get_sql(), params))
    if row.id is None:
        raise NotFound("Task not found.")
    return row


async def get_task(*, db: StatementPool, principal: Principal, task_id: uuid.UUID) -> TaskBody:
    """The owner's task, or NotFound."""
    return TaskBody.of(await _task_row(db=db, principal=principal, task_id=task_id))


def create_params(principal: Principal, data: TaskCreate) -> dict[str, Any]:
    """A create's parameters: the task's fields, its new id and the time (`now`)."""
    params = account_params(principal)
    params.update(data.model_dump(), task_id=uuid.uuid4(), now=utcnow())
    return params


async def create_task(*, db: StatementPool, principal: Principal, data: TaskCreate) -> TaskBody:
    """Insert a task for the owner."""
    params = create_params(principal, data)
    try:
        rows, _ = await db.write(statements.create_sql(), params)
    except UniqueViolation as exc:
        # The id is new (uuid4): only a repeat can meet it, so the first try was applied.
        if exc.diag.constraint_name != "pk_task":
            raise
        return await get_task(db=db, principal=principal, task_id=params["task_id"])
    return TaskBody.of(answered_row(rows))


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """An applied update: the task as it now is, and whether it was completed before."""

    task: TaskBody
    completed: bool
    was_completed: bool

    @property
    def completed_now(self) -> bool:
        """Whether this update moved the task from open to completed."""
        return self.completed and not self.was_completed


async def update_task(
    *,
    db: StatementPool,
    principal: Principal,
    task_id: uuid.UUID,
    changes: dict[str, Any],
    versions: list[int] | None,
) -> UpdateResult:
    """Apply `changes` in one UPDATE; with `versions`, only if the task's is one of them."""
    if not changes:
        # Nothing to change: the task stays as it is, version and updated_at included.
        row = await _task_row(db=db, principal=principal, task_id=task_id)
        if versions is not None and row.version not in versions:
            raise PreconditionFailed()
        return UpdateResult(
            task=TaskBody.of(row), completed=row.completed, was_completed=row.completed
        )
    params = account_params(principal)
    params.update(changes, task_id=task_id, now=utcnow())
    if versions is not None:
        params["versions"] = versions
    shape = (tuple(sorted(changes)), versions is not None)
    rows, repeated = await db.write(
        statements.update_sql(*shape), params, again=statements.update_sql(*shape, repeat=True)
    )
    row = answered_row(rows)
    if row.id is None:
        if repeated and row.found:
            mine = await _task_row(db=db, principal=principal, task_id=task_id)
            if mine.updated_at == params["now"]:
                # The first try's result. Whether it completed the task is not known now: the
                # completed-tasks counter may miss it, rather than count one twice.
                return UpdateResult(task=TaskBody.of(mine), completed=True, was_completed=True)
        if not row.found:
            raise NotFound("Task not found.")
        broken = [
            (field, problem)
            for field, (_, problem) in NEEDS.items()
            if getattr(row, f"{field}_ok", True) is False
        ]
        raise InvalidFields(broken) if broken else PreconditionFailed()
    return UpdateResult(
        task=TaskBody.of(row), completed=row.completed, was_completed=row.was_completed
    )


async def delete_task(
    *, db: StatementPool, principal: Principal, task_id: uuid.UUID, versions: list[int] | None
) -> None:
    """Move the owner's task to the trash; with `versions`, only if the task's is one of them."""
    params = account_params(principal)
    params["task_id"] = task_id
    params["now"] = utcnow()
    if versions is not None:
        params["versions"] = versions
    rows, repeated = await db.write(statements.delete_sql(versions is not None), params)
    row = answered_row(rows)
    if repeated and not row.deleted and await db.fetch(statements.tombstone_sql(), params):
        return  # the first try moved it to the trash
    if not row.deleted:
        # Without If-Match, a task that existed but was not deleted went in a concurrent delete.
        raise (
            PreconditionFailed()
            if row.existed and versions is not None
            else NotFound("Task not found.")
        )


# Past every task id (a UUID's largest) and before every one.
_LAST_ID, _NO_ID = uuid.UUID(int=(1 << 128) - 1), uuid.UUID(int=0)


def _descending_due_positions(after: tuple[Any, uuid.UUID] | None) -> dict[str, Any]:
    """A `-due` page reads two ranges, the dated tasks and then the undated: each needs a
    position. The cursor's is for the range it is in; the other range gets its start (the
    undated, while the cursor is among the dated) or its end (the dated, once past them)."""
    dated_start, dated_end = ((NO_DUE_DATE, "00:00"), _NO_ID), (("-infinity", "00:00"), _NO_ID)
    if after is None:
        dated, undated_id = dated_start, _LAST_ID
    elif after[0][0] == NO_DUE_DATE:
        dated, undated_id = dated_end, after[1]
    else:
        dated, undated_id = after, _LAST_ID
    (after_date, after_time), after_id = dated
    return {
        "after_date": after_date,
        "after_time": after_time,
        "after_id": after_id,
        "undated_date": NO_DUE_DATE,
        "undated_time": NO_DUE_TIME,
        "undated_id": undated_id,
    }


def list_params(
    *, principal: Principal, query: ListQuery, limit: int, after: tuple[Any, uuid.UUID] | None
) -> tuple[str, dict[str, Any]]:
    """The statement of one page and its parameters: `limit + 1` rows after `after`."""
    params = account_params(principal)
    params["limit"] = limit + 1
    if query.completed is not None:
        params["completed"] = query.completed
    if query.q:
        params["pattern"] = literal_substring(query.q)
    if query.due_from is not None:
        params["due_from"] = query.due_from
    if query.due_to is not None:
        params["due_to"] = query.due_to
    if query.priorities:
        params["priorities"] = sorted(set(query.priorities))
    if query.labels:
        params["labels"] = list(query.labels)
        params["window"] = LABEL_WINDOW
    if query.sort == "-due":
        params.update(_descending_due_positions(after))
    elif after is not None:
        value, params["after_id"] = after
        if query.key == "due":
            params["after_date"], params["after_time"] = value
        else:
            params["after_key"] = value
    return list_sql(query.shape(after=after is not None)), params


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
    sql, params = list_params(principal=principal, query=query, limit=limit, after=after)
    # With `q`, the best plan depends on the word: a common one fills the page from the sort
    # key's index, a rare one comes from the trigram index. A prepared statement's generic
    # plan picks one for every word (the trigram one: 10 x slower for a common word), so these
    # are planned for their own pattern each time. The same holds for priorities and due
    # dates: how many tasks have them decides. A label page may be prepared: it chooses its
    # way itself, as it runs (`backend.tasks.listing._labelled`), so one plan serves every
    # label (tests/core/test_query_plans.py holds its generic plan to the same bounds).
    chosen = query.q or query.priorities or query.due_from or query.due_to
    rows = await db.fetch(sql, params, prepare=False if chosen else None)
    if answered_row(rows).id is None:
        rows = []
    items = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        next_cursor = codec.encode(query, items[-1])
    return to_json({"items": [public(row) for row in items], "next_cursor": next_cursor})
