"""The ceiling's own handlers behind FastAPI's request path: what the framework alone costs.

Each route declares its parameters as a FastAPI app does (the path's ids typed, the list's
query parameters, a Pydantic model for a body), so FastAPI routes, validates and parses the
request exactly as it does the platform's; then the route calls `bench/ceiling.py`'s handler
for the same request, which answers as the ceiling does. No middleware, no access log, no
metrics. bench/run.py measures it beside the platform and the ceiling, in the same run:

- floor / ceiling is what FastAPI itself costs a request (the design fixes FastAPI);
- platform / floor is what the platform adds on top of it (auth, fair use, the request
  context, the access event, metrics, the contract's validation and answers).

    uvicorn --factory bench.framework_floor:create_app --loop uvloop --http httptools
    (with DATABASE_URL and JWT_SECRET)
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response, status
from pydantic import BaseModel
from starlette.routing import Route

from bench import ceiling

Handler = Callable[[Request], Awaitable[Response]]


class NewTask(BaseModel):
    title: str
    description: str | None = None
    completed: bool = False


class TaskChanges(BaseModel):
    completed: bool | None = None


def create_app() -> FastAPI:
    bare = ceiling.create_app()
    handlers: dict[tuple[str, str], Handler] = {
        (method, route.path): route.endpoint
        for route in bare.routes
        if isinstance(route, Route)
        for method in route.methods or ()
    }
    tasks, task = "/api/{user_id}/tasks", "/api/{user_id}/tasks/{task_id}"
    app = FastAPI(lifespan=bare.router.lifespan_context, openapi_url=None)

    # Each parameter is declared for FastAPI to validate; the ceiling's handler reads the same
    # request again (FastAPI keeps the body it read), as the ceiling itself would.
    @app.get(tasks)
    async def list_tasks(
        request: Request,
        user_id: uuid.UUID,
        limit: int = 20,
        cursor: str | None = None,
        completed: bool | None = None,
        q: str | None = None,
    ) -> Response:
        return await handlers["GET", tasks](request)

    @app.post(tasks, status_code=status.HTTP_201_CREATED)
    async def create_task(request: Request, user_id: uuid.UUID, data: NewTask) -> Response:
        return await handlers["POST", tasks](request)

    @app.get(task)
    async def get_task(request: Request, user_id: uuid.UUID, task_id: uuid.UUID) -> Response:
        return await handlers["GET", task](request)

    @app.patch(task)
    async def patch_task(
        request: Request, user_id: uuid.UUID, task_id: uuid.UUID, data: TaskChanges
    ) -> Response:
        return await handlers["PATCH", task](request)

    @app.delete(task, status_code=status.HTTP_204_NO_CONTENT)
    async def delete_task(request: Request, user_id: uuid.UUID, task_id: uuid.UUID) -> Response:
        return await handlers["DELETE", task](request)

    return app
