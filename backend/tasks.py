"""Task services: every read and write starts from one owner-scoped statement.

"Not found" and "not yours" come from the same code path, so another user's task is
indistinguishable from a missing one. Each request is one SQL statement (`backend.users` folds
the user's first-sight creation and active check into it), built with SQLAlchemy Core from the
models, compiled once per shape, and run on psycopg directly.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, Literal

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    DateTime,
    Integer,
    Select,
    String,
    Text,
    Uuid,
    any_,
    bindparam,
    cast,
    delete,
    exists,
    literal_column,
    or_,
    select,
    true,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, insert

from backend.db import StatementPool
from backend.errors import (
    BadRequest,
    IdempotencyKeyReused,
    InvalidCursor,
    NotFound,
    PreconditionFailed,
    UserInactive,
)
from backend.models import IdempotencyKey, Task, TaskCreate, TaskTrash, utcnow
from backend.security import Principal
from backend.users import OWNER, account, account_params, compile_sql

SortKey = Literal["created_at", "-created_at", "updated_at", "-updated_at", "title", "-title"]
IDEMPOTENCY_TTL = timedelta(hours=24)

# The columns every task statement returns, in this order, after the `active` flag.
COLUMNS = (
    Task.id,
    Task.owner_id,
    Task.title,
    Task.description,
    Task.completed,
    Task.version,
    Task.created_at,
    Task.updated_at,
)
_ID, _OWNER_ID, _TITLE, _DESCRIPTION, _COMPLETED, _VERSION, _CREATED_AT, _UPDATED_AT = range(8)
_SORT_INDEX = {"created_at": _CREATED_AT, "updated_at": _UPDATED_AT, "title": _TITLE}

TASK_ID = bindparam("task_id", type_=Uuid)
# A write's timestamp, from Python's clock as before (created_at orders the keyset pages).
NOW = bindparam("now", type_=DateTime(timezone=True))
VERSIONS = bindparam("versions", type_=ARRAY(BigInteger))


def _answered(source: Any) -> list[Any]:
    """A statement's task columns as answered, ids as text: PostgreSQL writes a UUID out faster
    than Python builds a UUID object from it only to write it back as text."""
    c = source.c
    return [
        cast(c.id, Text).label("id"),
        cast(c.owner_id, Text).label("owner_id"),
        *(c[column.name] for column in COLUMNS[2:]),
    ]


def owned_tasks(*columns: Any) -> Select[Any]:
    """The one statement every task read starts from: the owner's tasks."""
    return select(*(columns or COLUMNS)).where(_owned())


def _owned() -> ColumnElement[bool]:
    return Task.owner_id == OWNER  # type: ignore[return-value]


# --- rows as the contract's JSON ---------------------------------------------------------------


def _rfc3339(value: datetime) -> str:
    # psycopg gives the session's time zone; the contract says UTC, written as pydantic does.
    text = value.isoformat()
    if not text.endswith("+00:00"):  # a session not in UTC: convert (the usual case needs not)
        text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z"


def public(row: tuple[Any, ...], offset: int = 1) -> dict[str, Any]:
    """A task row (after `offset` leading columns) as TaskPublic serialises it, fields in order."""
    return {
        "title": row[offset + _TITLE],
        "description": row[offset + _DESCRIPTION],
        "completed": row[offset + _COMPLETED],
        "id": str(row[offset + _ID]),
        "owner_id": str(row[offset + _OWNER_ID]),
        "created_at": _rfc3339(row[offset + _CREATED_AT]),
        "updated_at": _rfc3339(row[offset + _UPDATED_AT]),
    }


def to_json(content: Any) -> bytes:
    """JSON exactly as pydantic writes TaskPublic (and Starlette any other body)."""
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class TaskBody:
    """One task as answered: its id, its JSON and its version (the ETag)."""

    id: uuid.UUID
    body: bytes
    version: int

    @property
    def etag(self) -> str:
        return f'"{self.version}"'


def _task_body(row: tuple[Any, ...], offset: int = 1) -> TaskBody:
    return TaskBody(
        id=row[offset + _ID], body=to_json(public(row, offset)), version=row[offset + _VERSION]
    )


