"""Who may use the back office and what each role may do.

Sign-in is SQLAdmin's `AuthenticationBackend` over a signed session cookie scoped to the back
office; roles are SQLAdmin's `GrantsAuthorizationBackend`. Sign-in attempts are counted per
email and per client address in PostgreSQL, so a lock-out holds across workers and replicas,
and each attempt is reserved there before its password is checked, so a burst cannot slip more
guesses past the count than it allows (`throttle`). Sessions are recorded server-side, so each
ends on its own (`sessions`).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from prometheus_client import Counter
from sqladmin.authentication import AuthenticationBackend
from sqladmin.authorization import WILDCARD, Action, GrantsAuthorizationBackend, custom_action
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col
from starlette.requests import Request
from starlette.responses import Response

from backend.accounts.staff import PASSWORD_MAX_LENGTH, normalise_email
from backend.admin.audit import Actor, current_actor
from backend.admin.sessions import MAX_AGE, current_session, end_session, open_session
from backend.admin.throttle import (
    LOCK_TIME,
    MAX_FAILURES,
    Attempt,
    PasswordChecks,
    SignInRefused,
    forget,
    locked,
    reserve,
)
from backend.core.client_address import client_address
from backend.models import EMAIL_MAX, AuditAction, AuditLog, StaffUser, table

log = structlog.get_logger("taskapi.admin")

SESSION_COOKIE = "taskapi_admin"
# Five wrong passwords within the window lock the email for the lock time.
GRANTS: dict[str, set[tuple[str, str]]] = {
    "admin": {(WILDCARD, WILDCARD)},
    "support": {
        ("user", Action.LIST),
        ("user", Action.DETAILS),
        ("user", custom_action("deactivate")),
        ("user", custom_action("reactivate")),
        ("task", Action.LIST),
        ("task", Action.DETAILS),
        ("task", Action.EDIT),
        ("task-trash", Action.LIST),
        ("task-trash", Action.DETAILS),
        ("task-trash", custom_action("restore")),
        ("audit-log", Action.LIST),
        ("audit-log", Action.DETAILS),
    },
}


class StaffAuthentication(AuthenticationBackend):
    """Staff sign-in: Argon2 passwords, reserved attempts, and a session check per request."""

    def __init__(
        self, *, engine: AsyncEngine, secret_key: str, secure_cookie: bool, sign_ins: Counter
    ) -> None:
        super().__init__(
            secret_key=secret_key,
            session_cookie=SESSION_COOKIE,
            max_age=int(MAX_AGE.total_seconds()),
            # The cookie never leaves the back office and is never sent with a cross-site
            # request, not even a top-level link: SQLAdmin's actions are GETs.
            path="/admin",
            same_site="strict",
            https_only=secure_cookie,
        )
        self.engine = engine
        self.sign_ins = sign_ins
        self.password_checks = PasswordChecks()
        # Set by install_admin: the sign-in page with a message and a status.
        self.refused_response: Callable[[Request, SignInRefused], Awaitable[Response]] | None = None

    async def login(self, request: Request) -> Response | bool:
        form = await request.form()
        email = normalise_email(str(form.get("username", "")))[:EMAIL_MAX]
        password = str(form.get("password", ""))[:PASSWORD_MAX_LENGTH]
        if "\x00" in email:
            # No account has one, and PostgreSQL's text cannot hold it: a plain failure.
            self._record("failure", email)
            return False
        attempt = Attempt(email=email, client=client_address(request.scope))
        try:
            async with self.password_checks.slot():
                staff = await self._check_credentials(attempt, password)
        except SignInRefused as refusal:
            self._record(refusal.outcome, email)
            assert self.refused_response is not None, "install_admin sets it"
            return await self.refused_response(request, refusal)
        if staff is None:
            self._record("failure", email)
            return False
        async with self.engine.begin() as conn:
            await open_session(conn, request, staff)
        self._record("success", email)
        return True

    async def _check_credentials(self, attempt: Attempt, password: str) -> StaffUser | None:
        async with self.engine.begin() as conn:
            failures = await reserve(conn, attempt)
            row = (
                await conn.execute(select(StaffUser).where(col(StaffUser.email) == attempt.email))
            ).one_or_none()
        password_hash = row.password_hash if row is not None else None
        matches = await self.password_checks.verify(password_hash, password)
        if row is None or not matches or not row.is_active:
            # The attempt that reached the limit set the lock when it was reserved.
            if failures >= MAX_FAILURES:
                raise locked("email", int(LOCK_TIME.total_seconds()))
            return None
        async with self.engine.begin() as conn:
            await forget(conn, attempt)
            await conn.execute(
                update(StaffUser)
                .where(col(StaffUser.id) == row.id)
                .values(last_login_at=func.now())
            )
            await conn.execute(
                _audit_row(row.id, row.email, "sign_in", {"client_address": attempt.client.address})
            )
        return StaffUser.model_validate(row._mapping)

    def _record(self, outcome: str, email: str) -> None:
        self.sign_ins.labels(outcome=outcome).inc()
        log.info("admin sign-in", outcome=outcome, staff_email=email)

    async def logout(self, request: Request) -> Response | bool:
        """Sign out: this session ends, every copy of its cookie with it, and no other."""
        async with self.engine.begin() as conn:
            ended = await end_session(conn, request)
            if ended is not None:
                await conn.execute(_audit_row(ended.staff_id, ended.email, "sign_out", None))
        return False

    async def authenticate(self, request: Request) -> Response | bool:
        """Whether the session is open and belongs to an active staff member, read afresh on
        every request: a deactivated or demoted account loses access at once."""
        async with self.engine.begin() as conn:
            session = await current_session(conn, request)
        if session is None:
            request.session.clear()
            return False
        actor = Actor(id=session.staff_id, email=session.email, role=session.role)
        request.state.actor = actor
        current_actor.set(actor)
        structlog.contextvars.bind_contextvars(staff_id=str(actor.id))
        return True

    async def get_user_id(self, request: Request) -> Any:
        actor: Actor | None = getattr(request.state, "actor", None)
        return actor.id if actor is not None else None


def _audit_row(
    staff_id: uuid.UUID, email: str, action: AuditAction, after: dict[str, Any] | None
) -> Any:
    """An audit row for a sign-in or sign-out: the staff member is both the actor and the object."""
    return (
        table(AuditLog)
        .insert()
        .values(
            staff_id=staff_id,
            staff_email=email,
            action=action,
            object_type="staff_user",
            object_id=str(staff_id),
            after=after,
            created_at=func.now(),
        )
    )


class RoleGrants(GrantsAuthorizationBackend):
    """`admin` may do everything; `support` what GRANTS lists."""

    async def get_grants(self, request: Request) -> set[tuple[str, str]]:
        actor: Actor | None = getattr(request.state, "actor", None)
        return GRANTS.get(actor.role, set()) if actor is not None else set()
