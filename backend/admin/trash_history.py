"""What the trash knows about a task's past, shown above the task's entries in the audit log:
so support can answer "where did my task go?".

The audit log records the back office's changes only. An owner's delete through the API is
known from the trash: the task's row there (while it is in the trash), and the time a restore
took it out of the trash (the restore's entry keeps it, as `before`). A time in the trash that
no back-office delete's entry records (their entries keep it as `after`) was the owner's.
A task in the trash leaves it when restored, or TRASH_KEPT after its delete, when it is purged.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.models import TRASH_KEPT, AuditLog, TaskTrash


@dataclass(frozen=True)
class TrashEvent:
    at: datetime
    who: str
    what: str


def _trash_time(values: Any) -> datetime | None:
    text = values.get("deleted_at") if isinstance(values, dict) else None
    return datetime.fromisoformat(text) if isinstance(text, str) else None


async def trash_history(session: AsyncSession, task_id: uuid.UUID) -> list[TrashEvent]:
    """The task's deletes through the API and its ways out of the trash, oldest first."""
    in_trash = await session.get(TaskTrash, task_id)
    entries = (
        await session.scalars(
            select(AuditLog).where(
                col(AuditLog.object_id) == str(task_id),
                col(AuditLog.action).in_(("delete", "restore")),
            )
        )
    ).all()
    staff_deletes = {_trash_time(e.after) for e in entries if e.action == "delete"}
    trash_times = {_trash_time(e.before) for e in entries if e.action == "restore"}
    if in_trash is not None:
        trash_times.add(in_trash.deleted_at)
    events = [
        TrashEvent(at, "its owner, through the API", "deleted it (into the trash)")
        for at in trash_times - staff_deletes
        if at is not None
    ]
    events += [
        TrashEvent(e.created_at, e.staff_email or "", "restored it from the trash")
        for e in entries
        if e.action == "restore"
    ]
    if in_trash is not None:
        purge = in_trash.deleted_at + TRASH_KEPT
        if purge <= datetime.now(UTC):
            events.append(TrashEvent(purge, "", "its time in the trash ran out: purged"))
        else:
            events.append(TrashEvent(purge, "", "leaves the trash, purged, unless restored first"))
    return sorted(events, key=lambda event: event.at)
