"""Task services: every read and write starts from one owner-scoped statement.

"Not found" and "not yours" come from the same code path, so another user's task is
indistinguishable from a missing one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Delete, Update, delete, or_, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from backend.errors import (
    BadRequest,
    IdempotencyKeyReused,
    InvalidCursor,
    NotFound,
    PreconditionFailed,
)
from backend.models import IdempotencyKey, Task, TaskCreate, TaskPublic, utcnow

SortKey = Literal["created_at", "-created_at", "updated_at", "-updated_at", "title", "-title"]
IDEMPOTENCY_TTL = timedelta(hours=24)


def owned_tasks(owner_id: uuid.UUID) -> SelectOfScalar[Task]:
    """The one statement every task read starts from."""
    return select(Task).where(_owned_by(owner_id))


def _owned_by(owner_id: uuid.UUID) -> ColumnElement[bool]:
    return Task.owner_id == owner_id  # type: ignore[return-value]


def _owned_update(owner_id: uuid.UUID, task_id: uuid.UUID) -> Update:
    return update(Task).where(_owned_by(owner_id), Task.id == task_id)


def _owned_delete(owner_id: uuid.UUID, task_id: uuid.UUID) -> Delete:
    return delete(Task).where(_owned_by(owner_id), Task.id == task_id)


def etag(task: Task) -> str:
    return f'"{task.version}"'


# RFC 9110: "*" or a comma-separated list of entity tags, each `"opaque"` or `W/"opaque"`.
IF_MATCH_PATTERN = r'^\s*(\*|(W/)?"[^"]*"(\s*,\s*(W/)?"[^"]*")*)\s*$'
_IF_MATCH = re.compile(IF_MATCH_PATTERN)
_ENTITY_TAG = re.compile(r'(W/)?"([^"]*)"')


def versions_matching(if_match: str | None) -> set[int] | None:
    """The versions an `If-Match` header accepts; None when any version will do."""
    if if_match is None or if_match.strip() == "*":
        return None
    if not _IF_MATCH.fullmatch(if_match):
        raise BadRequest('If-Match must be "*" or a list of quoted ETags.')
    # If-Match compares strongly: a weak tag never matches.
    return {
        int(opaque)
        for weak, opaque in _ENTITY_TAG.findall(if_match)
        if not weak and opaque.isdigit()
    }


def none_match(if_none_match: str | None, task: Task) -> bool:
    """True when `If-None-Match` names the task's current ETag (weak comparison)."""
    if if_none_match is None:
        return False
    if if_none_match.strip() == "*":
        return True
    current = etag(task)
    return any(tag.strip().removeprefix("W/") == current for tag in if_none_match.split(","))


# --- users -------------------------------------------------------------------------------------

# One round trip: read the user, creating it on its first request. ON CONFLICT makes concurrent
# first requests safe; if another transaction created the row meanwhile, neither branch sees it
# in this statement's snapshot and the user is new, hence active.
_ENSURE_USER = text(
    """
    WITH existing AS (SELECT is_active FROM app_user WHERE id = :id),
    created AS (
        INSERT INTO app_user (id, email, name, is_active, created_at, updated_at)
        SELECT :id, :email, :name, true, :now, :now
        WHERE NOT EXISTS (SELECT 1 FROM existing)
        ON CONFLICT (id) DO NOTHING
        RETURNING is_active
    )
    SELECT is_active FROM existing UNION ALL SELECT is_active FROM created
    """
)


async def ensure_user_is_active(
    *, session: AsyncSession, user_id: uuid.UUID, email: str | None, name: str | None
) -> bool:
    """Whether the user may use the API, creating the user the first time it is seen."""
    connection = await session.connection()
    result = await connection.execute(
        _ENSURE_USER, {"id": user_id, "email": email, "name": name, "now": utcnow()}
    )
    row = result.first()
    return True if row is None else bool(row[0])


# --- listing -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListQuery:
    owner_id: uuid.UUID
    sort: SortKey
    completed: bool | None
    q: str | None

    @property
    def column(self) -> Any:
        return getattr(Task, self.sort.lstrip("-"))

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")

    def fingerprint(self) -> str:
        """What a cursor is bound to: a cursor from another query or user is refused."""
        return json.dumps([str(self.owner_id), self.sort, self.completed, self.q])


@dataclass(frozen=True, slots=True)
class TaskPage:
    items: list[Task]
    next_cursor: str | None


