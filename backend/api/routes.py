"""The task routes of the contract; each reads like its row in the contract's table."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response, Security, status
from fastapi.security import HTTPBearer
from pydantic import BaseModel

from backend import tasks
from backend.api.deps import ContextDep, MetricsDep, OwnerId, OwnerRoute, SessionDep
from backend.models import SearchText, Task, TaskCreate, TaskPatch, TaskPublic, TaskReplace
from backend.observability.metrics import BusinessMetrics


class ErrorItem(BaseModel):
    loc: list[str | int]
    msg: str


class ErrorBody(BaseModel):
    detail: str
    code: str
    errors: list[ErrorItem] | None = None


class TaskList(BaseModel):
    items: list[TaskPublic]
    next_cursor: str | None


def _errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    return {code: {"model": ErrorBody} for code in statuses}


# Shown in the OpenAPI document; OwnerRoute does the checking before any dependency runs.
bearer = HTTPBearer(auto_error=False, description="A JWT from the identity provider.")

router = APIRouter(
    prefix="/api/{user_id}/tasks",
    tags=["tasks"],
    route_class=OwnerRoute,
    dependencies=[Security(bearer)],
    # 400: a malformed If-Match, or a body FastAPI cannot parse at all.
    responses=_errors(400, 401, 403, 413, 422, 500, 503),
)

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        min_length=1,
        max_length=255,
        pattern=r"^[\x20-\x7e]+$",
        description="Retry-safe key: the same key and body within 24 hours answer the original task.",
    ),
]
IfMatchHeader = Annotated[
    str | None,
    Header(
        description='Only act if the task still has one of these ETags (or "*"); else 412.',
        # Documented only: a malformed value is answered 400 by the service, not 422.
        json_schema_extra={"pattern": tasks.IF_MATCH_PATTERN},
    ),
]


def _with_etag(response: Response, task: Task) -> TaskPublic:
    response.headers["ETag"] = tasks.etag(task)
    return TaskPublic.model_validate(task)


async def _apply(
    *,
    session: SessionDep,
    owner_id: uuid.UUID,
    task_id: uuid.UUID,
    changes: dict[str, object],
    if_match: str | None,
    response: Response,
    metrics: BusinessMetrics,
) -> TaskPublic:
    """PUT and PATCH differ only in which fields they change."""
    update = await tasks.update_task(
        session=session, owner_id=owner_id, task_id=task_id, changes=changes, if_match=if_match
    )
    if update.completed_now:
        metrics.tasks_completed.inc()
    return _with_etag(response, update.task)


@router.get("", response_model=TaskList)
async def list_tasks(
    session: SessionDep,
    owner_id: OwnerId,
    context: ContextDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(max_length=2048)] = None,
    completed: bool | None = None,
    q: Annotated[
        SearchText | None, Query(description="Case-insensitive literal substring.")
    ] = None,
    sort: tasks.SortKey = "-created_at",
) -> TaskList:
    """List the user's tasks, one keyset page at a time."""
    query = tasks.ListQuery(owner_id=owner_id, sort=sort, completed=completed, q=q or None)
    page = await tasks.list_tasks(
        session=session, query=query, limit=limit, cursor=cursor, codec=context.cursor_codec
    )
    return TaskList(
        items=[TaskPublic.model_validate(task) for task in page.items],
        next_cursor=page.next_cursor,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=TaskPublic,
    responses={201: {"headers": {"Location": {"schema": {"type": "string"}}}}},
)
async def create_task(
    session: SessionDep,
    owner_id: OwnerId,
    metrics: MetricsDep,
    data: TaskCreate,
    request: Request,
    response: Response,
    idempotency_key: IdempotencyKeyHeader = None,
) -> TaskPublic | Response:
    """Create a task; retrying with the same Idempotency-Key never creates a second one."""
    if idempotency_key is not None:
        replay = await tasks.claim_idempotency_key(
            session=session, owner_id=owner_id, key=idempotency_key, data=data
        )
        if replay is not None:
            return Response(
                replay.body,
                status_code=status.HTTP_201_CREATED,
                media_type="application/json",
                headers={
                    "Location": _task_location(request, owner_id, replay.task_id),
                    # A replay answers the task as first created, which was version 1.
                    "ETag": '"1"',
                },
            )
    task = await tasks.create_task(session=session, owner_id=owner_id, data=data)
    public = _with_etag(response, task)
    if idempotency_key is not None:
        await tasks.record_idempotent_response(
            session=session, owner_id=owner_id, key=idempotency_key, task=public
        )
    response.headers["Location"] = _task_location(request, owner_id, task.id)
    metrics.tasks_created.inc()
    return public


def _task_location(request: Request, owner_id: uuid.UUID, task_id: uuid.UUID) -> str:
    return str(request.app.url_path_for("get_task", user_id=str(owner_id), task_id=str(task_id)))


@router.get(
    "/{task_id}",
    response_model=TaskPublic,
    responses={304: {"description": "Not modified"}, **_errors(404)},
)
async def get_task(
    session: SessionDep,
    owner_id: OwnerId,
    task_id: uuid.UUID,
    response: Response,
    if_none_match: Annotated[str | None, Header()] = None,
) -> TaskPublic | Response:
    """Read one task; answers 304 when `If-None-Match` names its current ETag."""
    task = await tasks.get_task(session=session, owner_id=owner_id, task_id=task_id)
    if tasks.none_match(if_none_match, task):
        return Response(
            status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tasks.etag(task)}
        )
    return _with_etag(response, task)


@router.put("/{task_id}", response_model=TaskPublic, responses=_errors(404, 412))
async def replace_task(
    session: SessionDep,
    owner_id: OwnerId,
    metrics: MetricsDep,
    task_id: uuid.UUID,
    data: TaskReplace,
    response: Response,
    if_match: IfMatchHeader = None,
) -> TaskPublic:
    """Replace a task's fields: omitted description becomes null, omitted completed false."""
    return await _apply(
        session=session,
        owner_id=owner_id,
        task_id=task_id,
        changes=data.model_dump(),
        if_match=if_match,
        response=response,
        metrics=metrics,
    )


@router.patch("/{task_id}", response_model=TaskPublic, responses=_errors(404, 412))
async def patch_task(
    session: SessionDep,
    owner_id: OwnerId,
    metrics: MetricsDep,
    task_id: uuid.UUID,
    data: TaskPatch,
    response: Response,
    if_match: IfMatchHeader = None,
) -> TaskPublic:
    """Change only the fields sent."""
    return await _apply(
        session=session,
        owner_id=owner_id,
        task_id=task_id,
        changes=data.model_dump(exclude_unset=True),
        if_match=if_match,
        response=response,
        metrics=metrics,
    )


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_errors(404, 412))
async def delete_task(
    session: SessionDep,
    owner_id: OwnerId,
    metrics: MetricsDep,
    task_id: uuid.UUID,
    if_match: IfMatchHeader = None,
) -> Response:
    """Delete a task."""
    await tasks.delete_task(session=session, owner_id=owner_id, task_id=task_id, if_match=if_match)
    metrics.tasks_deleted.inc()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
