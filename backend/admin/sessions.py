"""Back-office sessions, recorded server-side: the signed cookie carries a random token only.

Each session is a `staff_session` row, found by the token's SHA-256 (the table alone opens
none). Signing out deletes that row, which ends the session and every copy of its cookie, and
no other. A row records its staff member's `session_version` when it opened: deactivation or a
role or password change raises the version and so ends them all (a password changed by its
own owner keeps the session it was changed from: `keep`). A session also ends after
IDLE_TIMEOUT without a request and MAX_AGE after sign-in; admins end any (StaffSessionAdmin).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col
from starlette.requests import Request

from backend.core.client_address import client_address
from backend.models import StaffSession, StaffUser, table

MAX_AGE = timedelta(hours=8)
IDLE_TIMEOUT = timedelta(minutes=30)
# A session's last-seen time is rewritten at most this often, not on every page.
TOUCH_EVERY = timedelta(seconds=60)
# Where the cookie holds the token.
COOKIE_FIELD = "session"
USER_AGENT_MAX = 255


@dataclass(frozen=True)
class OpenSession:
    """Whose the session of a request is."""

    id: str
    staff_id: uuid.UUID
    email: str
    role: str
    has_second_factor: bool = False


def _session_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _token_of(request: Request) -> str | None:
    token = request.session.get(COOKIE_FIELD)
    return token if isinstance(token, str) and token else None


def open_sessions() -> ColumnElement[bool]:
    """The rows of sessions still open: not past their times, their version current."""
    current = (
        select(col(StaffUser.session_version))
        .where(col(StaffUser.id) == col(StaffSession.staff_id), col(StaffUser.is_active))
        .scalar_subquery()
    )
    return ~_expired() & (col(StaffSession.version) == current)


def _expired() -> ColumnElement[bool]:
    return or_(
        col(StaffSession.created_at) < func.now() - MAX_AGE,
        col(StaffSession.last_seen_at) < func.now() - IDLE_TIMEOUT,
    )


async def open_session(conn: AsyncConnection, request: Request, staff: StaffUser) -> None:
    """A new session for `staff`, its token in the request's cookie; expired rows go."""
    await conn.execute(delete(StaffSession).where(_expired()))
    token = secrets.token_urlsafe(32)
    agent = request.headers.get("user-agent", "")[:USER_AGENT_MAX]
    await conn.execute(
        table(StaffSession)
        .insert()
        .values(
            id=_session_id(token),
            staff_id=staff.id,
            version=staff.session_version,
            created_at=func.now(),
            last_seen_at=func.now(),
            client_address=client_address(request.scope).address[:64],
            user_agent=agent.replace("\x00", ""),
        )
    )
    request.session.clear()
    request.session[COOKIE_FIELD] = token


async def current_session(conn: AsyncConnection, request: Request) -> OpenSession | None:
    """The request's session while it is open and its staff member active, or None; its
    last-seen time moves on (at most once per TOUCH_EVERY)."""
    token = _token_of(request)
    if token is None:
        return None
    session_id = _session_id(token)
    row = (
        await conn.execute(
            select(
                col(StaffUser.id),
                col(StaffUser.email),
                col(StaffUser.role),
                col(StaffUser.totp_secret).is_not(None).label("has_second_factor"),
                (col(StaffSession.last_seen_at) < func.now() - TOUCH_EVERY).label("stale"),
            )
            .join(StaffUser, col(StaffUser.id) == col(StaffSession.staff_id))
            .where(
                col(StaffSession.id) == session_id,
                col(StaffSession.version) == col(StaffUser.session_version),
                col(StaffUser.is_active),
                ~_expired(),
            )
        )
    ).one_or_none()
    if row is None:
        return None
    if row.stale:
        await conn.execute(
            update(StaffSession)
            .where(col(StaffSession.id) == session_id)
            .values(last_seen_at=func.now())
        )
    return OpenSession(
        id=session_id,
        staff_id=row.id,
        email=row.email,
        role=row.role,
        has_second_factor=row.has_second_factor,
    )


async def end_session(conn: AsyncConnection, request: Request) -> OpenSession | None:
    """End the request's session (every copy of its cookie); whose it was, if it was open."""
    token = _token_of(request)
    request.session.clear()
    if token is None:
        return None
    row = (
        await conn.execute(
            delete(StaffSession)
            .where(col(StaffSession.id) == _session_id(token))
            .returning(col(StaffSession.id), col(StaffSession.staff_id))
        )
    ).one_or_none()
    if row is None:
        return None
    email, role = (
        await conn.execute(
            select(col(StaffUser.email), col(StaffUser.role)).where(
                col(StaffUser.id) == row.staff_id
            )
        )
    ).one()
    return OpenSession(id=row.id, staff_id=row.staff_id, email=email, role=role)


async def keep(conn: AsyncConnection, request: Request, version: int) -> None:
    """Keep the request's own session past its staff member's new session version."""
    token = _token_of(request)
    if token is not None:
        await conn.execute(
            update(StaffSession)
            .where(col(StaffSession.id) == _session_id(token))
            .values(version=version)
        )