class CursorCodec:
    """Opaque, tamper-evident keyset cursors: the last row's sort key and id, HMAC-signed."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _mac(self, payload: bytes, query: ListQuery) -> bytes:
        message = payload + b"\x00" + query.fingerprint().encode()
        return hmac.new(self._key, message, hashlib.sha256).digest()[:16]

    def encode(self, query: ListQuery, last: Task) -> str:
        value = getattr(last, query.sort.lstrip("-"))
        if isinstance(value, datetime):
            value = value.isoformat()
        payload = json.dumps([value, str(last.id)], separators=(",", ":")).encode()
        token = self._mac(payload, query) + payload
        return base64.urlsafe_b64encode(token).rstrip(b"=").decode()

    def decode(self, query: ListQuery, cursor: str) -> tuple[Any, uuid.UUID]:
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        except (ValueError, TypeError):
            raise InvalidCursor() from None
        mac, payload = raw[:16], raw[16:]
        if len(mac) != 16 or not hmac.compare_digest(mac, self._mac(payload, query)):
            raise InvalidCursor()
        value, last_id = json.loads(payload)
        if query.sort.lstrip("-") != "title":
            value = datetime.fromisoformat(value)
        return value, uuid.UUID(last_id)


def _like_pattern(q: str) -> str:
    """`q` is a literal substring: escape LIKE's wildcards and its escape character."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_statement(
    *, query: ListQuery, limit: int, after: tuple[Any, uuid.UUID] | None
) -> SelectOfScalar[Task]:
    """The SQL of one page: a range scan of an (owner, sort key, id) index, `limit + 1` rows."""
    statement = owned_tasks(query.owner_id)
    if query.completed is not None:
        statement = statement.where(Task.completed == query.completed)
    if query.q:
        pattern = _like_pattern(query.q)
        statement = statement.where(
            or_(
                Task.title.ilike(pattern, escape="\\"),  # type: ignore[attr-defined]
                Task.description.ilike(pattern, escape="\\"),  # type: ignore[union-attr]
            )
        )
    key = query.column
    if after is not None:
        position = tuple_(key, Task.id)
        bound = tuple_(*after)
        statement = statement.where(position < bound if query.descending else position > bound)
    if query.descending:
        statement = statement.order_by(key.desc(), Task.id.desc())  # type: ignore[attr-defined]
    else:
        statement = statement.order_by(key.asc(), Task.id.asc())  # type: ignore[attr-defined]
    # One extra row says whether another page follows, without a count.
    return statement.limit(limit + 1)


async def list_tasks(
    *, session: AsyncSession, query: ListQuery, limit: int, cursor: str | None, codec: CursorCodec
) -> TaskPage:
    """One page of the owner's tasks in keyset order; constant cost at any depth."""
    after = codec.decode(query, cursor) if cursor is not None else None
    rows = list((await session.exec(list_statement(query=query, limit=limit, after=after))).all())
    items = rows[:limit]
    next_cursor = codec.encode(query, items[-1]) if len(rows) > limit else None
    return TaskPage(items=items, next_cursor=next_cursor)


# --- single tasks ------------------------------------------------------------------------------


async def get_task(*, session: AsyncSession, owner_id: uuid.UUID, task_id: uuid.UUID) -> Task:
    """The owner's task, or NotFound."""
    task = (await session.exec(owned_tasks(owner_id).where(Task.id == task_id))).first()
    if task is None:
        raise NotFound("Task not found.")
    return task


async def create_task(*, session: AsyncSession, owner_id: uuid.UUID, data: TaskCreate) -> Task:
    """Insert a task for the owner."""
    now = utcnow()
    task = Task(**data.model_dump(), owner_id=owner_id, created_at=now, updated_at=now)
    session.add(task)
    await session.flush()
    return task


async def _missing_or_changed(
    *, session: AsyncSession, owner_id: uuid.UUID, task_id: uuid.UUID
) -> Exception:
    """After a conditional write matched nothing: was the task gone, or changed?"""
    exists = (await session.exec(owned_tasks(owner_id).where(Task.id == task_id))).first()
    return PreconditionFailed() if exists is not None else NotFound("Task not found.")


@dataclass(frozen=True, slots=True)
class TaskUpdate:
    task: Task
    was_completed: bool

    @property
    def completed_now(self) -> bool:
        """Whether this update moved the task from open to completed."""
        return self.task.completed and not self.was_completed