def _refuse_inactive(rows: list[tuple[Any, ...]]) -> None:
    # Every statement's first column is `active`; an inactive user's statement changed nothing.
    if not rows[0][0]:
        raise UserInactive()


# --- conditional requests ----------------------------------------------------------------------

# RFC 9110: "*" or a comma-separated list of entity tags, each `"opaque"` or `W/"opaque"`.
IF_MATCH_PATTERN = r'^\s*(\*|(W/)?"[^"]*"(\s*,\s*(W/)?"[^"]*")*)\s*$'
_IF_MATCH = re.compile(IF_MATCH_PATTERN)
_ENTITY_TAG = re.compile(r'(W/)?"([^"]*)"')
_VERSION_TAG = re.compile(r"[0-9]{1,19}")
MAX_VERSION = 2**63 - 1  # the version column is a BIGINT


def versions_matching(if_match: str | None) -> list[int] | None:
    """The versions an `If-Match` header accepts; None when any version will do."""
    if if_match is None or if_match.strip() == "*":
        return None
    if not _IF_MATCH.fullmatch(if_match):
        raise BadRequest('If-Match must be "*" or a list of quoted ETags.')
    # If-Match compares strongly: a weak tag never matches, nor one that is not a version we
    # could have issued (other digits than ASCII ones, or past the column's range).
    return [
        int(opaque)
        for weak, opaque in _ENTITY_TAG.findall(if_match)
        if not weak and _VERSION_TAG.fullmatch(opaque) and int(opaque) <= MAX_VERSION
    ]


def none_match(if_none_match: str | None, etag: str) -> bool:
    """True when `If-None-Match` names the current ETag (weak comparison)."""
    if if_none_match is None:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


# --- listing -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListQuery:
    owner_id: uuid.UUID
    sort: SortKey
    completed: bool | None
    q: str | None

    @property
    def key(self) -> str:
        return self.sort.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")

    def fingerprint(self) -> str:
        """What a cursor is bound to: a cursor from another query or user is refused."""
        return json.dumps([str(self.owner_id), self.sort, self.completed, self.q])


class CursorCodec:
    """Opaque, tamper-evident keyset cursors: the last row's sort key and id, HMAC-signed."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _mac(self, payload: bytes, query: ListQuery) -> bytes:
        message = payload + b"\x00" + query.fingerprint().encode()
        return hmac.new(self._key, message, hashlib.sha256).digest()[:16]

    def encode(self, query: ListQuery, value: Any, last_id: uuid.UUID) -> str:
        if isinstance(value, datetime):
            value = value.isoformat()
        payload = json.dumps([value, str(last_id)], separators=(",", ":")).encode()
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
        if query.key != "title":
            value = datetime.fromisoformat(value)
        return value, uuid.UUID(last_id)


def _like_pattern(q: str) -> str:
    """`q` is a literal substring: escape LIKE's wildcards and its escape character."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_statement(*, sort: SortKey, completed: bool, q: bool, after: bool) -> Select[Any]:
    """One page of the owner's tasks in one statement: a range scan of an (owner, sort key, id)
    index, `limit + 1` rows, each after the `active` flag (one row of NULLs when none match)."""
    key_name = sort.lstrip("-")
    key = getattr(Task, key_name)
    page = owned_tasks()
    if completed:
        page = page.where(Task.completed == bindparam("completed", type_=Boolean))
    if q:
        pattern = bindparam("pattern", type_=Text)
        page = page.where(
            or_(
                Task.title.ilike(pattern, escape="\\"),  # type: ignore[attr-defined]
                Task.description.ilike(pattern, escape="\\"),  # type: ignore[union-attr]
            )
        )
    descending = sort.startswith("-")
    if after:
        key_type = String() if key_name == "title" else DateTime(timezone=True)
        position = tuple_(key, Task.id)
        bound = tuple_(bindparam("after_key", type_=key_type), bindparam("after_id", type_=Uuid))
        page = page.where(position < bound if descending else position > bound)
    order = (key.desc(), Task.id.desc()) if descending else (key.asc(), Task.id.asc())  # type: ignore[attr-defined]
    # One extra row says whether another page follows, without a count.
    rows = page.order_by(*order).limit(bindparam("limit", type_=Integer)).lateral("page")
    account_cte, created = account()
    outer_key = rows.c[key_name]
    outer = (outer_key.desc(), rows.c.id.desc()) if descending else (outer_key, rows.c.id)
    return (
        select(account_cte.c.active, *_answered(rows))
        .select_from(account_cte.outerjoin(rows, account_cte.c.active))
        .add_cte(created)
        .order_by(*outer)
    )


