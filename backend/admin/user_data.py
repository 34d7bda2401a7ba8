"""One API user's data: what an admin downloads for them, and erasing them.

Erasure is one transaction: the user row goes, and with it (ON DELETE CASCADE) their tasks,
trash and idempotency records; the values recorded in earlier audit entries about them and
their tasks are redacted by the owner's `redact_erased_user` (migration 0011), the one change
the audit log's trigger lets through, and only once the user is gone; one new entry says who
erased which user id and when.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.admin.audit import audit_entry
from backend.models import Task, TaskTrash, User
from backend.tasks.rows import public, rfc3339


def _row(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    values = {name: getattr(obj, name) for name in fields}
    return {
        name: str(value)
        if isinstance(value, uuid.UUID)
        else value.astimezone(UTC).isoformat()
        if isinstance(value, datetime)
        else value
        for name, value in values.items()
    }


async def export_user(session: AsyncSession, user: User) -> dict[str, Any]:
    """The user, every task of theirs and everything in their trash, as JSON-ready data."""
    tasks = (
        await session.scalars(
            select(Task)
            .where(col(Task.owner_id) == user.id)
            .order_by(col(Task.created_at), col(Task.id))
        )
    ).all()
    trash = (
        await session.scalars(
            select(TaskTrash)
            .where(col(TaskTrash.owner_id) == user.id)
            .order_by(col(TaskTrash.deleted_at), col(TaskTrash.id))
        )
    ).all()
    return {
        "user": _row(user, ("id", "email", "name", "is_active", "created_at", "updated_at")),
        # Tasks as the API answers them (schedule and `due_at` included).
        "tasks": [public(task) for task in tasks],
        "trash": [{**public(task), "deleted_at": rfc3339(task.deleted_at)} for task in trash],
        "exported_at": datetime.now(UTC).isoformat(),
    }


async def erase_user(session: AsyncSession, user: User) -> None:
    """Erase the user and everything of theirs, and redact what the audit log recorded about
    them; the caller commits."""
    user_id = user.id
    # Tasks, trash and idempotency records go with the row: their foreign keys cascade. The
    # delete comes first: it waits for any edit of theirs still in progress, so the redaction
    # below, which starts after it, also sees that edit's audit entry.
    await session.execute(delete(User).where(col(User.id) == user_id))
    # The owner's function redacts (the serving role may not change the log itself), and only
    # once the user is gone.
    await session.execute(select(func.redact_erased_user(user_id)))
    session.add(
        audit_entry(
            action="erase", object_type="user", object_id=str(user_id), subject_user_id=user_id
        )
    )
