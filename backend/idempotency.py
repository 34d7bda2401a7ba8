"""Idempotent create: a task created once under an `Idempotency-Key`, its answer replayed to
every retry for 24 hours; the claim and the task persist together or not at all."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from functools import cache

from sqlalchemy import DateTime, String, Text, Uuid, bindparam, delete, exists, select, true
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col

from backend.db import StatementPool
from backend.errors import IdempotencyKeyReused
from backend.models import IdempotencyKey, Task, TaskCreate
from backend.security import Principal
from backend.task_rows import (
    COLUMNS,
    NOW,
    TaskBody,
    answered,
    create_params,
    new_task_values,
    public,
    refuse_inactive,
    to_json,
)
from backend.users import OWNER, account, compile_sql

IDEMPOTENCY_TTL = timedelta(hours=24)


def request_hash(data: TaskCreate) -> str:
    canonical = json.dumps(data.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


@cache
def _idempotent_create_sql() -> str:
    account_cte, created = account()
    key = bindparam("key", type_=String)
    digest = bindparam("request_hash", type_=String)
    body = bindparam("response_body", type_=Text)
    expired = col(IdempotencyKey.created_at) < bindparam(
        "expired_before", type_=DateTime(timezone=True)
    )
    # The owner's other expired keys go in the same statement: the table stays bounded
    # without a job, at no extra round trip.
    swept = (
        delete(IdempotencyKey)
        .where(col(IdempotencyKey.owner_id) == OWNER, col(IdempotencyKey.key) != key, expired)
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
        .returning(col(IdempotencyKey.key))
        .cte("claimed")
    )
    values = new_task_values()
    inserted = (
        insert(Task)
        .from_select(list(values), select(*values.values()).where(exists(select(claimed.c.key))))
        .returning(*COLUMNS)
        .cte("inserted")
    )
    return compile_sql(
        select(account_cte.c.active, *answered(inserted))
        .select_from(account_cte.outerjoin(inserted, true()))
        .add_cte(created, swept)
    )


@cache
def _stored_answer_sql() -> str:
    return compile_sql(
        select(
            col(IdempotencyKey.request_hash),
            col(IdempotencyKey.task_id),
            col(IdempotencyKey.response_body),
        ).where(
            col(IdempotencyKey.owner_id) == OWNER,
            col(IdempotencyKey.key) == bindparam("key", type_=String),
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
    params = create_params(principal, data)
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
    refuse_inactive(rows)
    if rows[0][1] is not None:
        return answer, False
    stored = await db.fetch(_stored_answer_sql(), {"owner_id": principal.user_id, "key": key})
    if not stored or stored[0][0] != params["request_hash"]:
        # Gone means it expired and was swept between the two statements: a different request.
        raise IdempotencyKeyReused()
    return TaskBody(id=stored[0][1], body=stored[0][2].encode(), version=1), True
