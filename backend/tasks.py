"""Task services: every read and write starts from one owner-scoped statement.

"Not found" and "not yours" come from the same code path, so another user's task is
indistinguishable from a missing one. `versions` is what an `If-Match` header accepted (parsed
at the API's edge): None when any version will do.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import any_, bindparam, delete, exists, literal_column, select, true, update
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col

from backend.db import StatementPool
from backend.errors import NotFound, PreconditionFailed
from backend.models import Task, TaskCreate, TaskTrash, utcnow
from backend.security import Principal
from backend.task_rows import (
    COLUMNS,
    COMPLETED,
    NOW,
    TASK_ID,
    TASKS,
    VERSIONS,
    TaskBody,
    answered,
    create_params,
    new_task_values,
    owned,
    owned_tasks,
    refuse_inactive,
    task_body,
)
from backend.users import account, account_params, compile_sql


@cache
def _get_sql() -> str:
    row = owned_tasks().where(col(Task.id) == TASK_ID).subquery("row")
    account_cte, created = account()
    return compile_sql(
        select(account_cte.c.active, *answered(row))
        .select_from(account_cte.outerjoin(row, account_cte.c.active))
        .add_cte(created)
    )


async def get_task(*, db: StatementPool, principal: Principal, task_id: uuid.UUID) -> TaskBody:
    """The owner's task, or NotFound."""
    params = account_params(principal)
    params["task_id"] = task_id
    rows = await db.fetch(_get_sql(), params, retry=True)
    refuse_inactive(rows)
    if rows[0][1] is None:
        raise NotFound("Task not found.")
    return task_body(rows[0])


@cache
def _create_sql() -> str:
    account_cte, created = account()
    values = new_task_values()
    inserted = (
        insert(Task)
        .from_select(list(values), select(*values.values()).where(account_cte.c.active))
        .returning(*COLUMNS)
        .cte("inserted")
    )
    return compile_sql(
        select(account_cte.c.active, *answered(inserted))
        .select_from(account_cte.outerjoin(inserted, true()))
        .add_cte(created)
    )


async def create_task(*, db: StatementPool, principal: Principal, data: TaskCreate) -> TaskBody:
    """Insert a task for the owner."""
    rows = await db.fetch(_create_sql(), create_params(principal, data))
    refuse_inactive(rows)
    return task_body(rows[0])


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


@cache
def _update_sql(fields: tuple[str, ...], conditional: bool) -> str:
    account_cte, created = account()
    # The row as it was, locked, so "was it open before?" is answered for this very update.
    before = (
        owned_tasks(col(Task.id), col(Task.completed).label("was_completed"))
        .where(col(Task.id) == TASK_ID, account_cte.c.active)
        .with_for_update(of=Task)
        .cte("before")
    )
    statement = update(Task).where(owned(), col(Task.id) == before.c.id)
    if conditional:
        statement = statement.where(col(Task.version) == any_(VERSIONS))
    changes = {name: bindparam(name, type_=TASKS.c[name].type) for name in fields}
    updated = (
        statement.values(**changes, version=col(Task.version) + literal_column("1"), updated_at=NOW)
        .returning(*COLUMNS, before.c.was_completed)
        .cte("updated")
    )
    found = exists(select(literal_column("1")).select_from(before))
    return compile_sql(
        select(
            account_cte.c.active,
            found.label("found"),
            *answered(updated),
            updated.c.was_completed,
        )
        .select_from(account_cte.outerjoin(updated, true()))
        .add_cte(created)
    )


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
        task = await get_task(db=db, principal=principal, task_id=task_id)
        if versions is not None and task.version not in versions:
            raise PreconditionFailed()
        completed = json.loads(task.body)["completed"]
        return UpdateResult(task=task, completed=completed, was_completed=completed)
    params = account_params(principal)
    params.update(changes, task_id=task_id, now=utcnow())
    if versions is not None:
        params["versions"] = versions
    sql = _update_sql(tuple(sorted(changes)), versions is not None)
    rows = await db.fetch(sql, params)
    refuse_inactive(rows)
    row = rows[0]
    if row[2] is None:
        raise PreconditionFailed() if row[1] else NotFound("Task not found.")
    return UpdateResult(
        task=task_body(row, offset=2), completed=row[2 + COMPLETED], was_completed=row[-1]
    )


@cache
def _delete_sql(conditional: bool) -> str:
    account_cte, created = account()
    statement = delete(Task).where(owned(), col(Task.id) == TASK_ID, account_cte.c.active)
    if conditional:
        statement = statement.where(col(Task.version) == any_(VERSIONS))
    deleted = statement.returning(*COLUMNS).cte("deleted")
    # The task moves to the trash in the same statement: restorable for TRASH_KEPT, and the
    # task table keeps live tasks only.
    trashed = (
        insert(TaskTrash)
        .from_select(
            [column.key for column in COLUMNS] + ["deleted_at"],
            select(*deleted.c, NOW.label("deleted_at")),
        )
        .returning(col(TaskTrash.id))
        .cte("trashed")
    )
    # The outer query reads the table as it was before the statement: "was there such a task?"
    existed = exists(owned_tasks(literal_column("1")).where(col(Task.id) == TASK_ID))
    return compile_sql(
        select(
            account_cte.c.active,
            exists(select(trashed.c.id)).label("deleted"),
            existed.label("existed"),
        ).add_cte(created)
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
    rows = await db.fetch(_delete_sql(versions is not None), params)
    refuse_inactive(rows)
    _, deleted, existed = rows[0]
    if not deleted:
        # Without If-Match, a task that existed but was not deleted went in a concurrent delete.
        raise (
            PreconditionFailed()
            if existed and versions is not None
            else NotFound("Task not found.")
        )
