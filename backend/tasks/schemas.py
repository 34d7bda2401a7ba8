"""What a task API client sends and receives: the bodies of the task routes and of the change
feed, as the OpenAPI document describes them. The routes answer with JSON built from rows
(`backend.tasks.rows`), which tests keep equal to what these models would write."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictBool, field_serializer
from sqlmodel import SQLModel

from backend.core.text import Description, Title
from backend.models import TaskBase


class TaskCreate(TaskBase):
    """Body of POST; server-owned fields are not part of it, so they cannot be set."""


class TaskReplace(TaskBase):
    """Body of PUT: a full replacement; omitted optional fields take their defaults."""


class TaskPatch(SQLModel):
    """Body of PATCH: only the fields sent change. `description: null` clears it; a null title
    or completed is invalid because their types do not admit null."""

    title: Title = None  # type: ignore[assignment]
    description: Description | None = None
    completed: StrictBool = None  # type: ignore[assignment]


class TaskPublic(TaskBase):
    id: uuid.UUID
    owner_id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    # The number in the task's ETag: it moves on every change.
    version: int

    @field_serializer("created_at", "updated_at")
    def _as_utc(self, value: datetime) -> datetime:
        # psycopg returns timestamps in the session's time zone; the contract says UTC.
        return value.astimezone(UTC)


class TaskList(BaseModel):
    items: list[TaskPublic]
    next_cursor: str | None


class TaskUpserted(BaseModel):
    """The task was created or changed (or restored from the trash): its state now."""

    type: Literal["upsert"]
    task: TaskPublic


class TaskDeleted(BaseModel):
    """The task was deleted (it is in the trash, restorable by support for 30 days)."""

    type: Literal["delete"]
    id: uuid.UUID
    deleted_at: datetime


Change = Annotated[TaskUpserted | TaskDeleted, Field(discriminator="type")]


class Changes(BaseModel):
    changes: list[Change]
    next: str = Field(description="The token to ask with next time (as `since`).")
    more: bool = Field(description="Whether more changes are waiting: ask again at once.")
