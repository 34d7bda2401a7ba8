"""Traces: a span per API request, named by its route template, and a child span per SQL
statement it sends, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the
standard OTEL_* variables, read by OpenTelemetry's SDK, apply). An incoming W3C `traceparent`
makes the request's span a child of the caller's.

Unset, nothing is wrapped and neither OpenTelemetry's SDK nor its exporter is imported (FastAPI
imports OpenTelemetry's API itself, for its own telemetry, which the app factory turns off):
tracing costs nothing.

The request spans are opentelemetry-instrumentation-fastapi's. The statement spans are ours,
made where every API statement is sent (backend.core.statement_pool): the psycopg
instrumentation's releases lag the SDK's, and the two cannot be installed together.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

from backend.core.settings import Settings

# Operations endpoints: scraped and probed every few seconds, never worth a trace.
UNTRACED = "healthz,readyz,metrics"

_provider: Any = None


@dataclass(frozen=True)
class Tracing:
    """What the rest of the app needs of tracing, once it is on."""

    # The span of one SQL statement, as a context manager.
    statement_span: Callable[[str], AbstractContextManager[Any]]
    # The current request's trace id (32 hex digits), for its log events.
    trace_id: Callable[[], str | None]


def _provider_once(settings: Settings) -> Any:
    """The process's tracer provider: OpenTelemetry's is process-wide, and tests build many
    apps in one process."""
    global _provider
    if _provider is None:
        from opentelemetry import trace
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        _provider = TracerProvider(
            resource=Resource.create({"service.name": settings.otel_service_name})
        )
        # The exporter reads its endpoint (plus /v1/traces), headers and timeout from OTEL_*.
        _provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
        trace.set_tracer_provider(_provider)
    return _provider


def install_tracing(app: FastAPI, settings: Settings) -> Tracing | None:
    """Trace the app's requests when an OTLP endpoint is configured; None otherwise (an empty
    value, as `${OTEL_EXPORTER_OTLP_ENDPOINT:-}` in a compose file gives, is unset)."""
    if not settings.otel_exporter_otlp_endpoint:
        return None
    from opentelemetry import trace
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
    from opentelemetry.trace import SpanKind

    provider = _provider_once(settings)
    FastAPIInstrumentor.instrument_app(
        app, tracer_provider=provider, excluded_urls=UNTRACED, exclude_spans=["receive", "send"]
    )
    tracer = provider.get_tracer("taskapi")

    def statement_span(sql: str) -> AbstractContextManager[Any]:
        # The statement's text has placeholders, never values: nothing a user sent is in it.
        # Named by its first keyword (semantic conventions: the operation, when no one table is
        # the target; a task statement starts WITH its user check).
        operation = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else "SQL"
        return tracer.start_as_current_span(  # type: ignore[no-any-return]
            operation,
            kind=SpanKind.CLIENT,
            attributes={
                "db.system.name": "postgresql",
                "db.operation.name": operation,
                "db.query.text": sql,
            },
        )

    def trace_id() -> str | None:
        context = trace.get_current_span().get_span_context()
        return format(context.trace_id, "032x") if context.is_valid else None

    return Tracing(statement_span=statement_span, trace_id=trace_id)


def flush_traces() -> None:
    """Send what is buffered now (at shutdown)."""
    if _provider is not None:
        _provider.force_flush()
