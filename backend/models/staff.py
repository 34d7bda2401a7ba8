"""The back office's own tables: staff accounts, the sign-in throttle and the audit log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal, get_args

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    String,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, Relationship, SQLModel

from backend.models.base import EMAIL_MAX, timestamp_column, utcnow

STAFF_ROLES = ("admin", "support")


class StaffUser(SQLModel, table=True):
    """A back-office account. Separate from API users, who come from the identity provider."""

    __tablename__ = "staff_user"
    __table_args__ = (CheckConstraint(f"role IN {STAFF_ROLES!r}", name="role"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    email: str = Field(sa_type=String(EMAIL_MAX), unique=True)
    password_hash: str = Field(sa_type=String(255))
    role: str = Field(sa_type=String(16))
    is_active: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    last_login_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column())
    # Each session records it when it opens; raising it ends every session this account has
    # open (deactivation, a role or password change).
    session_version: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})
    # The second factor (backend.accounts.second_factor): the TOTP secret once set up, the
    # step of the last code accepted (none is accepted twice), hashes of unused recovery codes.
    totp_secret: str | None = Field(default=None, sa_type=String(64))
    totp_last_step: int | None = Field(default=None, sa_type=BigInteger)
    recovery_code_hashes: list[str] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(String(64)), nullable=False, server_default=text("'{}'")),
    )

    @property
    def has_second_factor(self) -> bool:
        return self.totp_secret is not None

    def __str__(self) -> str:
        return self.email


class StaffSession(SQLModel, table=True):
    """A signed-in back-office session (backend.admin.sessions). The cookie carries only a
    random token; the row is found by the token's SHA-256, so the table opens no session."""

    __tablename__ = "staff_session"

    id: str = Field(sa_type=String(64), primary_key=True)
    staff_id: uuid.UUID = Field(
        sa_column=Column(
            ForeignKey("staff_user.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    # The staff member's session_version when it opened: it ends when that moves on.
    version: int
    created_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column())
    last_seen_at: datetime = Field(default_factory=utcnow, sa_column=timestamp_column())
    client_address: str = Field(sa_type=String(64))
    user_agent: str = Field(sa_type=String(255))
    # For the back office's list of open sessions (loaded there, never lazily).
    staff: StaffUser = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class StaffSignInThrottle(SQLModel, table=True):
    """Recent sign-in attempts per email and per client address, in the database so a lock-out
    holds across workers. `subject` is `email:<address>` or `client:<ip>`."""

    __tablename__ = "staff_sign_in_throttle"

    subject: str = Field(sa_type=String(400), primary_key=True)
    failures: int = Field(default=0)
    # Indexed: expired rows are deleted as sign-ins arrive, which keeps the table small.
    first_failure_at: datetime = Field(sa_type=DateTime(timezone=True), index=True)
    locked_until: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


# The audit log's vocabulary: what was done, and to what. Code that writes an entry is typed
# with these, so a word outside them fails the type check; the audit page's filters list them.
AuditAction = Literal[
    "create",
    "update",
    "delete",
    "deactivate",
    "reactivate",
    "sign_in",
    "sign_out",
    "end_session",
    "set_up_second_factor",
    "reset_second_factor",
    "restore",
    "export",
    "erase",
]
AuditObject = Literal["user", "task", "staff_user"]
AUDIT_ACTIONS: tuple[AuditAction, ...] = get_args(AuditAction)
AUDIT_OBJECTS: tuple[AuditObject, ...] = get_args(AuditObject)


class AuditLog(SQLModel, table=True):
    """One change made through the back office: who, when, what, and the values around it."""

    __tablename__ = "audit_log"

    id: int | None = Field(
        default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=True)
    )
    # No foreign key: the record outlives the staff account it names.
    staff_id: uuid.UUID | None = None
    staff_email: str | None = Field(default=None, sa_type=String(EMAIL_MAX))
    action: str = Field(sa_type=String(32))
    object_type: str = Field(sa_type=String(64))
    object_id: str = Field(sa_type=String(64))
    # The API user the entry is about (the user, or the task's owner): what erasing that user
    # redacts, and what their history lists.
    subject_user_id: uuid.UUID | None = Field(default=None, index=True)
    before: dict[str, Any] | None = Field(default=None, sa_type=JSONB)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSONB)
    created_at: datetime = Field(
        default_factory=utcnow,
        sa_column=Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True),
    )
