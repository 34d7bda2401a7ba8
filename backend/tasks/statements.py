"""Every SQL statement of the task API (but the list's, in backend.tasks.listing, and the
change feed's, in backend.tasks.feed), each compiled once per shape.

Each request is one statement: it starts from the owner's tasks (`owned_tasks`), and goes
through `for_account`, which folds in the user's first-sight creation and active check, so
its row's `active` says whether anything was read or changed. The compiled text of each is
kept under tests/golden_sql/, so a change's SQL shows in its diff.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    DateTime,
    FromClause,
    Select,
    String,
    Text,
    Uuid,
    any_,
    bindparam,
    cast,
    delete,
    exists,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlmodel import col

from backend.accounts.users import ACCOUNT, ACTIVE, CREATED, OWNER
from backend.core.schedule import NEEDS
from backend.core.sql import compile_sql
from backend.models import IdempotencyKey, Task, TaskTrash, table
from backend.tasks.rows import COLUMNS, TASKS, WRITABLE

TASK_ID = bindparam("task_id", type_=Uuid)
# A write's timestamp, from Python's clock (created_at orders the keyset pages).
NOW = bindparam("now", type_=DateTime(timezone=True))
TRASH = table(TaskTrash)
VERSIONS = bindparam("versions", type_=ARRAY(BigInteger))


def owned(source: FromClause = TASKS) -> ColumnElement[bool]:
    """The owner scope: the condition every task statement carries (on the trash too)."""
    return source.c.owner_id == OWNER


def owned_tasks(*columns: Any, source: FromClause = TASKS) -> Select[Any]:
    """The one statement every task read starts from: the owner's tasks (or, from the trash
    table, the owner's deleted tasks)."""
    return select(*(columns or COLUMNS)).where(owned(source))


def answered(source: Any) -> list[Any]:
    """A source's task columns as answered, ids as text: PostgreSQL writes a UUID out faster
    than Python builds a UUID object from it only to write it back as text."""
    return [
        cast(source.c[column.name], Text).label(column.name)
        if isinstance(column.type, Uuid)
        else source.c[column.name]
        for column in COLUMNS
    ]


def for_account(*columns: Any, answer: FromClause | None = None) -> Select[Any]:
    """The user check every task statement goes through: `active` first, then `columns`.

    A user seen for the first time is created (`CREATED`); `answer` (the task read or
    written) is joined only for an active user, so an inactive one gets a row of NULLs. A
    write must also carry `ACTIVE` in its own WHERE, so that it changes nothing for them.
    """
    statement = select(ACTIVE, *columns)
    if answer is not None:
        statement = statement.select_from(ACCOUNT.outerjoin(answer, ACTIVE))
    return statement.add_cte(CREATED)


@cache
def get_sql() -> str:
    row = owned_tasks().where(col(Task.id) == TASK_ID).subquery("row")
    return compile_sql(for_account(*answered(row), answer=row))


def _new_task_values() -> dict[str, Any]:
    """An insert's values: the client's fields as parameters named after their columns."""
    return {
        "id": TASK_ID,
        "owner_id": OWNER,
        **{name: bindparam(name, type_=TASKS.c[name].type) for name in WRITABLE},
        "version": literal_column("1"),
        "created_at": NOW,
        "updated_at": NOW,
    }


@cache
def create_sql() -> str:
    values = _new_task_values()
    inserted = (
        insert(Task)
        .from_select(list(values), select(*values.values()).where(ACTIVE))
        .returning(*COLUMNS)
        .cte("inserted")
    )
    return compile_sql(for_account(*answered(inserted), answer=inserted))


def _schedule_checks(fields: tuple[str, ...]) -> list[Any]:
    """For an update of any due field: whether the due fields, as they will be, keep the rules
    (`backend.core.schedule.NEEDS`), read from the row before it changes. An update that would
    break them changes nothing, and the service answers 422 naming the field."""
    if not set(fields) & {"due_date", "due_time", "time_zone"}:
        return []

    def after(name: str) -> Any:
        return bindparam(name, type_=TASKS.c[name].type) if name in fields else TASKS.c[name]

    return [
        or_(after(field).is_(None), after(needed).is_not(None)).label(f"{field}_ok")
        for field, (needed, _) in NEEDS.items()
    ]


