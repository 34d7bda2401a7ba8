"""The change feed: what changed in a user's tasks since a token, complete under any
interleaving of concurrent writers, one statement per page.

Design. A trigger stamps every task row and every trashed (deleted) task row, on every insert
and update, with its writer's transaction id (`change_xid`, 64 bits: it never wraps), whatever
code wrote it. A page is the owner's rows from both tables (upserts and deletes) after the
token's position, in (change_xid, id) order, and *before the horizon*: the `xmin` of the
statement's own snapshot, the oldest transaction id still running when it was taken.

Why nothing is ever skipped. Transaction ids are handed out in the order transactions first
write, not in the order they commit: A takes 10, B takes 11, B commits, a reader keeps 11, A
commits 10 behind it; a feed ordered by such numbers (or by a timestamp or a sequence taken
at write time) skips A for ever. The horizon closes that gap. Every id below a snapshot's
`xmin` belongs to a transaction that has finished, so its rows, if it committed, are visible
to the statement and, if it rolled back, never will be: nothing can still appear below the
horizon. Every transaction that commits after the statement was still running then, or had not
yet written (its id is then at least the next one, above `xmin` too), so every later change
lands at or above the horizon, ahead of any position this feed hands out, which never passes
it. A row written again moves ahead to its new writer's id, so a task changed several times
between two calls comes once, in its latest state, and never before an older change of its
own. Deleting moves the row to the trash and restoring moves it back, each in one transaction,
so a task is in one of the two tables at a time. Nothing here depends on which server
connection runs which statement: ids and snapshots are the cluster's, so PgBouncer in
transaction mode changes nothing.

The cost is liveness, not safety: a transaction that holds an id open (anywhere in the
cluster) holds the horizon back, and changes committed after it wait, not lost, until it ends.

Tokens are signed like list cursors and bound to the user and to the account's start (an
erased user seen again is a new account: 400). A token carries its position, the time it was
issued (by the database's clock) and, during a first sync, the horizon it started from:
deletions below it were made before the client's copy, so they are not sent. A token older
than the trash's TRASH_KEPT, or one from before the newest deletion a purge removed
(`trash_purge`), may have missed a deletion that is gone: 410.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    DateTime,
    Integer,
    Select,
    String,
    Text,
    Uuid,
    bindparam,
    cast,
    func,
    literal_column,
    null,
    select,
    tuple_,
    union_all,
)
from sqlmodel import col

from backend.accounts.tokens import Principal
from backend.accounts.users import SINCE, account_params
from backend.core.errors import InvalidCursor, SyncTokenExpired
from backend.core.sql import compile_sql
from backend.core.statement_pool import StatementPool
from backend.models import TRASH_KEPT, TaskTrash, TrashPurge, table
from backend.tasks.cursors import CursorCodec
from backend.tasks.rows import COLUMNS, TASKS, public, rfc3339, to_json
from backend.tasks.service import answered_row
from backend.tasks.statements import answered, for_account, owned_tasks

# Positions are (change_xid, id), exclusive. The start is before every row (rows written before
# the feed existed have 0); "none" is past every row, for a source a page must not read.
_NIL, _MAX = uuid.UUID(int=0), uuid.UUID(int=(1 << 128) - 1)
START = (-1, _NIL)
_NONE = ((1 << 63) - 1, _MAX)


def _changes_of(source: Any, kind: str, deleted_at: Any, horizon: Any) -> Select[Any]:
    """One source of the change feed: the owner's rows after the token's position (its own
    parameters) and before `horizon`, in (change_xid, id) order, a page's worth."""
    after = tuple_(
        bindparam(f"{kind}_after_xid", type_=BigInteger),
        bindparam(f"{kind}_after_id", type_=Uuid),
    )
    return (
        owned_tasks(
            literal_column(f"'{kind}'", String).label("type"),
            *answered(source),
            deleted_at.label("deleted_at"),
            source.c.change_xid,
            # The id as a UUID as well: the order of its index, which merges both sources.
            source.c.id.label("change_id"),
            source=source,
        )
        .where(
            tuple_(source.c.change_xid, source.c.id) > after,
            source.c.change_xid < horizon,
        )
        .order_by(source.c.change_xid, source.c.id)
        .limit(bindparam("limit", type_=Integer))
    )