@cache
def _list_sql(sort: SortKey, completed: bool, q: bool, after: bool) -> str:
    return compile_sql(list_statement(sort=sort, completed=completed, q=q, after=after))


def list_sql(
    *,
    principal: Principal,
    query: ListQuery,
    limit: int,
    after: tuple[Any, uuid.UUID] | None,
) -> tuple[str, dict[str, Any]]:
    """The statement of one page and its parameters: `limit + 1` rows after `after`."""
    params = account_params(principal)
    params["limit"] = limit + 1
    if query.completed is not None:
        params["completed"] = query.completed
    if query.q:
        params["pattern"] = _like_pattern(query.q)
    if after is not None:
        params["after_key"], params["after_id"] = after
    sql = _list_sql(query.sort, query.completed is not None, bool(query.q), after is not None)
    return sql, params


async def list_tasks(
    *,
    db: StatementPool,
    principal: Principal,
    query: ListQuery,
    limit: int,
    cursor: str | None,
    codec: CursorCodec,
) -> bytes:
    """One page of the owner's tasks in keyset order, as the contract's JSON body."""
    after = codec.decode(query, cursor) if cursor is not None else None
    sql, params = list_sql(principal=principal, query=query, limit=limit, after=after)
    # With `q`, the best plan depends on the word: a common one fills the page from the sort
    # key's index, a rare one comes from the trigram index. A prepared statement's generic
    # plan picks one for every word (the trigram one: 10 x slower for a common word), so these
    # are planned for their own pattern each time.
    rows = await db.fetch(sql, params, retry=True, prepare=False if query.q else None)
    _refuse_inactive(rows)
    if rows[0][1] is None:
        rows = []
    items = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]
        next_cursor = codec.encode(query, last[1 + _SORT_INDEX[query.key]], last[1 + _ID])
    return to_json({"items": [public(row) for row in items], "next_cursor": next_cursor})


# --- single tasks ------------------------------------------------------------------------------


@cache
def _get_sql() -> str:
    row = owned_tasks().where(Task.id == TASK_ID).subquery("row")
    account_cte, created = account()
    return compile_sql(
        select(account_cte.c.active, *_answered(row))
        .select_from(account_cte.outerjoin(row, account_cte.c.active))
        .add_cte(created)
    )


async def get_task(*, db: StatementPool, principal: Principal, task_id: uuid.UUID) -> TaskBody:
    """The owner's task, or NotFound."""
    params = account_params(principal)
    params["task_id"] = task_id
    rows = await db.fetch(_get_sql(), params, retry=True)
    _refuse_inactive(rows)
    if rows[0][1] is None:
        raise NotFound("Task not found.")
    return _task_body(rows[0])


def _new_task_values() -> dict[str, Any]:
    return {
        "id": bindparam("task_id", type_=Uuid),
        "owner_id": OWNER,
        "title": bindparam("title", type_=String),
        "description": bindparam("description", type_=String),
        "completed": bindparam("completed", type_=Boolean),
        "version": literal_column("1"),
        "created_at": NOW,
        "updated_at": NOW,
    }


@cache
def _create_sql() -> str:
    account_cte, created = account()
    values = _new_task_values()
    inserted = (
        insert(Task)
        .from_select(list(values), select(*values.values()).where(account_cte.c.active))
        .returning(*COLUMNS)
        .cte("inserted")
    )
    return compile_sql(
        select(account_cte.c.active, *_answered(inserted))
        .select_from(account_cte.outerjoin(inserted, true()))
        .add_cte(created)
    )


def _create_params(principal: Principal, data: TaskCreate) -> dict[str, Any]:
    params = account_params(principal)
    params.update(
        now=utcnow(),
        task_id=uuid.uuid4(),
        title=data.title,
        description=data.description,
        completed=data.completed,
    )
    return params


