"""Who may use the back office and what each role may do.

Sign-in is SQLAdmin's `AuthenticationBackend` over a signed session cookie scoped to the back
office; roles are SQLAdmin's `GrantsAuthorizationBackend`. Failed sign-ins are counted per email
in PostgreSQL, so a lock-out holds across workers and replicas.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import anyio
import structlog
from prometheus_client import Counter
from sqladmin.authentication import AuthenticationBackend
from sqladmin.authorization import WILDCARD, Action, GrantsAuthorizationBackend, custom_action
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response

from backend.admin.audit import Actor, current_actor
from backend.models import StaffSignInThrottle, StaffUser
from backend.staff import PASSWORD_MAX_LENGTH, normalise_email, verify_password

log = structlog.get_logger("taskapi.admin")

SESSION_COOKIE = "taskapi_admin"
SESSION_MAX_AGE = timedelta(hours=8)
# Five wrong passwords within the window lock the email for the lock time.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_TIME = timedelta(minutes=15)

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
        ("audit-log", Action.LIST),
        ("audit-log", Action.DETAILS),
    },
}


# Failures older than the window start the count again; the one that reaches MAX_FAILURES
# sets the lock.
_COUNT_FAILURE = text(
    """
    INSERT INTO staff_sign_in_throttle AS t (email, failures, first_failure_at)
    VALUES (:email, 1, now())
    ON CONFLICT (email) DO UPDATE SET
        failures = CASE WHEN t.first_failure_at > now() - :window THEN t.failures + 1 ELSE 1 END,
        first_failure_at = CASE
            WHEN t.first_failure_at > now() - :window THEN t.first_failure_at ELSE now() END,
        locked_until = CASE
            WHEN t.first_failure_at > now() - :window AND t.failures + 1 >= :max
            THEN now() + :lock ELSE t.locked_until END
    RETURNING coalesce(t.locked_until > now(), false)
    """
)


class SignInLocked(Exception):
    """Too many failed sign-ins for this email lately."""


class StaffAuthentication(AuthenticationBackend):
    """Staff sign-in: Argon2 passwords, a per-email lock-out, and an account check per request."""

    def __init__(
        self, *, engine: AsyncEngine, secret_key: str, secure_cookie: bool, sign_ins: Counter
    ) -> None:
        super().__init__(
            secret_key=secret_key,
            session_cookie=SESSION_COOKIE,
            max_age=int(SESSION_MAX_AGE.total_seconds()),
            # The cookie never leaves the back office and is never sent with a cross-site
            # request, not even a top-level link: SQLAdmin's actions are GETs.
            path="/admin",
            same_site="strict",
            https_only=secure_cookie,
        )
        self.engine = engine
        self.sign_ins = sign_ins
        # Set by install_admin: the page shown when an email is locked.
        self.locked_response: Any = None

    async def login(self, request: Request) -> Response | bool:
        form = await request.form()
        email = normalise_email(str(form.get("username", "")))[:320]
        password = str(form.get("password", ""))[:PASSWORD_MAX_LENGTH]
        try:
            staff = await self._check_credentials(email, password)
        except SignInLocked:
            self._record("locked", email)
            return await self.locked_response(request)
        if staff is None:
            self._record("failure", email)
            return False
        request.session.clear()
        request.session["staff_id"] = str(staff.id)
        self._record("success", email)
        return True

    async def _check_credentials(self, email: str, password: str) -> StaffUser | None:
        async with self.engine.begin() as conn:
            locked_until = await conn.scalar(
                select(StaffSignInThrottle.locked_until).where(
                    StaffSignInThrottle.email == email,
                    StaffSignInThrottle.locked_until > func.now(),
                )
            )
            if locked_until is not None:
                raise SignInLocked
            row = (
                await conn.execute(select(StaffUser).where(StaffUser.email == email))
            ).one_or_none()
        password_hash = row.password_hash if row is not None else None
        # Argon2 is deliberately slow: keep it off the event loop.
        matches = await anyio.to_thread.run_sync(verify_password, password_hash, password)
        refused = row is None or not matches or not row.is_active
        async with self.engine.begin() as conn:
            if refused:
                now_locked = await self._count_failure(conn, email)
            else:
                await conn.execute(
                    delete(StaffSignInThrottle).where(StaffSignInThrottle.email == email)
                )
                await conn.execute(
                    update(StaffUser).where(StaffUser.id == row.id).values(last_login_at=func.now())
                )
        # Raised only now, so the failure counted above is committed rather than rolled back.
        if refused:
            if now_locked:
                raise SignInLocked
            return None
        return StaffUser.model_validate(row._mapping)

    @staticmethod
    async def _count_failure(conn: Any, email: str) -> bool:
        """Count one failure, atomically across workers; whether the email is now locked."""
        locked = await conn.scalar(
            _COUNT_FAILURE,
            {"email": email, "window": FAILURE_WINDOW, "max": MAX_FAILURES, "lock": LOCK_TIME},
        )
        return bool(locked)

    def _record(self, outcome: str, email: str) -> None:
        self.sign_ins.labels(outcome=outcome).inc()
        log.info("admin sign-in", outcome=outcome, staff_email=email)

    async def logout(self, request: Request) -> Response | bool:
        request.session.clear()
        return False

    async def authenticate(self, request: Request) -> Response | bool:
        """Whether the session belongs to an active staff member, read afresh on every request:
        a deactivated or demoted account loses access at once, not when its cookie expires."""
        try:
            staff_id = uuid.UUID(str(request.session.get("staff_id")))
        except ValueError:
            return False
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(StaffUser.id, StaffUser.email, StaffUser.role).where(
                        StaffUser.id == staff_id, StaffUser.is_active
                    )
                )
            ).one_or_none()
        if row is None:
            request.session.clear()
            return False
        actor = Actor(id=row.id, email=row.email, role=row.role)
        request.state.actor = actor
        current_actor.set(actor)
        structlog.contextvars.bind_contextvars(staff_id=str(actor.id))
        return True

    async def get_user_id(self, request: Request) -> Any:
        actor: Actor | None = getattr(request.state, "actor", None)
        return actor.id if actor is not None else None


class RoleGrants(GrantsAuthorizationBackend):
    """`admin` may do everything; `support` what GRANTS lists."""

    async def get_grants(self, request: Request) -> set[tuple[str, str]]:
        actor: Actor | None = getattr(request.state, "actor", None)
        return GRANTS.get(actor.role, set()) if actor is not None else set()
