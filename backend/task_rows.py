"""What every task statement shares: its columns, the owner scope, and its rows as the
contract's JSON. Each request is one SQL statement (`backend.users` folds the user's
first-sight creation and active check into it), built with SQLAlchemy Core from the models,
compiled once per shape, and run on psycopg directly."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    DateTime,
    Select,
    String,
    Text,
    Uuid,
    bindparam,
    cast,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import col

from backend.errors import UserInactive
from backend.models import Task, TaskCreate, table, utcnow
from backend.security import Principal
from backend.users import OWNER, account_params

# The columns every task statement returns, in this order, after the `active` flag.
TASKS = table(Task)
COLUMNS = (
    TASKS.c.id,
    TASKS.c.owner_id,
    TASKS.c.title,
    TASKS.c.description,
    TASKS.c.completed,
    TASKS.c.version,
    TASKS.c.created_at,
    TASKS.c.updated_at,
)
ID, OWNER_ID, TITLE, DESCRIPTION, COMPLETED, VERSION, CREATED_AT, UPDATED_AT = range(8)
SORT_INDEX = {"created_at": CREATED_AT, "updated_at": UPDATED_AT, "title": TITLE}

TASK_ID = bindparam("task_id", type_=Uuid)
# A write's timestamp, from Python's clock as before (created_at orders the keyset pages).
NOW = bindparam("now", type_=DateTime(timezone=True))
VERSIONS = bindparam("versions", type_=ARRAY(BigInteger))


def answered(source: Any) -> list[Any]:
    """A statement's task columns as answered, ids as text: PostgreSQL writes a UUID out faster
    than Python builds a UUID object from it only to write it back as text."""
    c = source.c
    return [
        cast(c.id, Text).label("id"),
        cast(c.owner_id, Text).label("owner_id"),
        *(c[column.name] for column in COLUMNS[2:]),
    ]


def owned_tasks(*columns: Any) -> Select[Any]:
    """The one statement every task read starts from: the owner's tasks."""
    return select(*(columns or COLUMNS)).where(owned())


def owned() -> ColumnElement[bool]:
    return col(Task.owner_id) == OWNER


def _rfc3339(value: datetime) -> str:
    # psycopg gives the session's time zone; the contract says UTC, written as pydantic does.
    text = value.isoformat()
    if not text.endswith("+00:00"):  # a session not in UTC: convert (the usual case needs not)
        text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z"


def public(row: tuple[Any, ...], offset: int = 1) -> dict[str, Any]:
    """A task row (after `offset` leading columns) as TaskPublic serialises it, fields in order."""
    return {
        "title": row[offset + TITLE],
        "description": row[offset + DESCRIPTION],
        "completed": row[offset + COMPLETED],
        "id": str(row[offset + ID]),
        "owner_id": str(row[offset + OWNER_ID]),
        "created_at": _rfc3339(row[offset + CREATED_AT]),
        "updated_at": _rfc3339(row[offset + UPDATED_AT]),
    }


def to_json(content: Any) -> bytes:
    """JSON exactly as pydantic writes TaskPublic (and Starlette any other body)."""
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class TaskBody:
    """One task as answered: its id, its JSON and its version (the ETag)."""

    id: uuid.UUID
    body: bytes
    version: int

    @property
    def etag(self) -> str:
        return f'"{self.version}"'


def task_body(row: tuple[Any, ...], offset: int = 1) -> TaskBody:
    return TaskBody(
        id=row[offset + ID], body=to_json(public(row, offset)), version=row[offset + VERSION]
    )


def refuse_inactive(rows: list[tuple[Any, ...]]) -> None:
    # Every statement's first column is `active`; an inactive user's statement changed nothing.
    if not rows[0][0]:
        raise UserInactive()


def new_task_values() -> dict[str, Any]:
    return {
        "id": bindparam("task_id", type_=Uuid),
        "owner_id": OWNER,
        "title": bindparam("title", type_=String),
        "description": bindparam("description", type_=String),
        "completed": bindparam("completed", type_=Boolean),
        "version": literal_column("1"),
        "created_at": NOW,
        "updated_at": NOW,
    }


def create_params(principal: Principal, data: TaskCreate) -> dict[str, Any]:
    params = account_params(principal)
    params.update(
        now=utcnow(),
        task_id=uuid.uuid4(),
        title=data.title,
        description=data.description,
        completed=data.completed,
    )
    return params
