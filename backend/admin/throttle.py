"""Sign-in limits that hold across workers and replicas: attempts counted per email and per
client address in PostgreSQL, each reserved there before its password is checked, so a burst
cannot slip more guesses past the count than it allows; and Argon2 on its own few threads."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

import anyio
from sqlalchemy import delete, text
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from backend.accounts.staff import verify_password
from backend.core.client_address import ClientAddress
from backend.models import StaffSignInThrottle

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_TIME = timedelta(minutes=15)
# One client address may try this many sign-ins that fail, across all emails, per window: so
# one address cannot lock every staff member out (nor guess at every account).
MAX_CLIENT_FAILURES = 20
# Argon2 is slow and takes 64 MiB a check: a few at a time per worker, a short queue, and 429
# beyond it, so a flood of sign-ins cannot take the API's threads and memory.
PASSWORD_CHECKS_AT_ONCE = 2
PASSWORD_CHECKS_QUEUED = 8
BUSY_RETRY_AFTER_S = 2

# Reserves one attempt for a subject before the password is checked. The count restarts when
# the window or an earlier lock has passed; the attempt that reaches the limit sets the lock;
# attempts while locked only push the count past the limit (capped), which refuses them.
_RESERVE = text(
    """
    INSERT INTO staff_sign_in_throttle AS t (subject, failures, first_failure_at, locked_until)
    VALUES (:subject, 1, now(), CASE WHEN :max <= 1 THEN now() + :lock END)
    ON CONFLICT (subject) DO UPDATE SET
        failures = CASE
            WHEN t.locked_until > now() THEN least(t.failures + 1, :max + 1)
            WHEN t.locked_until IS NULL AND t.first_failure_at > now() - :window
            THEN least(t.failures + 1, :max + 1)
            ELSE 1 END,
        first_failure_at = CASE
            WHEN t.locked_until > now()
              OR (t.locked_until IS NULL AND t.first_failure_at > now() - :window)
            THEN t.first_failure_at ELSE now() END,
        locked_until = CASE
            WHEN t.locked_until > now() THEN t.locked_until
            WHEN t.locked_until IS NULL AND t.first_failure_at > now() - :window
              AND t.failures + 1 >= :max
            THEN now() + :lock END
    RETURNING t.failures, ceil(extract(epoch FROM t.locked_until - now()))
    """
)
# A successful sign-in gives its client address's reservation back.
_REFUND = text(
    """
    UPDATE staff_sign_in_throttle SET
        failures = failures - 1,
        locked_until = CASE WHEN failures - 1 < :max THEN NULL ELSE locked_until END
    WHERE subject = :subject AND failures > 0
    """
)
# Rows whose window and lock have both passed say nothing any more. Rows another sign-in holds
# are left for the next one, so concurrent sign-ins never wait on (or deadlock over) them.
_FORGET_EXPIRED = text(
    """
    DELETE FROM staff_sign_in_throttle WHERE subject IN (
        SELECT subject FROM staff_sign_in_throttle
        WHERE first_failure_at < now() - :window AND coalesce(locked_until < now(), true)
        FOR UPDATE SKIP LOCKED
    )
    """
)


class SignInRefused(Exception):
    """A sign-in refused before or after its check, with the page's message and Retry-After."""

    def __init__(self, outcome: str, message: str, retry_after_s: int) -> None:
        super().__init__(message)
        self.outcome, self.message, self.retry_after_s = outcome, message, retry_after_s


@dataclass(frozen=True)
class Attempt:
    """The subjects one sign-in attempt is counted against."""

    email: str
    client: ClientAddress

    @property
    def email_subject(self) -> str:
        return f"email:{self.email}"

    @property
    def client_subject(self) -> str:
        return f"client:{self.client.address}"


class PasswordChecks:
    """Argon2 checks on their own few threads, with a bounded queue per worker."""

    def __init__(self) -> None:
        self._limiter = anyio.CapacityLimiter(PASSWORD_CHECKS_AT_ONCE)
        self._room = PASSWORD_CHECKS_AT_ONCE + PASSWORD_CHECKS_QUEUED
        self._inside = 0

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Room for one check, taken before the attempt is reserved so a full queue costs none."""
        if self._inside >= self._room:
            raise SignInRefused(
                "busy", "Sign-in is busy. Try again in a moment.", BUSY_RETRY_AFTER_S
            )
        self._inside += 1
        try:
            yield
        finally:
            self._inside -= 1

    async def verify(self, password_hash: str | None, password: str) -> bool:
        return await anyio.to_thread.run_sync(
            verify_password, password_hash, password, limiter=self._limiter
        )


async def reserve(conn: AsyncConnection, attempt: Attempt) -> int:
    """Count this attempt against its email and its address before any password is
    checked (row locks make the count exact however many attempts arrive at once); the
    email's count including this attempt."""
    await conn.execute(_FORGET_EXPIRED, {"window": FAILURE_WINDOW})
    email_failures = 0
    subjects = [(attempt.email_subject, MAX_FAILURES, "email")]
    if not attempt.client.local:
        # The machine itself is not address-limited: whoever runs on it has no need to guess
        # passwords (a local proxy's clients are told apart by X-Forwarded-For, and counted
        # by the address it forwards). The per-email lock-out still holds.
        subjects.append((attempt.client_subject, MAX_CLIENT_FAILURES, "client"))
    for subject, limit, kind in subjects:
        failures, locked_for = (
            await conn.execute(
                _RESERVE,
                {"subject": subject, "max": limit, "window": FAILURE_WINDOW, "lock": LOCK_TIME},
            )
        ).one()
        if failures > limit:
            # Raised inside the transaction, so it rolls back: a refused attempt reserves
            # nothing anywhere.
            raise locked(kind, int(locked_for or LOCK_TIME.total_seconds()))
        if kind == "email":
            email_failures = int(failures)
    return email_failures


async def forget(conn: AsyncConnection, attempt: Attempt) -> None:
    """After a successful sign-in: the email's count goes, the address's reservation comes back."""
    await conn.execute(
        delete(StaffSignInThrottle).where(col(StaffSignInThrottle.subject) == attempt.email_subject)
    )
    await conn.execute(_REFUND, {"subject": attempt.client_subject, "max": MAX_CLIENT_FAILURES})


def locked(kind: str, retry_after_s: int) -> SignInRefused:
    message = (
        "Too many failed sign-ins for this email. Try again later."
        if kind == "email"
        else "Too many failed sign-ins from this address. Try again later."
    )
    return SignInRefused("locked", message, max(retry_after_s, 1))
