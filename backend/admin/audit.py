"""The back office's audit log: one row per changed object, written in the change's own flush.

SQLAdmin's `DBAuditBackend` records only submitted form values, skips custom actions and writes
after the change commits. Here a `before_flush` hook on the back office's session class reads
each object's attribute history instead, so forms, deletes and actions are all covered, the
row carries the values before and after, and the change and its audit row commit or roll back
together.
"""

from __future__ import annotations

import enum
import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session, UOWTransaction
from sqlmodel import col

from backend.models import (
    AuditAction,
    AuditLog,
    AuditObject,
    StaffUser,
    Task,
    TaskTrash,
    User,
    utcnow,
)

# What the audit log calls each table; a change to any other mapped class is refused.
AUDITED_TYPES: dict[type, AuditObject] = {User: "user", Task: "task", StaffUser: "staff_user"}
# Recorded as changed, never with their values.
SECRET_FIELDS = frozenset({"password_hash", "totp_secret", "recovery_code_hashes"})
REDACTED = "[redacted]"
# Set by a custom action on its session, so its rows say "deactivate" (or "restore") rather
# than "update" (or "create").
ACTION_KEY = "audit_action"
# Set by a back-office delete or restore on its session: {task id: its time in the trash}. The
# delete's entry has it after, the restore's before, so a task's history can tell the owner's
# own deletes through the API from these (backend.admin.trash_history).
TRASH_KEY = "trashed_at"


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member a request acts for."""

    id: uuid.UUID
    email: str
    role: str


current_actor: ContextVar[Actor | None] = ContextVar("current_actor", default=None)


class AuditedSession(Session):
    """The back office's session class: every flush writes the audit rows for what it changes."""


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID | datetime | date | time):
        return value.isoformat() if not isinstance(value, uuid.UUID) else str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _shown(key: str, value: Any) -> Any:
    return REDACTED if key in SECRET_FIELDS else _jsonable(value)


# Stamped by the database on every write (the change feed's order): not a value staff chose.
_BOOKKEEPING = {"change_xid"}


def _snapshot(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    return {
        attr.key: _shown(attr.key, getattr(obj, attr.key))
        for attr in state.mapper.column_attrs
        if attr.key not in _BOOKKEEPING
    }


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The changed columns' values before and after, from the attributes' history."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        if attr.key in _BOOKKEEPING:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old == new:
            continue
        before[attr.key] = _shown(attr.key, old)
        after[attr.key] = _shown(attr.key, new)
    return before, after


def _object_id(obj: Any) -> str:
    return ",".join(str(value) for value in inspect(obj).mapper.primary_key_from_instance(obj))


def subject_user_id(obj: Any) -> uuid.UUID | None:
    """The API user an audited object is about: the user, or the task's owner."""
    if isinstance(obj, User):
        return obj.id
    if isinstance(obj, Task | TaskTrash):
        return obj.owner_id
    return None


def _stamp(obj: Any) -> None:
    # A task changed here must look changed to API clients too: a new ETag and updated_at,
    # so a client's If-Match on the old version is refused instead of overwriting this edit.
    if isinstance(obj, Task):
        obj.version = (obj.version or 0) + 1
        obj.updated_at = utcnow()
        # What the database's trigger would set, set here so the audit row shows it too.
        if inspect(obj).attrs.completed.history.has_changes():
            obj.completed_at = obj.updated_at if obj.completed else None
    elif isinstance(obj, User):
        obj.updated_at = utcnow()


def _audit_before_flush(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    pending: list[tuple[AuditAction, Any, dict[str, Any] | None, dict[str, Any] | None]] = []
    trashed: dict[str, datetime] = session.info.get(TRASH_KEY, {})

    def trash_time(obj: Any) -> dict[str, Any] | None:
        at = trashed.get(_object_id(obj))
        return None if at is None else {"deleted_at": _jsonable(at)}

    for obj in list(session.new):
        if type(obj) in AUDITED_TYPES:
            action = session.info.get(ACTION_KEY, "create")
            pending.append((action, obj, trash_time(obj), _snapshot(obj)))
    for obj in list(session.dirty):
        if type(obj) in AUDITED_TYPES and session.is_modified(obj, include_collections=False):
            _stamp(obj)
            before, after = _changes(obj)
            pending.append((session.info.get(ACTION_KEY, "update"), obj, before, after))
    for obj in list(session.deleted):
        if type(obj) in AUDITED_TYPES:
            snapshot = _snapshot(obj)
            if isinstance(obj, User):
                # The database deletes the user's tasks and idempotency records with the row
                # (ON DELETE CASCADE); the audit says how many tasks went.
                snapshot["tasks_deleted"] = session.scalar(
                    select(func.count()).select_from(Task).where(col(Task.owner_id) == obj.id)
                )
            pending.append(("delete", obj, snapshot, trash_time(obj)))
    if not pending:
        return
    actor = current_actor.get()
    if actor is None:
        # Every back-office change is made by someone; refusing here undoes a change that
        # would otherwise have no author.
        raise RuntimeError("a back-office change was flushed with no signed-in staff member")
    for action, obj, old, new in pending:
        session.add(
            AuditLog(
                staff_id=actor.id,
                staff_email=actor.email,
                action=action,
                object_type=AUDITED_TYPES[type(obj)],
                object_id=_object_id(obj),
                subject_user_id=subject_user_id(obj),
                before=old,
                after=new,
            )
        )


event.listen(AuditedSession, "before_flush", _audit_before_flush)


def audit_entry(
    *,
    action: AuditAction,
    object_type: AuditObject,
    object_id: str,
    subject_user_id: uuid.UUID | None,
) -> AuditLog:
    """An audit row for what a change's values do not show (an export, an erasure), by the
    signed-in staff member."""
    actor = current_actor.get()
    if actor is None:
        raise RuntimeError("an audited action ran with no signed-in staff member")
    return AuditLog(
        staff_id=actor.id,
        staff_email=actor.email,
        action=action,
        object_type=object_type,
        object_id=object_id,
        subject_user_id=subject_user_id,
    )


def audited_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions for the back office: every change they flush is audited in the same transaction."""
    return async_sessionmaker(
        engine, class_=AsyncSession, sync_session_class=AuditedSession, expire_on_commit=False
    )