async def update_task(
    *,
    session: AsyncSession,
    owner_id: uuid.UUID,
    task_id: uuid.UUID,
    changes: dict[str, Any],
    if_match: str | None,
) -> TaskUpdate:
    """Apply `changes` in one UPDATE; with `If-Match`, only if the version still matches."""
    versions = versions_matching(if_match)
    if not changes:
        # Nothing to change: the task stays as it is, version and updated_at included.
        task = await get_task(session=session, owner_id=owner_id, task_id=task_id)
        if versions is not None and task.version not in versions:
            raise PreconditionFailed()
        return TaskUpdate(task=task, was_completed=task.completed)
    # The row as it was, locked, so "was it open before?" is answered for this very update.
    before = (
        owned_tasks(owner_id)
        .where(Task.id == task_id)
        .with_only_columns(Task.id, Task.completed.label("was_completed"))  # type: ignore[attr-defined]
        .with_for_update()
        .cte("before")
    )
    statement = _owned_update(owner_id, task_id).where(Task.id == before.c.id)
    if versions is not None:
        statement = statement.where(Task.version.in_(versions))  # type: ignore[attr-defined]
    statement = statement.values(**changes, version=Task.version + 1, updated_at=utcnow())
    row = (
        await session.exec(
            statement.returning(Task, before.c.was_completed),
            execution_options={"synchronize_session": False},
        )
    ).first()
    if row is None:
        raise await _missing_or_changed(session=session, owner_id=owner_id, task_id=task_id)
    return TaskUpdate(task=row[0], was_completed=row[1])


async def delete_task(
    *, session: AsyncSession, owner_id: uuid.UUID, task_id: uuid.UUID, if_match: str | None
) -> None:
    """Delete the owner's task; with `If-Match`, only if the version still matches."""
    statement = _owned_delete(owner_id, task_id)
    versions = versions_matching(if_match)
    if versions is not None:
        statement = statement.where(Task.version.in_(versions))  # type: ignore[attr-defined]
    deleted = (
        await session.exec(
            statement.returning(Task.id), execution_options={"synchronize_session": False}
        )
    ).first()
    if deleted is None:
        raise await _missing_or_changed(session=session, owner_id=owner_id, task_id=task_id)


# --- idempotent create -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Replay:
    """The answer first given to a POST under the same Idempotency-Key."""

    task_id: uuid.UUID
    body: str


def request_hash(data: TaskCreate) -> str:
    canonical = json.dumps(data.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


async def claim_idempotency_key(
    *, session: AsyncSession, owner_id: uuid.UUID, key: str, data: TaskCreate
) -> Replay | None:
    """Claim `key` for this request, or return the answer it already had.

    The INSERT waits for a concurrent request holding the same key to finish, so two racing
    retries never both create a task. A key older than 24 hours is claimed afresh, and the
    owner's other expired keys are deleted.
    """
    digest = request_hash(data)
    now = utcnow()
    expired = IdempotencyKey.created_at < now - IDEMPOTENCY_TTL  # type: ignore[operator]
    # The owner's other expired keys go in the same statement: the table stays bounded
    # without a job, at no extra round trip.
    sweep = (
        delete(IdempotencyKey)
        .where(IdempotencyKey.owner_id == owner_id, IdempotencyKey.key != key, expired)
        .cte("swept")
    )
    claim = (
        insert(IdempotencyKey)
        .values(
            owner_id=owner_id,
            key=key,
            request_hash=digest,
            task_id=uuid.uuid4(),
            response_body="",
            created_at=now,
        )
        .on_conflict_do_update(
            index_elements=["owner_id", "key"],
            set_={"request_hash": digest, "response_body": "", "created_at": now},
            where=expired,
        )
        .returning(IdempotencyKey.key)
        .add_cte(sweep)
    )
    if (await session.exec(claim)).first() is not None:
        return None
    stored = (
        await session.exec(
            select(IdempotencyKey).where(
                IdempotencyKey.owner_id == owner_id, IdempotencyKey.key == key
            )
        )
    ).one()
    if stored.request_hash != digest:
        raise IdempotencyKeyReused()
    return Replay(task_id=stored.task_id, body=stored.response_body)


async def record_idempotent_response(
    *, session: AsyncSession, owner_id: uuid.UUID, key: str, task: TaskPublic
) -> None:
    """Store the answer to replay; same transaction as the task, so both or neither persist."""
    await session.exec(
        update(IdempotencyKey)
        .where(IdempotencyKey.owner_id == owner_id, IdempotencyKey.key == key)
        .values(task_id=task.id, response_body=task.model_dump_json())
    )