async def create_task(*, db: StatementPool, principal: Principal, data: TaskCreate) -> TaskBody:
    """Insert a task for the owner."""
    rows = await db.fetch(_create_sql(), _create_params(principal, data))
    _refuse_inactive(rows)
    return _task_body(rows[0])


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """An applied update: the task as it now is, and whether it was completed before."""

    task: TaskBody
    completed: bool
    was_completed: bool

    @property
    def completed_now(self) -> bool:
        """Whether this update moved the task from open to completed."""
        return self.completed and not self.was_completed


@cache
def _update_sql(fields: tuple[str, ...], conditional: bool) -> str:
    account_cte, created = account()
    # The row as it was, locked, so "was it open before?" is answered for this very update.
    before = (
        owned_tasks(Task.id, Task.completed.label("was_completed"))  # type: ignore[attr-defined]
        .where(Task.id == TASK_ID, account_cte.c.active)
        .with_for_update(of=Task)
        .cte("before")
    )
    statement = update(Task).where(_owned(), Task.id == before.c.id)
    if conditional:
        statement = statement.where(Task.version == any_(VERSIONS))
    columns = Task.__table__.c  # type: ignore[attr-defined]
    changes = {name: bindparam(name, type_=columns[name].type) for name in fields}
    updated = (
        statement.values(**changes, version=Task.version + literal_column("1"), updated_at=NOW)
        .returning(*COLUMNS, before.c.was_completed)
        .cte("updated")
    )
    found = exists(select(literal_column("1")).select_from(before))
    return compile_sql(
        select(
            account_cte.c.active,
            found.label("found"),
            *_answered(updated),
            updated.c.was_completed,
        )
        .select_from(account_cte.outerjoin(updated, true()))
        .add_cte(created)
    )


async def update_task(
    *,
    db: StatementPool,
    principal: Principal,
    task_id: uuid.UUID,
    changes: dict[str, Any],
    if_match: str | None,
) -> UpdateResult:
    """Apply `changes` in one UPDATE; with `If-Match`, only if the version still matches."""
    versions = versions_matching(if_match)
    if not changes:
        # Nothing to change: the task stays as it is, version and updated_at included.
        task = await get_task(db=db, principal=principal, task_id=task_id)
        if versions is not None and task.version not in versions:
            raise PreconditionFailed()
        completed = json.loads(task.body)["completed"]
        return UpdateResult(task=task, completed=completed, was_completed=completed)
    params = account_params(principal)
    params.update(changes, task_id=task_id, now=utcnow())
    if versions is not None:
        params["versions"] = versions
    sql = _update_sql(tuple(sorted(changes)), versions is not None)
    rows = await db.fetch(sql, params)
    _refuse_inactive(rows)
    row = rows[0]
    if row[2] is None:
        raise PreconditionFailed() if row[1] else NotFound("Task not found.")
    return UpdateResult(
        task=_task_body(row, offset=2), completed=row[2 + _COMPLETED], was_completed=row[-1]
    )


@cache
def _delete_sql(conditional: bool) -> str:
    account_cte, created = account()
    statement = delete(Task).where(_owned(), Task.id == TASK_ID, account_cte.c.active)
    if conditional:
        statement = statement.where(Task.version == any_(VERSIONS))
    deleted = statement.returning(*COLUMNS).cte("deleted")
    # The task moves to the trash in the same statement: restorable for TRASH_KEPT, and the
    # task table keeps live tasks only.
    trashed = (
        insert(TaskTrash)
        .from_select(
            [column.key for column in COLUMNS] + ["deleted_at"],
            select(*deleted.c, NOW.label("deleted_at")),
        )
        .returning(TaskTrash.id)
        .cte("trashed")
    )
    # The outer query reads the table as it was before the statement: "was there such a task?"
    existed = exists(owned_tasks(literal_column("1")).where(Task.id == TASK_ID))
    return compile_sql(
        select(
            account_cte.c.active,
            exists(select(trashed.c.id)).label("deleted"),
            existed.label("existed"),
        ).add_cte(created)
    )


async def delete_task(
    *, db: StatementPool, principal: Principal, task_id: uuid.UUID, if_match: str | None
) -> None:
    """Move the owner's task to the trash; with `If-Match`, only if the version still matches."""
    versions = versions_matching(if_match)
    params = account_params(principal)
    params["task_id"] = task_id
    params["now"] = utcnow()
    if versions is not None:
        params["versions"] = versions
    rows = await db.fetch(_delete_sql(versions is not None), params)
    _refuse_inactive(rows)
    _, deleted, existed = rows[0]
    if not deleted:
        # Without If-Match, a task that existed but was not deleted went in a concurrent delete.
        raise (
            PreconditionFailed()
            if existed and versions is not None
            else NotFound("Task not found.")
        )


