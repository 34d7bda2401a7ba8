"""What a task API client sends and receives: the bodies of the task routes and of the change
feed, as the OpenAPI document describes them. The routes answer with JSON built from rows
(`backend.tasks.rows`), which tests keep equal to what these models would write."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    StrictBool,
    ValidationInfo,
    computed_field,
    field_serializer,
    field_validator,
)
from sqlmodel import SQLModel

from backend.core.schedule import (
    NEEDS,
    DueDate,
    DueTime,
    Labels,
    Priority,
    StrictPriority,
    TimeZoneName,
    due_at,
)
from backend.core.text import Description, Title


class TaskBase(SQLModel):
    """What a client writes: the fields of a task it owns."""

    title: Title
    description: Description | None = None
    completed: StrictBool = False
    due_date: DueDate | None = None
    due_time: DueTime | None = None
    time_zone: TimeZoneName | None = None
    priority: StrictPriority = Priority.NORMAL
    labels: Labels = Field(default_factory=list)


class _WholeTask(TaskBase):
    """A body that gives every field (omitted ones take their defaults): its due fields must
    agree among themselves. A PATCH's are checked against the stored task, in its statement."""

    # The same rules for the OpenAPI document: a field that is set requires the one it needs.
    model_config = {
        "json_schema_extra": {
            "allOf": [
                {
                    "if": {"properties": {field: {"type": "string"}}, "required": [field]},
                    "then": {"properties": {needed: {"type": "string"}}, "required": [needed]},
                }
                for field, (needed, _) in NEEDS.items()
            ]
        }
    }

    @field_validator("due_time", "time_zone")
    @classmethod
    def _schedule_agrees(cls, value: Any, info: ValidationInfo) -> Any:
        needed, problem = NEEDS[str(info.field_name)]
        # A field that failed its own validation is missing from `data`, and said so already.
        if value is not None and needed in info.data and info.data[needed] is None:
            raise ValueError(problem)
        return value


class TaskCreate(_WholeTask):
    """Body of POST; server-owned fields are not part of it, so they cannot be set."""


class TaskReplace(_WholeTask):
    """Body of PUT: a full replacement; omitted optional fields take their defaults."""


class TaskPatch(SQLModel):
    """Body of PATCH: only the fields sent change. A null `description` or due field clears
    it; a null title, completed, priority or labels is invalid: their types do not admit it."""

    title: Title = None  # type: ignore[assignment]
    description: Description | None = None
    completed: StrictBool = None  # type: ignore[assignment]
    due_date: DueDate | None = None
    due_time: DueTime | None = None
    time_zone: TimeZoneName | None = None
    priority: StrictPriority = None  # type: ignore[assignment]
    labels: Labels = None  # type: ignore[assignment]


class TaskPublic(TaskBase):
    id: uuid.UUID
    owner_id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    # The number in the task's ETag: it moves on every change.
    version: int
    # Any name: one a later time zone database adds must not break an older client.
    time_zone: str | None = Field(
        default=None, description="A name from the IANA time zone database."
    )
    completed_at: datetime | None = Field(
        description="When `completed` last became true; null while it is false."
    )

    @computed_field(  # type: ignore[prop-decorator]
        description="The due date and time in the time zone, as a UTC instant: null unless"
        " all three are set."
    )
    @property
    def due_at(self) -> datetime | None:
        return due_at(self.due_date, self.due_time, self.time_zone)

    @field_serializer("created_at", "updated_at")
    def _as_utc(self, value: datetime) -> datetime:
        # psycopg returns timestamps in the session's time zone; the contract says UTC.
        return value.astimezone(UTC)

    @field_serializer("completed_at", "due_at")
    def _as_utc_or_none(self, value: datetime | None) -> datetime | None:
        return None if value is None else self._as_utc(value)


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
