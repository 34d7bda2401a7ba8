"""The trash's one rule kept outside its pages: what has expired, and purging it.

Deleted tasks stay in `task_trash` for TRASH_KEPT (the API's delete moves them there; the
back office's trash page restores them). Expired ones are purged whenever staff open the
trash, and by `taskapi purge-trash`, for a scheduler; the API's deletes stay one insert. How
far purging has gone is recorded for the change feed (`trash_purge`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.models import TRASH_KEPT, TaskTrash, TrashPurge

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
        gone = (
            await session.scalars(
                delete(TaskTrash)
                .where(col(TaskTrash.id).in_(batch))
                .returning(col(TaskTrash.change_xid))
            )
        ).all()
        if gone:
            # In the same transaction: a change-feed token from before these deletions may
            # have missed one, and is refused from the moment they are gone.
            record = insert(TrashPurge).values(id=True, through_xid=max(gone))
            await session.execute(
                record.on_conflict_do_update(
                    index_elements=["id"],
                    set_={
                        "through_xid": func.greatest(
                            col(TrashPurge.through_xid), record.excluded.through_xid
                        )
                    },
                )
            )
        await session.commit()
        purged += len(gone)
        if len(gone) < PURGE_BATCH:
            return purged
