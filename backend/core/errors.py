"""The contract's error codes as exceptions, and the one handler that renders the error envelope."""

from __future__ import annotations

import re
from functools import lru_cache

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

log = structlog.get_logger(__name__)

RETRY_AFTER_S = "5"


class AppError(Exception):
    """An error the contract names: a status, a machine code and a message for humans."""

    status_code = 500
    code = "internal_error"
    detail = "Internal server error."
    headers: dict[str, str] | None = None
    # The contract gives every 422 an `errors` list; other statuses have none.
    errors: list[dict[str, object]] | None = None

    def __init__(self, detail: str | None = None) -> None:
        if detail is not None:
            self.detail = detail
        super().__init__(self.detail)

    def response(self, extra_headers: dict[str, str] | None = None) -> JSONResponse:
        """This error as the contract's envelope."""
        headers = {**(self.headers or {}), **(extra_headers or {})}
        return envelope(self.status_code, self.code, self.detail, headers or None, self.errors)


class BadRequest(AppError):
    status_code, code, detail = 400, "bad_request", "The request makes no sense."


class InvalidCursor(AppError):
    status_code, code = 400, "invalid_cursor"
    detail = "The cursor is invalid, was altered, or belongs to another query."


class _Unauthorized(AppError):
    status_code = 401
    headers = {"WWW-Authenticate": "Bearer"}


class NotAuthenticated(_Unauthorized):
    code, detail = "not_authenticated", "A Bearer token is required."


class TokenExpired(_Unauthorized):
    code, detail = "token_expired", "The token has expired."


class InvalidToken(_Unauthorized):
    code, detail = "invalid_token", "The token is invalid."


class Forbidden(AppError):
    status_code, code, detail = 403, "forbidden", "You may not access this resource."


class UserInactive(AppError):
    status_code, code, detail = 403, "user_inactive", "This account has been deactivated."


class NotFound(AppError):
    status_code, code, detail = 404, "not_found", "Not found."


# The contract's limit on a request body.
MAX_BODY_BYTES = 64 * 1024


class PayloadTooLarge(AppError):
    status_code, code = 413, "payload_too_large"
    detail = f"The request body is larger than {MAX_BODY_BYTES // 1024} KiB."


class PreconditionFailed(AppError):
    status_code, code = 412, "precondition_failed"
    detail = "The task has changed since the given ETag."


class IdempotencyKeyReused(AppError):
    status_code, code = 422, "idempotency_key_reused"
    detail = "This Idempotency-Key was already used with a different request body."
    errors = [{"loc": ["header", "Idempotency-Key"], "msg": detail}]


class InvalidFields(AppError):
    """A body that validates field by field but not against the stored row (a PATCH's)."""

    status_code, code, detail = 422, "validation_error", "The request is invalid."

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__()
        self.errors = [{"loc": ["body", field], "msg": msg} for field, msg in problems]


class SyncTokenExpired(AppError):
    status_code, code = 410, "sync_token_expired"
    detail = (
        "The sync token is older than the deletions kept (30 days): sync again without `since`."
    )


class DatabaseUnavailable(AppError):
    status_code, code = 503, "database_unavailable"
    detail = "The database is unavailable; retry shortly."
    headers = {"Retry-After": RETRY_AFTER_S}


class _WaitFirst(AppError):
    """An error answered with `Retry-After`: the seconds the client should wait first."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__()
        self.headers = {"Retry-After": str(retry_after_s)}


class RateLimited(_WaitFirst):
    status_code, code = 429, "rate_limited"
    detail = "Too many requests: this user's budget (API_RATE_LIMIT a minute) is used up."


class Overloaded(_WaitFirst):
    status_code, code = 503, "overloaded"
    detail = "The server is busy; retry shortly."


# Codes for statuses raised by the framework itself (routing, body limit) rather than by us.
_CODES_BY_STATUS = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    503: "service_unavailable",
}


class ErrorItem(BaseModel):
    loc: list[str | int]
    msg: str


class ErrorBody(BaseModel):
    """The contract's error envelope: what every error answer's body is, and what the OpenAPI
    document says it is."""

    detail: str
    code: str
    # Only a 422 has it.
    errors: list[ErrorItem] | None = None


def envelope(
    status_code: int,
    code: str,
    detail: str,
    headers: dict[str, str] | None = None,
    errors: list[dict[str, object]] | None = None,
) -> JSONResponse:
    body = ErrorBody.model_validate({"detail": detail, "code": code, "errors": errors})
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status_code, headers=headers
    )


async def _app_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return exc.response()


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = _CODES_BY_STATUS.get(status, "internal_error" if status >= 500 else "bad_request")
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail else "Error."
    headers = dict(exc.headers or {})
    if status == 405:
        headers["Allow"] = _allowed_methods(request) or headers.get("Allow", "")
    return envelope(status, code, detail, headers or None)


@lru_cache(maxsize=64)
def _path_regex(template: str) -> re.Pattern[str]:
    return compile_path(template)[0]


def _allowed_methods(request: Request) -> str | None:
    """Every method the path serves. Starlette names only those of the first route that
    matched the path, and GET and POST on one path are two routes."""
    for template, operations in request.app.openapi()["paths"].items():
        if _path_regex(template).match(request.url.path):
            return ", ".join(sorted(method.upper() for method in operations))
    return None


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # Only location and message: pydantic's `input` would echo the client's data (maybe a secret).
    errors: list[dict[str, object]] = [
        {"loc": list(err.get("loc", ())), "msg": str(err.get("msg", ""))} for err in exc.errors()
    ]
    return envelope(422, "validation_error", "The request is invalid.", errors=errors)


async def _database_error(_: Request, exc: Exception) -> JSONResponse:
    # Connection-level failures only; the exception text may carry SQL or a URL, so log its type.
    log.warning("database_unavailable", error_type=type(exc).__name__)
    return DatabaseUnavailable().response()


# SQLSTATEs that mean "no database right now": class 08 (connection exceptions, which is also
# how PgBouncer reports a server it cannot reach), the server shutting down or starting up, and
# a statement that gave up waiting (statement or lock timeout). Both pools answer them with 503.
UNAVAILABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "57014", "55P03")


async def _dbapi_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DBAPIError)
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    if exc.connection_invalidated or sqlstate.startswith(UNAVAILABLE_SQLSTATES):
        return await _database_error(request, exc)
    # A bug, not an outage: RequestContextMiddleware logs it and answers 500.
    raise exc


def install_error_handlers(app: FastAPI) -> None:
    """Every error the app expects leaves it as `{"detail", "code"}`; the unexpected ones are
    answered by observability's RequestContextMiddleware, which logs them once."""
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OperationalError, _database_error)
    app.add_exception_handler(PoolTimeoutError, _database_error)
    app.add_exception_handler(DBAPIError, _dbapi_error)
