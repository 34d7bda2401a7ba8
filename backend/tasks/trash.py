"""The trash's one rule kept outside its pages: what has expired, and purging it.

Deleted tasks stay in `task_trash` for TRASH_KEPT (the API's delete moves them there; the
back office's trash page restores them). Expired ones are purged whenever staff open the
trash, and by `taskapi purge-trash`, for a scheduler; the API's deletes stay one insert.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.models import TRASH_KEPT, TaskTrash

PURGE_BATCH = 10_000


def expired_before() -> datetime:
    """Trash deleted before this is no longer restorable."""
    return datetime.now(UTC) - TRASH_KEPT


async def purge_expired_trash(session: AsyncSession) -> int:
    """Delete every trashed task past TRASH_KEPT, a batch per transaction; how many went.
    Rows another purge holds are skipped, so two purges at once never wait on each other."""
    purged = 0
    while True:
        batch = (
            select(col(TaskTrash.id))
            .where(col(TaskTrash.deleted_at) < expired_before())
            .limit(PURGE_BATCH)
            .with_for_update(skip_locked=True)
        )
        # A DELETE's result is a CursorResult (its row count), which execute() does not declare.
        result = cast(
            CursorResult[Any],
            await session.execute(delete(TaskTrash).where(col(TaskTrash.id).in_(batch))),
        )
        await session.commit()
        purged += result.rowcount
        if result.rowcount < PURGE_BATCH:
            return purged