@cache
def changes_sql() -> str:
    """One page of the change feed (backend.tasks.feed says why it is complete): the user's
    tasks (upserts) and trash (deletes) written after the token's position, merged in
    (change_xid, id) order up to the horizon; each row also answers the horizon, how far the
    trash was purged, the account's start and the statement's time (the next token's)."""
    # No transaction still running began before this: every change behind it is committed
    # (and seen by this statement's snapshot) or rolled back. xid8 as text to bigint.
    horizon_cte = select(
        cast(cast(func.pg_snapshot_xmin(func.pg_current_snapshot()), Text), BigInteger).label("xid")
    ).cte("horizon")
    horizon = select(horizon_cte.c.xid).scalar_subquery()
    upserts = _changes_of(TASKS, "upsert", cast(null(), DateTime(timezone=True)), horizon)
    trash = table(TaskTrash)
    deletes = _changes_of(trash, "delete", trash.c.deleted_at, horizon)
    merged = union_all(upserts, deletes).subquery("merged")
    page = (
        select(merged)
        .order_by(merged.c.change_xid, merged.c.change_id)
        .limit(bindparam("limit", type_=Integer))
        .lateral("page")
    )
    purged = select(
        func.coalesce(func.max(col(TrashPurge.through_xid)), literal_column("-1"))
    ).scalar_subquery()
    statement = for_account(
        horizon.label("horizon"),
        purged.label("purged_through"),
        SINCE.label("account_since"),
        func.now().label("at"),
        *(page.c[name] for name in ("type", *(c.name for c in COLUMNS), "deleted_at")),
        page.c.change_xid,
        answer=page,
    ).order_by(page.c.change_xid, page.c.change_id)
    return compile_sql(statement.add_cte(horizon_cte))


def _binding(owner_id: uuid.UUID) -> str:
    return f"changes:{owner_id}"


@dataclass(frozen=True, slots=True)
class SyncToken:
    """What a token says: where the client is, when it was issued, for which account, and the
    floor below which deletions are not sent (a first sync's starting horizon)."""

    position: tuple[int, uuid.UUID]
    issued_at: datetime
    # None when the account did not exist yet for the statement that issued the token: every
    # row of the user's is then after it, so any account of theirs may follow it.
    account_since: datetime | None
    floor: int

    def encode(self, codec: CursorCodec, owner_id: uuid.UUID) -> str:
        xid, last_id = self.position
        content = [
            xid,
            str(last_id),
            self.issued_at.isoformat(),
            self.account_since and self.account_since.isoformat(),
            self.floor,
        ]
        return codec.sign(content, _binding(owner_id))

    @classmethod
    def decode(cls, codec: CursorCodec, owner_id: uuid.UUID, token: str) -> SyncToken:
        content = codec.open(token, _binding(owner_id))
        try:
            xid, last_id, issued_at, since, floor = content
            return cls(
                (int(xid), uuid.UUID(last_id)),
                datetime.fromisoformat(issued_at),
                since and datetime.fromisoformat(since),
                int(floor),
            )
        except (TypeError, ValueError):  # signed by us, so only if the format ever changes
            raise InvalidCursor() from None


def _deletions_after(token: SyncToken | None) -> tuple[int, uuid.UUID]:
    """Where the page reads deletions from: a first page reads none (the client has nothing to
    delete), later ones from the token's position, but never below its floor."""
    if token is None:
        return _NONE
    return max(token.position, (token.floor - 1, _MAX))


def page_params(principal: Principal, token: SyncToken | None, limit: int) -> dict[str, Any]:
    """The parameters of the page after `token` (from nothing without it): `limit + 1` rows."""
    after = token.position if token is not None else START
    deletions_after = _deletions_after(token)
    params = account_params(principal)
    params.update(
        limit=limit + 1,
        upsert_after_xid=after[0],
        upsert_after_id=after[1],
        delete_after_xid=deletions_after[0],
        delete_after_id=deletions_after[1],
    )
    return params


async def read_changes(
    *,
    db: StatementPool,
    principal: Principal,
    since: str | None,
    limit: int,
    codec: CursorCodec,
) -> bytes:
    """One page of the feed after `since` (from nothing without it), as the contract's JSON."""
    token = SyncToken.decode(codec, principal.user_id, since) if since is not None else None
    params = page_params(principal, token, limit)
    rows = await db.fetch(changes_sql(), params)
    first = answered_row(rows)
    if token is not None:
        if token.account_since is not None and token.account_since != first.account_since:
            raise InvalidCursor()
        if token.position < (first.purged_through, _MAX) or first.at - token.issued_at > TRASH_KEPT:
            raise SyncTokenExpired()
    if first.type is None:
        rows = []
    page, more = rows[:limit], len(rows) > limit
    # A full page ends at its last change; a short one has read everything below the horizon.
    position = (page[-1].change_xid, uuid.UUID(page[-1].id)) if more else (first.horizon - 1, _MAX)
    floor = first.horizon if token is None else token.floor
    next_token = SyncToken(position, first.at, first.account_since, floor)
    return to_json(
        {
            "changes": [_change(row) for row in page],
            "next": next_token.encode(codec, principal.user_id),
            "more": more,
        }
    )


def _change(row: Any) -> dict[str, Any]:
    if row.type == "delete":
        return {"type": "delete", "id": row.id, "deleted_at": rfc3339(row.deleted_at)}
    return {"type": "upsert", "task": public(row)}
