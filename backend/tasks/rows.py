"""A task row: the columns every task statement answers, read by name, and the contract's JSON
and ETag made from it. Besides the model and a migration, this is the one place a column is
added: statements select `COLUMNS` and services read rows by these names."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from backend.models import Task, table
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
    )


def rfc3339(value: datetime) -> str:
    # psycopg gives the session's time zone; the contract says UTC, written as pydantic does.
    text = value.isoformat()
    if not text.endswith("+00:00"):  # a session not in UTC: convert (the usual case needs not)
        text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z"


def public(row: TaskRow) -> dict[str, Any]:
    """A task row as TaskPublic serialises it, fields in TaskPublic's order."""
    return {
        "title": row.title,
        "description": row.description,
        "completed": row.completed,
        "id": str(row.id),
        "owner_id": str(row.owner_id),
        "created_at": rfc3339(row.created_at),
        "updated_at": rfc3339(row.updated_at),
        "version": row.version,
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