@cache
def update_sql(fields: tuple[str, ...], conditional: bool, repeat: bool = False) -> str:
    """Set `fields` (and a new version); with `conditional`, only at one of `versions`.

    `repeat` is the form run again after a first try whose connection died: it changes nothing
    when the row already carries this write's `now` as its `updated_at`, the mark a first try
    that was applied left (the row lock makes it wait for a first try still in progress).

    Answers `found` (the owner's task exists), the task as updated (NULLs when the version
    did not match) and `was_completed`, read from the row locked before the update; with a due
    field, `due_time_ok` and `time_zone_ok` (whether the update keeps the due fields' rules).
    """
    checks = _schedule_checks(fields)
    before = (
        owned_tasks(col(Task.id), col(Task.completed).label("was_completed"), *checks)
        .where(col(Task.id) == TASK_ID, ACTIVE)
        .with_for_update(of=Task)
        .cte("before")
    )
    statement = update(Task).where(owned(), col(Task.id) == before.c.id)
    if conditional:
        statement = statement.where(col(Task.version) == any_(VERSIONS))
    if repeat:
        statement = statement.where(col(Task.updated_at) != NOW)
    for check in checks:
        statement = statement.where(before.c[check.name])
    changes = {name: bindparam(name, type_=TASKS.c[name].type) for name in fields}
    updated = (
        statement.values(**changes, version=col(Task.version) + literal_column("1"), updated_at=NOW)
        .returning(*COLUMNS, before.c.was_completed)
        .cte("updated")
    )
    found = exists(select(literal_column("1")).select_from(before))
    verdicts = [
        select(before.c[check.name]).scalar_subquery().label(check.name) for check in checks
    ]
    return compile_sql(
        for_account(
            found.label("found"),
            *verdicts,
            *answered(updated),
            updated.c.was_completed,
            answer=updated,
        )
    )


@cache
def delete_sql(conditional: bool) -> str:
    """Move the task to the trash; answers `deleted` and `existed` (before this statement)."""
    statement = delete(Task).where(owned(), col(Task.id) == TASK_ID, ACTIVE)
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
        for_account(exists(select(trashed.c.id)).label("deleted"), existed.label("existed"))
    )


@cache
def tombstone_sql() -> str:
    """Whether the trash holds the owner's task as deleted at `now`: a delete's own tombstone."""
    return compile_sql(
        owned_tasks(literal_column("1"), source=TRASH).where(
            TRASH.c.id == TASK_ID, TRASH.c.deleted_at == NOW
        )
    )


@cache
def idempotent_create_sql() -> str:
    """Claim an Idempotency-Key and insert the task in one statement: both or neither."""
    key = bindparam("key", type_=String)
    expired = col(IdempotencyKey.created_at) < bindparam(
        "expired_before", type_=DateTime(timezone=True)
    )
    # The owner's other expired keys go in the same statement: the table stays bounded
    # without a job, at no extra round trip.
    swept = (
        delete(IdempotencyKey)
        .where(col(IdempotencyKey.owner_id) == OWNER, col(IdempotencyKey.key) != key, expired)
        .cte("swept")
    )
    # Waits for a concurrent request holding the same key to finish, so two racing retries
    # never both create a task; a key older than 24 hours is claimed afresh.
    claim_values = select(
        OWNER,
        key,
        bindparam("request_hash", type_=String),
        TASK_ID,
        bindparam("response_body", type_=Text),
        NOW,
    )
    claim = insert(IdempotencyKey).from_select(
        ["owner_id", "key", "request_hash", "task_id", "response_body", "created_at"],
        claim_values.where(ACTIVE),
    )
    claimed = (
        claim.on_conflict_do_update(
            index_elements=["owner_id", "key"],
            set_={
                "request_hash": claim.excluded.request_hash,
                "task_id": claim.excluded.task_id,
                "response_body": claim.excluded.response_body,
                "created_at": claim.excluded.created_at,
            },
            where=expired,
        )
        .returning(col(IdempotencyKey.key))
        .cte("claimed")
    )
    values = _new_task_values()
    inserted = (
        insert(Task)
        .from_select(list(values), select(*values.values()).where(exists(select(claimed.c.key))))
        .returning(*COLUMNS)
        .cte("inserted")
    )
    return compile_sql(for_account(*answered(inserted), answer=inserted).add_cte(swept))


@cache
def stored_answer_sql() -> str:
    """The answer an Idempotency-Key already holds: `request_hash`, `task_id`, `response_body`."""
    return compile_sql(
        select(
            col(IdempotencyKey.request_hash),
            col(IdempotencyKey.task_id),
            col(IdempotencyKey.response_body),
        ).where(
            col(IdempotencyKey.owner_id) == OWNER,
            col(IdempotencyKey.key) == bindparam("key", type_=String),
        )
    )
