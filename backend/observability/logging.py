"""Structured logs: one event per line, JSON outside development, with the request id bound.

Our events are rendered by structlog and written straight to stdout; standard-library loggers
(uvicorn, SQLAlchemy, Alembic) go through the same processors to the same stream, and a
processor replaces any field whose name says it holds a credential.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import sys
from collections.abc import MutableMapping
from datetime import UTC, datetime
from typing import Any

import structlog
import structlog.tracebacks

from backend.core.settings import Settings

_HANDLER_NAME = "taskapi"
_SECRET_FIELDS = ("authorization", "token", "password", "secret", "cookie")


@functools.cache
def _is_secret_field(key: str) -> bool:
    return any(marker in key.lower() for marker in _SECRET_FIELDS)


def _drop_secrets(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    for key in [key for key in event if _is_secret_field(key)]:
        event[key] = "[redacted]"
    return event


def _add_pid(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    # Tells `serve --workers N` workers apart (each is a fresh process, so this is its own).
    event["pid"] = _PID
    return event


_PID = os.getpid()


# Inside the server, lines are flushed at most this long after they are written rather than one
# write(2) each: under load that was a tenth of an access event's cost.
FLUSH_DELAY_S = 0.05
_flush_pending_on: asyncio.AbstractEventLoop | None = None


def _flush(stream: Any) -> None:
    global _flush_pending_on
    _flush_pending_on = None
    stream.flush()


def flush_logs() -> None:
    """Write out what is buffered now (at shutdown: the loop may not run the timed flush)."""
    sys.stdout.flush()


class _StdoutLogger:
    """Where structlog's own events go: one rendered line each, to the current stdout.

    Not through the standard library's logging, whose record, caller lookup and handler lock
    cost more than the rest of a fast request; its loggers still reach the same stream.
    """

    __slots__ = ("name",)

    def __init__(self, name: str | None = None) -> None:
        self.name = name  # read by structlog.stdlib.add_logger_name

    def msg(self, message: str) -> None:
        global _flush_pending_on
        stream = sys.stdout
        stream.write(message + "\n")
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # outside an event loop (the CLI): every line at once
            stream.flush()
            return
        # One timed flush per loop at a time; a loop that closed before its flush ran does not
        # hold up the next one's.
        if _flush_pending_on is not loop:
            _flush_pending_on = loop
            loop.call_later(FLUSH_DELAY_S, _flush, stream)

    debug = info = warning = warn = error = critical = exception = fatal = log = msg


class _Renderer:
    """The last processor, chosen by configure_logging. Loggers keep their processor chain once
    used (cache_logger_on_first_use), so the chain holds this one object and it changes."""

    def __init__(self) -> None:
        self.steps: tuple[Any, ...] = ()

    def __call__(self, logger: Any, name: str, event: MutableMapping[str, Any]) -> Any:
        for step in self.steps:
            event = step(logger, name, event)
        return event


_render = _Renderer()
_ACCESS_LOGGER = _StdoutLogger("backend.request")
_access_level = logging.INFO


def log_request(*, debug: bool = False, **fields: Any) -> None:
    """The one access event of a request, by the shortest path to the same line.

    The generic path (a bound logger running the processor chain) cost a tenth of a fast
    request. This one builds the same event (the request's context variables, level, logger,
    UTC timestamp, pid) and hands it to the same renderer and stream. Its field names are
    fixed and hold no credential, so there is nothing to redact. `debug`: at DEBUG, not INFO
    (a healthy probe's).
    """
    level = logging.DEBUG if debug else logging.INFO
    if level < _access_level:
        return
    event = structlog.contextvars.get_contextvars()
    event.setdefault("user_id", None)  # always there, so dashboards can count anonymous calls
    event.update(fields)
    event["event"] = "request"
    event["level"] = "debug" if debug else "info"
    event["logger"] = _ACCESS_LOGGER.name
    event["timestamp"] = datetime.now(UTC).isoformat()[:-6] + "Z"
    event["pid"] = _PID
    _ACCESS_LOGGER.msg(_render(_ACCESS_LOGGER, "info", event))


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
    steps: tuple[Any, ...]
    if settings.effective_log_format == "json":
        renderer = structlog.processors.JSONRenderer()
        # Tracebacks as data, without frame locals: a local may hold a token or a password.
        exceptions = structlog.processors.ExceptionRenderer(
            structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
        )
        steps = (exceptions, renderer)
    else:
        renderer = structlog.dev.ConsoleRenderer(exception_formatter=structlog.dev.plain_traceback)
        steps = (renderer,)
    global _access_level
    _render.steps = steps
    level = logging.getLevelNamesMapping()[settings.log_level]
    _access_level = level
    structlog.configure(
        processors=[*shared, _render],
        logger_factory=_StdoutLogger,
        wrapper_class=structlog.make_filtering_bound_logger(level),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *steps],
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
