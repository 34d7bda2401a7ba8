"""Traces, as an SRE's collector receives them: the platform, run as users run it, sends OTLP/HTTP
to a small receiver here, which decodes what arrives."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from tests.helpers import REPO_ROOT, User, cli_env, create_task, wait_until
from tests.servers import LiveServer

CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"


class Receiver:
    """An OTLP/HTTP trace receiver: every span posted to /v1/traces, decoded."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.paths: list[str] = []
        received = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                request = ExportTraceServiceRequest.FromString(body)
                received.paths.append(self.path)
                received.spans += [
                    span
                    for resource in request.resource_spans
                    for scope in resource.scope_spans
                    for span in scope.spans
                ]
                answer = ExportTraceServiceResponse().SerializeToString()
                self.send_response(200)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def of_trace(self, trace_id: str) -> list[Span]:
        return [span for span in list(self.spans) if span.trace_id.hex() == trace_id]

    def close(self) -> None:
        self._server.shutdown()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiving = Receiver()
    yield receiving
    receiving.close()


def _attributes(span: Span) -> dict[str, str]:
    return {item.key: item.value.string_value for item in span.attributes}


@pytest.mark.slow  # a server in a subprocess
def test_a_request_and_its_statements_are_spans_of_the_callers_trace(
    start_server: Callable[..., LiveServer], receiver: Receiver, alice: User
) -> None:
    server = start_server(
        LOG_FORMAT="json",
        OTEL_EXPORTER_OTLP_ENDPOINT=receiver.url,
        OTEL_BSP_SCHEDULE_DELAY="100",  # ms: sent soon, not every 5 s
    )
    traceparent = f"00-{CALLER_TRACE}-{CALLER_SPAN}-01"
    with httpx.Client(base_url=server.url) as http:
        create_task(http, alice, title="traced")
        listed = http.get(alice.tasks_url, headers={**alice.headers, "traceparent": traceparent})
        assert listed.status_code == 200
        assert http.get("/healthz").status_code == 200

    assert wait_until(lambda: len(receiver.of_trace(CALLER_TRACE)) >= 2, timeout_s=20)
    spans = receiver.of_trace(CALLER_TRACE)
    [request] = [span for span in spans if span.kind == Span.SPAN_KIND_SERVER]
    assert request.name == "GET /api/{user_id}/tasks"
    assert request.parent_span_id.hex() == CALLER_SPAN, "the caller's traceparent is the parent"
    statements = [span for span in spans if span.kind == Span.SPAN_KIND_CLIENT]
    assert statements, [span.name for span in spans]
    for statement in statements:
        assert statement.parent_span_id == request.span_id
        assert statement.name == _attributes(statement)["db.operation.name"] == "WITH"
        text = _attributes(statement)["db.query.text"]
        assert "FROM task" in text and "traced" not in text, "placeholders, never values"
    assert receiver.paths and set(receiver.paths) == {"/v1/traces"}

    # The create had no traceparent: a trace of its own, a root span, its statement under it.
    created = [s for s in receiver.spans if s.name == "POST /api/{user_id}/tasks"]
    assert len(created) == 1 and created[0].parent_span_id == b""
    assert not [span for span in receiver.spans if "healthz" in span.name], "probes untraced"

    # Every event the traced request logged carries its trace id.
    events = [json.loads(line) for line in server.log_lines()]
    [access] = [
        e for e in events if e.get("event") == "request" and e.get("trace_id") == CALLER_TRACE
    ]
    assert access["route"] == "/api/{user_id}/tasks"


def _last_line_printed(program: str, **env: str) -> str:
    """What `program` printed last, run in a fresh interpreter with the app's environment (no
    database is reached: building the app connects to nothing)."""
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=REPO_ROOT,
        env=cli_env(
            DATABASE_URL="postgresql://127.0.0.1:1/unused", PYTHONPATH=str(REPO_ROOT), **env
        ),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.slow  # a fresh interpreter
@pytest.mark.parametrize("endpoint", [None, ""], ids=["unset", "empty"])
def test_without_an_endpoint_opentelemetry_is_not_even_imported(endpoint: str | None) -> None:
    """Unset (or empty, as a compose file's `${VAR:-}` gives), tracing costs nothing: the SDK
    and the instrumentation are never imported, and no statement is wrapped in a span."""
    given = {} if endpoint is None else {"OTEL_EXPORTER_OTLP_ENDPOINT": endpoint}
    program = (
        "import sys\n"
        "from backend.app import create_app\n"
        "app = create_app()\n"
        "assert app.state.context.db.statement_span is None\n"
        "print(sorted(m for m in sys.modules if m.startswith(('opentelemetry.sdk', "
        "'opentelemetry.instrumentation', 'opentelemetry.exporter'))))\n"
    )
    assert _last_line_printed(program, **given) == "[]"


@pytest.mark.slow  # a fresh interpreter
def test_without_an_endpoint_no_span_is_made_even_under_a_configured_tracer() -> None:
    """FastAPI has OpenTelemetry of its own, which spans every request once a tracer provider
    is configured (an `opentelemetry-instrument` wrapper sets one): tracing is the platform's,
    on with its endpoint only, so FastAPI's stays off."""
    program = (
        "from opentelemetry import trace\n"
        "from opentelemetry.sdk.trace import TracerProvider\n"
        "from opentelemetry.sdk.trace.export import SimpleSpanProcessor\n"
        "from opentelemetry.sdk.trace.export.in_memory_span_exporter import "
        "InMemorySpanExporter\n"
        "from starlette.testclient import TestClient\n"
        "from backend.app import create_app\n"
        "spans = InMemorySpanExporter()\n"
        "provider = TracerProvider()\n"
        "provider.add_span_processor(SimpleSpanProcessor(spans))\n"
        "trace.set_tracer_provider(provider)\n"
        "with trace.get_tracer('check').start_as_current_span('the tracer works'):\n"
        "    pass\n"
        "assert TestClient(create_app()).get('/healthz').status_code == 200\n"
        "print([span.name for span in spans.get_finished_spans()])\n"
    )
    assert _last_line_printed(program) == "['the tracer works']"
