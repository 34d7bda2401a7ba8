"""The API's users and their data: tasks, the trash, the feed's purge mark, idempotency keys."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    Time,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, Relationship, SQLModel

from backend.core.schedule import TIME_ZONE_MAX
from backend.core.text import DESCRIPTION_MAX, TITLE_MAX
from backend.models.base import EMAIL_MAX, change_xid_field, timestamp_column, utcnow


class User(SQLModel, table=True):
    """An end user of the public API; the id is the identity provider's `sub`."""

    __tablename__ = "app_user"
    __table_args__ = (
        # Trigrams (pg_trgm): the back office finds a user, and a user's tasks, by any literal
        # piece of the email, which a btree cannot serve ('%…%').
        Index(
            "ix_app_user_email_trgm",
            "email",
            postgresql_using="gin",
            postgresql_ops={"email": "gin_trgm_ops"},
        ),
    )

    id: uuid.UUID = Field(primary_key=True)
    email: str | None = Field(default=None, sa_type=String(EMAIL_MAX), index=True)
    name: str | None = Field(default=None, sa_type=String(255))
    is_active: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    created_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column())

    def __str__(self) -> str:
        return self.email or str(self.id)


class TaskSchedule(SQLModel):
    """The schedule's columns, alike in the task and its twin in the trash."""

    # Set by a trigger when `completed` becomes true, whoever writes it (migration 0007).
    completed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    due_date: date | None = Field(default=None, sa_type=Date)
    due_time: time | None = Field(default=None, sa_type=Time)
    time_zone: str | None = Field(default=None, sa_type=String(TIME_ZONE_MAX))
    priority: int = Field(
        default=1, sa_type=SmallInteger, sa_column_kwargs={"server_default": text("1")}
    )
    labels: list[str] = Field(
        default_factory=list,
        sa_type=ARRAY(Text),
        sa_column_kwargs={"server_default": text("'{}'")},
    )


# The due sort's key, never NULL so that keyset positions compare: a task without a due date
# sorts after every date ('infinity'), a date without a time after that date's times ('24:00').
# (Written as PostgreSQL prints them back, which is what `taskapi db check` compares.)
DUE_DATE_KEY = text("COALESCE(due_date, 'infinity'::date)")
DUE_TIME_KEY = text("COALESCE(due_time, '24:00:00'::time without time zone)")
# The label filter's index keys: owner and label, letter case aside, so one user's tasks with
# a label are one posting list however common the label is among other users.
LABEL_KEYS = text("task_label_keys(owner_id, labels)")


class Task(TaskSchedule, table=True):
    """A user's task. `version` counts changes and is the ETag."""

    __tablename__ = "task"
    __table_args__ = (
        # Owner first, then each sort key, then id as the keyset tie-breaker: every list query
        # the API allows is a range scan of one of these, read forwards or backwards.
        Index("ix_task_owner_id_created_at_id", "owner_id", "created_at", "id"),
        Index("ix_task_owner_id_updated_at_id", "owner_id", "updated_at", "id"),
        Index("ix_task_owner_id_title_id", "owner_id", "title", "id"),
        # The back office lists every user's tasks newest first.
        Index("ix_task_created_at_id", "created_at", "id"),
        # The change feed: one owner's tasks in the order their writers' transactions began.
        Index("ix_task_owner_id_change_xid_id", "owner_id", "change_xid", "id"),
        # The `due` and `priority` sorts, as the other sort keys.
        Index("ix_task_owner_id_due", "owner_id", DUE_DATE_KEY, DUE_TIME_KEY, "id"),
        Index("ix_task_owner_id_priority_id", "owner_id", "priority", "id"),
        # The label filter; tasks without labels (most) cost this index nothing.
        Index(
            "ix_task_owner_id_labels",
            LABEL_KEYS,
            postgresql_using="gin",
            postgresql_where=text("labels <> '{}'"),
        ),
        CheckConstraint("priority BETWEEN 1 AND 4", name="priority"),
        CheckConstraint("due_time IS NULL OR due_date IS NOT NULL", name="due_time_needs_date"),
        CheckConstraint("time_zone IS NULL OR due_time IS NOT NULL", name="time_zone_needs_time"),
        # backend.core.schedule's FIRST_DUE_DATE and LAST_DUE_DATE: where every due_at exists.
        CheckConstraint("due_date BETWEEN '0001-01-02' AND '9999-12-30'", name="due_date_range"),
        # Search: a literal piece of the title or description, whatever the word's frequency.
        # One GIN of the owner (btree_gin) and both texts' trigrams (pg_trgm) serves the API's
        # `q` (this owner's tasks containing …) and the back office's title search (any
        # owner's), since a GIN index answers conditions on any subset of its columns.
        Index(
            "ix_task_owner_id_text_trgm",
            "owner_id",
            "title",
            "description",
            postgresql_using="gin",
            postgresql_ops={"title": "gin_trgm_ops", "description": "gin_trgm_ops"},
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    owner_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False)
    )
    title: str = Field(sa_type=String(TITLE_MAX), nullable=False)
    description: str | None = Field(default=None, sa_type=String(DESCRIPTION_MAX))
    completed: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})
    version: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})
    created_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column())
    change_xid: int = change_xid_field()

    # For the back office, which shows and links a task's owner; the API never loads it.
    owner: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class TaskTrash(TaskSchedule, table=True):
    """A deleted task, kept TRASH_KEPT so support can restore it; the API never reads it.

    Deleting moves the row here in the delete's own statement, so the task table (and every
    list query) holds live tasks only.
    """

    __tablename__ = "task_trash"
    __table_args__ = (
        # Every index here is paid for by every API delete, so there are two besides the
        # primary key: a BRIN on deleted_at (rows arrive in that order, so it is tiny and
        # nearly free to keep), which the purge and the trash page's newest-first order use;
        # and the change feed's deletions, one owner's in the order of their transactions,
        # which also finds one owner's trash (export, erasure).
        Index("ix_task_trash_deleted_at", "deleted_at", postgresql_using="brin"),
        Index("ix_task_trash_owner_id_change_xid_id", "owner_id", "change_xid", "id"),
    )

    id: uuid.UUID = Field(primary_key=True)
    owner_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False)
    )
    title: str = Field(sa_type=String(TITLE_MAX), nullable=False)
    description: str | None = Field(default=None, sa_type=String(DESCRIPTION_MAX))
    completed: bool = False
    version: int
    created_at: datetime = Field(sa_column=timestamp_column())
    updated_at: datetime = Field(sa_column=timestamp_column())
    deleted_at: datetime = Field(sa_column=timestamp_column())
    change_xid: int = change_xid_field()

    owner: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class TrashPurge(SQLModel, table=True):
    """How far purging the trash has gone: the newest transaction whose deletions it removed.
    A change-feed token from before it may have missed a deletion that is gone, so it is
    refused (410) rather than trusted; one row, raised by every purge."""

    __tablename__ = "trash_purge"

    id: bool = Field(default=True, primary_key=True)
    through_xid: int = Field(sa_type=BigInteger)


class IdempotencyKey(SQLModel, table=True):
    """A POST answered under an `Idempotency-Key`, kept so a retry gets the same answer."""

    __tablename__ = "idempotency_key"

    owner_id: uuid.UUID = Field(
        sa_column=Column(
            ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    key: str = Field(sa_type=String(255), primary_key=True)
    request_hash: str = Field(sa_type=String(64))
    task_id: uuid.UUID
    response_body: str = Field(sa_type=Text)
    created_at: datetime = Field(
        default_factory=utcnow,
        sa_column=Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True),
    )
