"""Back-office staff accounts: Argon2 password hashing and creating an account (`create-staff`)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.models import EMAIL_MAX, STAFF_ROLES, AuditLog, StaffUser

PASSWORD_MIN_LENGTH = 12
# Who the audit log names for accounts made from the command line, where no staff member is
# signed in: whoever can run it can reach the database already.
COMMAND_LINE_ACTOR = "(taskapi create-staff)"
PASSWORD_MAX_LENGTH = 1024

_hasher = PasswordHasher()
# Verified against when the email is unknown, so an unknown email costs the same time as a
# wrong password and the sign-in page does not reveal which staff emails exist. Written out
# rather than hashed at import, which cost every process (API workers too) a quarter of a
# second of start-up and a 64 MiB peak of memory; made with `_hasher`'s parameters (which
# tests/admin/test_sign_in.py holds it to).
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$pB3gAUsb8HnthHIAm5D2+g$yKXO60fvAeHI5yb3qQHwzwdPuMFSawmqxG45/h4XqrY"


class StaffError(ValueError):
    """A staff account that cannot be created as asked; the message is for the operator."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password(password: str) -> None:
    if len(password) < PASSWORD_MIN_LENGTH:
        raise StaffError(f"the password must be at least {PASSWORD_MIN_LENGTH} characters")
    if len(password) > PASSWORD_MAX_LENGTH:
        raise StaffError(f"the password must be at most {PASSWORD_MAX_LENGTH} characters")


def hash_password(password: str) -> str:
    check_password(password)
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; with no hash (unknown email) it spends the time and says no."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_staff_user(*, email: str, role: str, password: str) -> StaffUser:
    email = normalise_email(email)
    if "@" not in email or len(email) > EMAIL_MAX:
        raise StaffError("the email must be an address like name@example.com")
    if role not in STAFF_ROLES:
        raise StaffError(f"the role must be one of: {', '.join(STAFF_ROLES)}")
    return StaffUser(email=email, role=role, password_hash=hash_password(password))


async def add_staff(session_factory: async_sessionmaker[AsyncSession], staff: StaffUser) -> None:
    """Store a new staff account and its audit row together; an email already taken is a
    StaffError."""
    async with session_factory() as session:
        session.add(staff)
        session.add(
            AuditLog(
                staff_email=COMMAND_LINE_ACTOR,
                action="create",
                object_type="staff_user",
                object_id=str(staff.id),
                after={"email": staff.email, "role": staff.role, "is_active": staff.is_active},
            )
        )
        try:
            await session.commit()
        except IntegrityError:
            raise StaffError(f"a staff account for {staff.email} already exists") from None


async def has_staff(session_factory: async_sessionmaker[AsyncSession]) -> bool:
    """Whether any back-office account exists (active or not)."""
    async with session_factory() as session:
        found = await session.exec(select(StaffUser.id).limit(1))
        return found.first() is not None