# --- idempotent create -------------------------------------------------------------------------


def request_hash(data: TaskCreate) -> str:
    canonical = json.dumps(data.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


@cache
def _idempotent_create_sql() -> str:
    account_cte, created = account()
    key = bindparam("key", type_=String)
    digest = bindparam("request_hash", type_=String)
    body = bindparam("response_body", type_=Text)
    expired = IdempotencyKey.created_at < bindparam("expired_before", type_=DateTime(timezone=True))  # type: ignore[operator]
    # The owner's other expired keys go in the same statement: the table stays bounded
    # without a job, at no extra round trip.
    swept = (
        delete(IdempotencyKey)
        .where(IdempotencyKey.owner_id == OWNER, IdempotencyKey.key != key, expired)
        .cte("swept")
    )
    # Waits for a concurrent request holding the same key to finish, so two racing retries
    # never both create a task; a key older than 24 hours is claimed afresh.
    claim_values = select(OWNER, key, digest, bindparam("task_id", type_=Uuid), body, NOW)
    claim = insert(IdempotencyKey).from_select(
        ["owner_id", "key", "request_hash", "task_id", "response_body", "created_at"],
        claim_values.where(account_cte.c.active),
    )
    claimed = (
        claim.on_conflict_do_update(
            index_elements=["owner_id", "key"],
            set_={
                "request_hash": claim.excluded.request_hash,
                "task_id": claim.excluded.task_id,
                "response_body": claim.excluded.response_body,
                "created_at": claim.excluded.created_at,
            },
            where=expired,
        )
        .returning(IdempotencyKey.key)
        .cte("claimed")
    )
    values = _new_task_values()
    inserted = (
        insert(Task)
        .from_select(list(values), select(*values.values()).where(exists(select(claimed.c.key))))
        .returning(*COLUMNS)
        .cte("inserted")
    )
    return compile_sql(
        select(account_cte.c.active, *_answered(inserted))
        .select_from(account_cte.outerjoin(inserted, true()))
        .add_cte(created, swept)
    )


@cache
def _stored_answer_sql() -> str:
    return compile_sql(
        select(
            IdempotencyKey.request_hash, IdempotencyKey.task_id, IdempotencyKey.response_body
        ).where(
            IdempotencyKey.owner_id == OWNER,
            IdempotencyKey.key == bindparam("key", type_=String),
        )
    )


async def create_task_once(
    *, db: StatementPool, principal: Principal, key: str, data: TaskCreate
) -> tuple[TaskBody, bool]:
    """Create a task under an Idempotency-Key, or replay the answer the key already had
    (then the flag is True; a replay answers the task as first created, version 1).

    One statement claims the key and inserts the task, so both or neither persist; the answer
    to replay is known before the insert (the server sets every field), so it is stored with
    the claim. A replay reads it with a second statement, which sees the claim's commit.
    """
    params = _create_params(principal, data)
    row_now = params["now"]
    answer = TaskBody(
        id=params["task_id"],
        body=to_json(
            public(
                (
                    params["task_id"],
                    principal.user_id,
                    data.title,
                    data.description,
                    data.completed,
                    1,
                    row_now,
                    row_now,
                ),
                offset=0,
            )
        ),
        version=1,
    )
    params.update(
        key=key,
        request_hash=request_hash(data),
        response_body=answer.body.decode(),
        expired_before=row_now - IDEMPOTENCY_TTL,
    )
    rows = await db.fetch(_idempotent_create_sql(), params)
    _refuse_inactive(rows)
    if rows[0][1] is not None:
        return answer, False
    stored = await db.fetch(_stored_answer_sql(), {"owner_id": principal.user_id, "key": key})
    if not stored or stored[0][0] != params["request_hash"]:
        # Gone means it expired and was swept between the two statements: a different request.
        raise IdempotencyKeyReused()
    return TaskBody(id=stored[0][1], body=stored[0][2].encode(), version=1), True
