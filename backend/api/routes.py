"""The task routes of the contract; each reads like its row in the contract's table.

Routes answer with the JSON the services built from the statement's row (exactly what
TaskPublic would give), so no model is built and then validated again for the response;
`response_model` only documents it.
"""

from __future__ import annotations

import uuid
from typing import Annotated, get_args

from fastapi import APIRouter, Header, Query, Request, Response, status
from starlette.convertors import Convertor, register_url_convertor

from backend.api.conditional import IfMatchHeader, none_match, versions_matching
from backend.api.docs import documented, error_responses
from backend.api.owner import Owner, OwnerRoute, owner_of
from backend.core.schedule import LABELS_MAX, DueDate, LabelText, Priority
from backend.core.text import SearchText
from backend.tasks import feed, idempotency, service
from backend.tasks.cursors import ListQuery, SortKey
from backend.tasks.rows import TaskBody
from backend.tasks.schemas import (
    Changes,
    TaskCreate,
    TaskList,
    TaskPatch,
    TaskPublic,
    TaskReplace,
)

JSON = "application/json"


class _TaskIdConvertor(Convertor[str]):
    """A task id in a path: any segment but `changes`, the feed's. A write to the feed is then
    405 (Allow: GET), not a task route's 422 for a malformed id; any other malformed id still
    reaches validation."""

    regex = "(?!changes$)[^/]+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("task_id", _TaskIdConvertor())
TASK = "/{task_id:task_id}"
SORT_NAMES = [
    key.lstrip("-").upper() + ("_DESC" * key.startswith("-")) for key in get_args(SortKey)
]


router = APIRouter(
    prefix="/api/{user_id}/tasks",
    tags=["tasks"],
    route_class=OwnerRoute,
    # 400: a malformed If-Match, or a body FastAPI cannot parse at all.
    responses=error_responses(400, 401, 403, 413, 422, 429, 500, 503),
    # Operation ids are the functions' names (list_tasks, create_task, ...), which generated
    # clients name their functions after; FastAPI's default adds the path and the method.
    generate_unique_id_function=lambda route: route.name,
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


def _task_response(task: TaskBody, status_code: int = 200, location: str | None = None) -> Response:
    headers = {"ETag": task.etag}
    if location is not None:
        headers["Location"] = location
    return Response(task.body, status_code=status_code, media_type=JSON, headers=headers)


def _task_location(owner: Owner, task_id: str) -> str:
    return f"{router.prefix.format(user_id=owner.id)}/{task_id}"


@router.get("", response_model=TaskList, openapi_extra=documented())
async def list_tasks(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(max_length=2048)] = None,
    completed: bool | None = None,
    q: Annotated[
        SearchText | None,
        Query(description="Case-insensitive literal substring (any text but NUL)."),
    ] = None,
    has_due: Annotated[bool | None, Query(description="Whether the task has a due date.")] = None,
    due_from: Annotated[
        DueDate | None, Query(description="Due on or after this date (YYYY-MM-DD).")
    ] = None,
    due_to: Annotated[
        DueDate | None, Query(description="Due on or before this date (YYYY-MM-DD).")
    ] = None,
    priority: Annotated[
        list[Priority] | None,
        Query(max_length=len(Priority), description="Any of these priorities: repeat it."),
    ] = None,
    label: Annotated[
        list[LabelText] | None,
        Query(
            max_length=LABELS_MAX,
            description="Carries every one of these labels (letter case aside): repeat it.",
        ),
    ] = None,
    sort: Annotated[
        SortKey,
        Query(
            description="Prefix `-` for descending. `due`: by date, then time (a date without"
            " a time after that date's times); tasks without a due date last both ways.",
            # Generated clients name the members CREATED_AT_DESC, ... rather than VALUE_1, ...
            json_schema_extra={"x-enum-varnames": SORT_NAMES},
        ),
    ] = "-created_at",
) -> Response:
    """List the user's tasks, one keyset page at a time."""
    owner = owner_of(request)
    query = ListQuery(
        owner_id=owner.id,
        sort=sort,
        completed=completed,
        q=q or None,
        has_due=has_due,
        due_from=due_from,
        due_to=due_to,
        priorities=tuple(priority or ()),
        labels=tuple(label or ()),
    )
    body = await service.list_tasks(
        db=owner.db,
        principal=owner.principal,
        query=query,
        limit=limit,
        cursor=cursor,
        codec=owner.cursors,
    )
    return Response(body, media_type=JSON)


