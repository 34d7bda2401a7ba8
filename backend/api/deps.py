"""What every task route needs, declared once as types: the session, the owner, the verifier."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Path, Request, Response
from fastapi.routing import APIRoute
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.context import AppContext
from backend.db import FIRST_STATEMENT_TIMEOUT_S, transaction
from backend.errors import AppError, DatabaseUnavailable, Forbidden, UserInactive
from backend.observability.metrics import BusinessMetrics
from backend.tasks import ensure_user_is_active


def _path_is_user(raw: object, user_id: uuid.UUID) -> bool:
    try:
        return uuid.UUID(str(raw)) == user_id
    except ValueError:
        return False


class OwnerRoute(APIRoute):
    """A route that belongs to the user named in its path.

    Before FastAPI reads the body or validates a parameter, the bearer token is verified, the
    path's user_id must be the token's `sub`, and the user must be active: so an unauthenticated
    request is a 401 whatever else is wrong with it. The rest of the request then runs in one
    transaction, committed before the response is sent and rolled back on any error.
    """

    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        handler = super().get_route_handler()

        async def owned_handler(request: Request) -> Response:
            context: AppContext = request.app.state.context
            try:
                principal = await context.verifier.verify(request.headers.get("authorization"))
                if not _path_is_user(request.path_params.get("user_id"), principal.user_id):
                    raise Forbidden("The path's user_id is not the token's subject.")
            except AppError as refused:
                _metrics_of(request).auth_failures.labels(reason=refused.code).inc()
                raise
            async with transaction(context.session_factory) as session:
                try:
                    # The first statement waits for a connection, and behind PgBouncer for a
                    # server, which it queues for up to two minutes when the database is down.
                    # Once it has run, the transaction holds its server connection.
                    async with asyncio.timeout(FIRST_STATEMENT_TIMEOUT_S):
                        active = await ensure_user_is_active(
                            session=session,
                            user_id=principal.user_id,
                            email=principal.email,
                            name=principal.name,
                        )
                except TimeoutError:
                    raise DatabaseUnavailable() from None
                if not active:
                    _metrics_of(request).auth_failures.labels(reason=UserInactive.code).inc()
                    raise UserInactive()
                request.state.session = session
                request.state.owner_id = principal.user_id
                return await handler(request)

        return owned_handler


async def _session(request: Request) -> AsyncSession:
    return request.state.session


async def _owner_id(request: Request, user_id: Annotated[uuid.UUID, Path()]) -> uuid.UUID:
    # `user_id` is declared so the OpenAPI document shows it; OwnerRoute already checked it.
    return request.state.owner_id


async def _context(request: Request) -> AppContext:
    return request.app.state.context


def _metrics_of(request: Request) -> BusinessMetrics:
    return request.app.state.metrics


# Dependencies are `async def` because FastAPI runs a plain `def` one in a worker thread.
async def _metrics(request: Request) -> BusinessMetrics:
    return _metrics_of(request)


SessionDep = Annotated[AsyncSession, Depends(_session)]
OwnerId = Annotated[uuid.UUID, Depends(_owner_id)]
ContextDep = Annotated[AppContext, Depends(_context)]
MetricsDep = Annotated[BusinessMetrics, Depends(_metrics)]
