"""Structured logs: one event per line, JSON outside development, with the request id bound.

Standard-library loggers (uvicorn, SQLAlchemy, Alembic) go through the same processors, and a
last processor drops any field whose name says it holds a credential.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

import structlog
import structlog.tracebacks

from backend.settings import Settings

_HANDLER_NAME = "taskapi"
_SECRET_FIELDS = ("authorization", "token", "password", "secret", "cookie")


def _drop_secrets(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    for key in list(event):
        if any(marker in key.lower() for marker in _SECRET_FIELDS):
            event[key] = "[redacted]"
    return event


def _add_pid(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    # Tells `serve --workers N` workers apart.
    event["pid"] = os.getpid()
    return event


def configure_logging(settings: Settings) -> None:
    """Configure structlog and the standard library once for this process."""
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _add_pid,
        _drop_secrets,
    ]
    renderer: Any
    if settings.effective_log_format == "json":
        renderer = structlog.processors.JSONRenderer()
        # Tracebacks as data, without frame locals: a local may hold a token or a password.
        shared.append(
            structlog.processors.ExceptionRenderer(
                structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
            )
        )
    else:
        renderer = structlog.dev.ConsoleRenderer(exception_formatter=structlog.dev.plain_traceback)
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        )
    )
    handler.set_name(_HANDLER_NAME)
    root = logging.getLogger()
    # Replace only our own handler, so building a second app (tests do) does not stack them.
    root.handlers[:] = [h for h in root.handlers if h.get_name() != _HANDLER_NAME] + [handler]
    root.setLevel(settings.log_level)
    for name in ("uvicorn", "uvicorn.error", "sqlalchemy", "alembic"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # RequestContextMiddleware logs each request once, by route template; uvicorn's access
    # line would repeat it with the raw path and query string.
    access = logging.getLogger("uvicorn.access")
    access.handlers[:] = []
    access.propagate = False