@router.get(
    "/changes",
    response_model=Changes,
    responses=error_responses(410),
    openapi_extra=documented(),
)
async def list_changes(
    request: Request,
    since: Annotated[
        str | None,
        Query(
            max_length=2048,
            description="The `next` of the previous answer; without it, every task from nothing.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    """What changed in the user's tasks since a token: upserts and deletes, none ever skipped."""
    owner = owner_of(request)
    body = await feed.read_changes(
        db=owner.db, principal=owner.principal, since=since, limit=limit, codec=owner.cursors
    )
    return Response(body, media_type=JSON)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=TaskPublic,
    responses={201: {"headers": {"Location": {"schema": {"type": "string"}}}}},
    openapi_extra=documented(),
)
async def create_task(
    request: Request,
    data: TaskCreate,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Create a task; retrying with the same Idempotency-Key never creates a second one."""
    owner = owner_of(request)
    if idempotency_key is None:
        task = await service.create_task(db=owner.db, principal=owner.principal, data=data)
    else:
        task, replayed = await idempotency.create_task_once(
            db=owner.db, principal=owner.principal, key=idempotency_key, data=data
        )
    if idempotency_key is None or not replayed:
        owner.metrics.tasks_created.inc()
    return _task_response(task, status.HTTP_201_CREATED, _task_location(owner, task.id))


@router.get(
    TASK,
    response_model=TaskPublic,
    responses={304: {"description": "Not modified"}, **error_responses(404)},
    # If-None-Match is read from the request rather than declared as a parameter: on the most
    # frequent request of all, FastAPI's per-parameter work is a cost worth saving.
    openapi_extra=documented(
        {
            "name": "if-none-match",
            "in": "header",
            "required": False,
            "description": "Answer 304 when the task still has one of these ETags.",
            "schema": {"type": "string"},
        }
    ),
)
async def get_task(request: Request, task_id: uuid.UUID) -> Response:
    """Read one task; answers 304 when `If-None-Match` names its current ETag."""
    owner = owner_of(request)
    if_none_match = request.headers.get("if-none-match")
    task = await service.get_task(db=owner.db, principal=owner.principal, task_id=task_id)
    if none_match(if_none_match, task.etag):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": task.etag})
    return _task_response(task)


async def _apply(
    owner: Owner, task_id: uuid.UUID, changes: dict[str, object], if_match: str | None
) -> Response:
    """PUT and PATCH differ only in which fields they change."""
    update = await service.update_task(
        db=owner.db,
        principal=owner.principal,
        task_id=task_id,
        changes=changes,
        versions=versions_matching(if_match),
    )
    if update.completed_now:
        owner.metrics.tasks_completed.inc()
    return _task_response(update.task)


@router.put(
    TASK,
    response_model=TaskPublic,
    responses=error_responses(404, 412),
    openapi_extra=documented(),
)
async def replace_task(
    request: Request,
    task_id: uuid.UUID,
    data: TaskReplace,
    if_match: IfMatchHeader = None,
) -> Response:
    """Replace a task's fields: omitted description becomes null, omitted completed false."""
    owner = owner_of(request)
    return await _apply(owner, task_id, data.model_dump(), if_match)


@router.patch(
    TASK,
    response_model=TaskPublic,
    responses=error_responses(404, 412),
    openapi_extra=documented(),
)
async def patch_task(
    request: Request,
    task_id: uuid.UUID,
    data: TaskPatch,
    if_match: IfMatchHeader = None,
) -> Response:
    """Change only the fields sent."""
    owner = owner_of(request)
    return await _apply(owner, task_id, data.model_dump(exclude_unset=True), if_match)


@router.delete(
    TASK,
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(404, 412),
    openapi_extra=documented(),
)
async def delete_task(
    request: Request,
    task_id: uuid.UUID,
    if_match: IfMatchHeader = None,
) -> Response:
    """Delete a task (support can restore it from the trash for 30 days)."""
    owner = owner_of(request)
    await service.delete_task(
        db=owner.db,
        principal=owner.principal,
        task_id=task_id,
        versions=versions_matching(if_match),
    )
    owner.metrics.tasks_deleted.inc()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
