"""A task row: the columns every task statement answers, read by name, and the contract's JSON
and ETag made from it. Besides the model and a migration, this is the one place a column is
added: statements select `COLUMNS` and services read rows by these names."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, NamedTuple

from backend.core.schedule import due_at, time_text
from backend.models import Task, TaskTrash, table
from backend.tasks.schemas import TaskCreate

TASKS = table(Task)


class TaskRow(NamedTuple):
    """A task as every statement answers it. A statement's row is psycopg's named tuple of its
    columns' labels, so it has these fields (ids as text) beside the statement's own."""

    id: str
    owner_id: str
    title: str
    description: str | None
    completed: bool
    version: int
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    due_date: date | None
    due_time: time | None
    time_zone: str | None
    priority: int
    labels: list[str]


COLUMNS = tuple(TASKS.c[name] for name in TaskRow._fields)
# What a client writes (TaskCreate's fields); the server sets the rest.
WRITABLE = tuple(TaskCreate.model_fields)


def new_row(*, task_id: uuid.UUID, owner_id: uuid.UUID, data: TaskCreate, now: datetime) -> TaskRow:
    """The row a create inserts: known in full before the insert, since the server sets the
    rest (so an idempotent create can store its answer with its claim)."""
    return TaskRow(
        id=str(task_id),
        owner_id=str(owner_id),
        title=data.title,
        description=data.description,
        completed=data.completed,
        version=1,
        created_at=now,
        updated_at=now,
        # As the insert's trigger sets it.
        completed_at=now if data.completed else None,
        due_date=data.due_date,
        due_time=data.due_time,
        time_zone=data.time_zone,
        priority=int(data.priority),
        labels=data.labels,
    )


def rfc3339(value: datetime) -> str:
    # psycopg gives the session's time zone; the contract says UTC, written as pydantic does.
    text = value.isoformat()
    if not text.endswith("+00:00"):  # a session not in UTC: convert (the usual case needs not)
        text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z"


def public(row: TaskRow | Task | TaskTrash) -> dict[str, Any]:
    """A task row (or a task loaded by the back office) as TaskPublic serialises it, fields in
    TaskPublic's order."""
    due = due_at(row.due_date, row.due_time, row.time_zone)
    return {
        "title": row.title,
        "description": row.description,
        "completed": row.completed,
        "due_date": None if row.due_date is None else row.due_date.isoformat(),
        "due_time": None if row.due_time is None else time_text(row.due_time),
        "time_zone": row.time_zone,
        "priority": row.priority,
        "labels": row.labels,
        "id": str(row.id),
        "owner_id": str(row.owner_id),
        "created_at": rfc3339(row.created_at),
        "updated_at": rfc3339(row.updated_at),
        "version": row.version,
        "completed_at": None if row.completed_at is None else rfc3339(row.completed_at),
        "due_at": None if due is None else rfc3339(due),
    }


def to_json(content: Any) -> bytes:
    """JSON exactly as pydantic writes TaskPublic (and Starlette any other body)."""
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class TaskBody:
    """One task as answered: its id, its JSON and its version (the ETag)."""

    id: str
    body: bytes
    version: int

    @classmethod
    def of(cls, row: TaskRow) -> TaskBody:
        return cls(id=str(row.id), body=to_json(public(row)), version=row.version)

    @property
    def etag(self) -> str:
        return f'"{self.version}"'
