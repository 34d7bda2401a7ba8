"""The trash's page: deleted tasks that staff (support included) find and restore.

A task deleted through the API or the back office is moved to `task_trash` in the delete's own
transaction. Restoring moves it back under the same id, with a new version (so a new ETag) and
a new `updated_at`, audited as "restore". Opening the trash purges what has expired
(`backend.tasks.trash`), counted by the `trash_purged` metric.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from prometheus_client import Counter
from sqladmin import action
from sqladmin.pagination import Pagination
from sqlalchemy import Select, select
from sqlmodel import col
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse

from backend.admin.audit import ACTION_KEY, TRASH_KEY
from backend.admin.task_views import TaskSearchView
from backend.admin.views import Confirmation, selected_ids, tell
from backend.models import Task, TaskTrash
from backend.tasks.rows import TaskRow
from backend.tasks.trash import expired_before, purge_expired_trash


class TrashAdmin(TaskSearchView, model=TaskTrash):
    name, name_plural, icon = "Deleted task", "Trash", "fa-solid fa-trash-can"

    column_list = [
        "title",
        "completed",
        "owner",
        "deleted_at",
        "id",
    ]
    column_details_list = [
        "id",
        "title",
        "description",
        "completed",
        "owner",
        "created_at",
        "updated_at",
        "deleted_at",
    ]
    column_labels = {
        "title": "Title",
        "description": "Description",
        "completed": "Completed",
        "owner": "Owner",
        "created_at": "Created",
        "updated_at": "Updated",
        "deleted_at": "Deleted",
        "id": "Id",
    }
    column_searchable_list = ["title"]
    column_sortable_list = ["title", "deleted_at"]
    column_default_sort = [("deleted_at", True)]
    # Restoring is the one change made here.
    can_create = False
    can_edit = False
    can_delete = False

    # Set by install_admin: the business counter of purged tasks.
    purged_counter: Counter | None = None

    async def list(self, request: Request) -> Pagination:
        """The trash, newest first, once what has expired is purged."""
        async with self.session_maker() as session:
            purged = await purge_expired_trash(session)
        if purged and self.purged_counter is not None:
            self.purged_counter.inc(purged)
        page: Pagination = await super().list(request)
        return page

    def list_query(self, request: Request) -> Select[Any]:
        # Past its time a task is no longer restorable, purged or not yet.
        return super().list_query(request).where(col(TaskTrash.deleted_at) >= expired_before())

    @action(
        name="restore",
        label="Restore",
        confirmation_message=Confirmation(
            "Restore this task? Its owner sees it again at once, under the same id.",
            "Restore {n} tasks? Their owners see them again at once, under the same ids.",
        ),
    )
    async def restore(self, request: Request) -> RedirectResponse:
        ids = selected_ids(request, "Select deleted tasks by their ids.")
        async with self.session_maker() as session:
            session.info[ACTION_KEY] = "restore"
            trashed = (
                await session.scalars(
                    select(TaskTrash).where(col(TaskTrash.id).in_(ids)).with_for_update()
                )
            ).all()
            if len(trashed) != len(set(ids)) or any(
                row.deleted_at < expired_before() for row in trashed
            ):
                raise HTTPException(
                    status_code=404,
                    detail="Not restored: a selected task is no longer in the trash "
                    "(restored already, or past its 30 days).",
                )
            taken = (await session.scalars(select(col(Task.id)).where(col(Task.id).in_(ids)))).all()
            if taken:
                raise HTTPException(
                    status_code=409,
                    detail=f"Not restored: a task with the id {taken[0]} exists again. "
                    "Nothing was restored.",
                )
            session.info[TRASH_KEY] = {str(row.id): row.deleted_at for row in trashed}
            for row in trashed:
                session.add(_restored(row))
                await session.delete(row)
            await session.commit()
        tell(request, "Restored", [f"“{row.title}”" for row in trashed], "task")
        return RedirectResponse(
            str(
                request.url_for("admin:list", identity="task").include_query_params(
                    search=str(ids[0]) if len(ids) == 1 else ""
                )
            ),
            status_code=302,
        )


def _restored(row: TaskTrash) -> Task:
    """The task as it was, with a new version (a new ETag for API clients) and `updated_at`."""
    fields: dict[str, Any] = {
        name: getattr(row, name)
        for name in TaskRow._fields
        if name not in ("version", "updated_at")
    }
    return Task(**fields, version=row.version + 1, updated_at=datetime.now(UTC))
