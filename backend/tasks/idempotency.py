"""Idempotent create: a task created once under an `Idempotency-Key`, its answer replayed to
every retry for 24 hours; the claim and the task persist together or not at all."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from backend.accounts.tokens import Principal
from backend.core.errors import IdempotencyKeyReused
from backend.core.statement_pool import StatementPool
from backend.tasks import statements
from backend.tasks.rows import TaskBody, new_row
from backend.tasks.schemas import TaskCreate
from backend.tasks.service import answered_row, create_params

IDEMPOTENCY_TTL = timedelta(hours=24)


def request_hash(data: TaskCreate) -> str:
    canonical = json.dumps(data.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


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
    answer = TaskBody.of(
        new_row(task_id=params["task_id"], owner_id=principal.user_id, data=data, now=params["now"])
    )
    params.update(
        key=key,
        request_hash=request_hash(data),
        response_body=answer.body.decode(),
        expired_before=params["now"] - IDEMPOTENCY_TTL,
    )
    # Safe to repeat as it is: a first try that was applied holds the key, so a repeat finds
    # it and inserts nothing.
    rows, _ = await db.write(statements.idempotent_create_sql(), params)
    if answered_row(rows).id is not None:
        return answer, False
    stored = await db.fetch(
        statements.stored_answer_sql(), {"owner_id": principal.user_id, "key": key}
    )
    if not stored or stored[0].request_hash != params["request_hash"]:
        # Gone means it expired and was swept between the two statements: a different request.
        raise IdempotencyKeyReused()
    # The key holds this request's own task when a repeat met its first try's claim.
    replayed = stored[0].task_id != params["task_id"]
    return TaskBody(
        id=str(stored[0].task_id), body=stored[0].response_body.encode(), version=1
    ), replayed
