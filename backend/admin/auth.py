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
from sqlalchemy import any_, func, literal, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel import col
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from backend.accounts import second_factor
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
# The two-factor page (backend.admin.second_factor_views).
SET_UP_PATH = "/two-factor"
# A TOTP code is 6 digits, a recovery code 13 characters: anything longer is cut.
CODE_MAX = 64
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
        ("two-factor", Action.LIST),
    },
}


class StaffAuthentication(AuthenticationBackend):
    """Staff sign-in: Argon2 passwords, reserved attempts, and a session check per request."""

    def __init__(
        self,
        *,
        engine: AsyncEngine,
        secret_key: str,
        secure_cookie: bool,
        admins_need_second_factor: bool,
        sign_ins: Counter,
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
        self.admins_need_second_factor = admins_need_second_factor
        self.sign_ins = sign_ins
        self.password_checks = PasswordChecks()
        # Set by install_admin: the sign-in page with a message and a status.
        self.refused_response: Callable[[Request, SignInRefused], Awaitable[Response]] | None = None

    async def login(self, request: Request) -> Response | bool:
        form = await request.form()
        email = normalise_email(str(form.get("username", "")))[:EMAIL_MAX]
        password = str(form.get("password", ""))[:PASSWORD_MAX_LENGTH]
        code = str(form.get("code", ""))[:CODE_MAX]
        # Shown again on the page if the sign-in fails.
        request.state.sign_in_email = email
        if "\x00" in email:
            # No account has one, and PostgreSQL's text cannot hold it: a plain failure.
            self._record("failure", email)
            return False
        attempt = Attempt(email=email, client=client_address(request.scope))
        try:
            async with self.password_checks.slot():
                staff = await self._check_credentials(attempt, password, code)
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

    async def _check_credentials(
        self, attempt: Attempt, password: str, code: str
    ) -> StaffUser | None:
        """The staff member whose email, password and (when they set one up) second factor
        these are; None otherwise. Each attempt counts towards the lock-out until it succeeds,
        a wrong code as a wrong password."""
        async with self.engine.begin() as conn:
            failures = await reserve(conn, attempt)
            row = (
                await conn.execute(select(StaffUser).where(col(StaffUser.email) == attempt.email))
            ).one_or_none()
        password_hash = row.password_hash if row is not None else None
        matches = await self.password_checks.verify(password_hash, password)
        async with self.engine.begin() as conn:
            factor = None
            if row is not None and matches and row.is_active:
                factor = await _second_factor(conn, row, code)
            if factor is None:
                # The attempt that reached the limit set the lock when it was reserved.
                if failures >= MAX_FAILURES:
                    raise locked("email", int(LOCK_TIME.total_seconds()))
                return None
            assert row is not None
            await forget(conn, attempt)
            await conn.execute(
                update(StaffUser)
                .where(col(StaffUser.id) == row.id)
                .values(last_login_at=func.now())
            )
            signed_in = {"client_address": attempt.client.address, "second_factor": factor}
            await conn.execute(_audit_row(row.id, row.email, "sign_in", signed_in))
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
        setting_up = request.url.path.rstrip("/").endswith(SET_UP_PATH)
        if (
            self.admins_need_second_factor
            and actor.role == "admin"
            and not session.has_second_factor
            and not setting_up
        ):
            # Until it is set up, this is the one page an admin may open.
            return RedirectResponse(str(request.url_for("admin:view-two-factor")), 302)
        request.state.actor = actor
        current_actor.set(actor)
        structlog.contextvars.bind_contextvars(staff_id=str(actor.id))
        return True

    async def get_user_id(self, request: Request) -> Any:
        actor: Actor | None = getattr(request.state, "actor", None)
        return actor.id if actor is not None else None


async def _second_factor(conn: AsyncConnection, row: Any, code: str) -> str | None:
    """How the second factor was given ("none" when the account has none), or None when the
    code is wrong. A TOTP code's step, or a recovery code, is used up in the same statement
    that accepts it, so two sign-ins with one code cannot both pass."""
    if row.totp_secret is None:
        return "none"
    step = second_factor.matching_step(row.totp_secret, code)
    if step is not None:
        accepted = await conn.execute(
            update(StaffUser)
            .where(
                col(StaffUser.id) == row.id,
                func.coalesce(col(StaffUser.totp_last_step), -1) < step,
            )
            .values(totp_last_step=step)
        )
        return "totp" if accepted.rowcount == 1 else None
    used = await conn.execute(
        update(StaffUser)
        .where(
            col(StaffUser.id) == row.id,
            literal(second_factor.recovery_hash(code)) == any_(col(StaffUser.recovery_code_hashes)),
        )
        .values(
            recovery_code_hashes=func.array_remove(
                col(StaffUser.recovery_code_hashes), second_factor.recovery_hash(code)
            )
        )
    )
    return "recovery_code" if code.strip() and used.rowcount == 1 else None


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
