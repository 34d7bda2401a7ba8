"""The back office's home page: one search box that goes straight to what it finds, the
figures a support lead looks at, and the audit log's latest entries.

Every figure is a bounded count (COUNT_CAP, as the lists' pagers): at a million tasks the page
costs a few index scans, never a count of the whole table.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from backend.accounts.staff import normalise_email
from backend.admin.views import COUNT_CAP, as_uuid
from backend.models import AuditLog, StaffSignInThrottle, Task, TaskTrash, User

LATEST_ENTRIES = 10


async def _bounded_count(session: AsyncSession, statement: Any) -> int:
    bounded = statement.limit(COUNT_CAP).subquery()
    return int(await session.scalar(select(func.count()).select_from(bounded)) or 0)


async def figures(session: AsyncSession) -> list[tuple[str, int, str | None]]:
    """(label, count, the list it counts, by identity) for the home page."""
    return [
        ("Users", await _bounded_count(session, select(col(User.id))), "user"),
        (
            "Deactivated users",
            await _bounded_count(session, select(col(User.id)).where(~col(User.is_active))),
            "user",
        ),
        ("Tasks", await _bounded_count(session, select(col(Task.id))), "task"),
        (
            "Tasks in the trash",
            await _bounded_count(session, select(col(TaskTrash.id))),
            "task-trash",
        ),
        (
            "Sign-ins locked out now",
            await _bounded_count(
                session,
                select(col(StaffSignInThrottle.subject)).where(
                    col(StaffSignInThrottle.locked_until) > func.now()
                ),
            ),
            None,
        ),
    ]


async def latest_entries(session: AsyncSession) -> list[AuditLog]:
    return list(
        (
            await session.scalars(
                select(AuditLog).order_by(col(AuditLog.created_at).desc()).limit(LATEST_ENTRIES)
            )
        ).all()
    )


async def find(session: AsyncSession, request: Request, term: str) -> Response:
    """Straight to what the term names: a user by id or email, a task (or a deleted one) by
    id; anything else is a task title, shown as the task list's search."""
    term = term.strip()
    some_id = as_uuid(term)
    if some_id is not None:
        for model, identity in ((User, "user"), (Task, "task"), (TaskTrash, "task-trash")):
            if await session.get(model, some_id) is not None:
                return _to(request, "admin:details", identity=identity, pk=str(some_id))
    elif "@" in term:
        user_id = await session.scalar(
            select(col(User.id)).where(col(User.email) == normalise_email(term))
        )
        if user_id is not None:
            return _to(request, "admin:details", identity="user", pk=str(user_id))
        return _to(request, "admin:list", identity="user", search=term)
    return _to(request, "admin:list", identity="task", search=term)


def _to(request: Request, route: str, search: str | None = None, **params: str) -> Response:
    url = request.url_for(route, **params)
    if search is not None:
        url = url.include_query_params(search=search)
    return RedirectResponse(str(url), status_code=302)
