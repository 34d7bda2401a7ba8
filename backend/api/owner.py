"""The owner check every task route goes through: `OwnerRoute` verifies the token and the
path's user before FastAPI reads the request, and hands the route its typed `Owner`."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import structlog
from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import ClientDisconnect

from backend.accounts.tokens import Principal
from backend.accounts.users import account_params, is_active_sql
from backend.api.context import AppContext
from backend.api.fair_use import OVERLOADED_RETRY_AFTER_S
from backend.core.errors import (
    AppError,
    BadRequest,
    DatabaseUnavailable,
    Forbidden,
    InvalidCursor,
    Overloaded,
    RateLimited,
    UserInactive,
)
from backend.core.statement_pool import StatementPool
from backend.observability.metrics import BusinessMetrics
from backend.observability.request_context import EXTRA_HEADERS
from backend.tasks.cursors import CursorCodec

_OWNER_STATE = "owner"


def _path_is_user(raw: object, user_id: uuid.UUID) -> bool:
    # Clients send the id as the token has it, so a string comparison settles nearly every
    # request; any other spelling of the same UUID (upper case, no hyphens) is parsed.
    if raw == str(user_id):
        return True
    try:
        return uuid.UUID(str(raw)) == user_id
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class Owner:
    """The verified user a request acts for, and what the route needs to act for them."""

    principal: Principal
    db: StatementPool
    cursors: CursorCodec
    metrics: BusinessMetrics

    @property
    def id(self) -> uuid.UUID:
        return self.principal.user_id


class OwnerRoute(APIRoute):
    """A route that belongs to the user named in its path.

    Before FastAPI reads the body or validates a parameter, the bearer token is verified and
    the path's user_id must be the token's `sub`: so an unauthenticated request is a 401
    whatever else is wrong with it. Fair use (backend.api.fair_use) is checked next, before
    any database work: the user's budget (429), then, once the body has arrived whole, the
    requests in progress (503). The route's one statement then creates the user on first
    sight and refuses a deactivated one (403) before it reads or changes anything.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        has_body = self.body_field is not None

        async def owned_handler(request: Request) -> Response:
            context: AppContext = request.app.state.context
            metrics: BusinessMetrics = request.app.state.metrics
            try:
                principal = await context.verifier.verify(request.headers.get("authorization"))
            except AppError as refused:
                metrics.auth_failures.labels(reason=refused.code).inc()
                raise
            user_id = str(principal.user_id)
            # Every event of the request, the access event included, names the user who asked
            # (refusals too), as the back office's do their staff member.
            structlog.contextvars.bind_contextvars(user_id=user_id)
            if context.rate_limiter is not None:
                # Charged before the path is checked: asking for others' tasks costs too.
                budget = context.rate_limiter.take(user_id)
                request.scope["state"][EXTRA_HEADERS] = budget.headers
                if not budget.allowed:
                    metrics.requests_limited.labels(reason="rate").inc()
                    raise RateLimited(budget.retry_after_s)
            if not _path_is_user(request.path_params.get("user_id"), principal.user_id):
                metrics.auth_failures.labels(reason=Forbidden.code).inc()
                raise Forbidden("The path's user_id is not the token's subject.")
            if has_body:
                # Read whole before the request counts as in progress (FastAPI then finds it
                # read): a client that sends its body slowly, or never, holds a connection but
                # none of the bound's places, or a few such clients would shut out everyone.
                try:
                    await request.body()
                except ClientDisconnect:
                    raise BadRequest("The request's body ended before its length.") from None
            if not context.in_progress.enter():
                metrics.requests_limited.labels(reason="overload").inc()
                raise Overloaded(OVERLOADED_RETRY_AFTER_S)
            try:
                return await self._handle(handler, request, principal, context, metrics)
            finally:
                context.in_progress.leave()

        return owned_handler

    @staticmethod
    async def _handle(
        handler: Callable[[Request], Coroutine[Any, Any, Response]],
        request: Request,
        principal: Principal,
        context: AppContext,
        metrics: BusinessMetrics,
    ) -> Response:
        request.scope["state"][_OWNER_STATE] = Owner(
            principal=principal, db=context.db, cursors=context.cursor_codec, metrics=metrics
        )
        try:
            return await handler(request)
        except UserInactive:
            metrics.auth_failures.labels(reason=UserInactive.code).inc()
            raise
        except DatabaseUnavailable:
            metrics.database_unavailable.inc()
            raise
        except (RequestValidationError, BadRequest, InvalidCursor):
            # Refused before the route's statement ran: a deactivated user still hears 403
            # first, as on every other request (and a new one is still created).
            rows = await context.db.fetch(is_active_sql(), account_params(principal))
            if not rows[0].active:
                metrics.auth_failures.labels(reason=UserInactive.code).inc()
                raise UserInactive() from None
            raise


def owner_of(request: Request) -> Owner:
    """The owner OwnerRoute verified for this request.

    Read from the request rather than declared as a dependency: FastAPI's resolution of even
    one sub-dependency cost the most frequent request a tenth of its time.
    """
    owner: Owner = request.scope["state"][_OWNER_STATE]
    return owner
