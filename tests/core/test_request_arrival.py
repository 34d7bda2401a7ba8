"""The bound on the time a request takes to arrive (backend.core.bounded_http): a request that
has not arrived whole within the bound is answered 408 and its connection closed, so slow
clients cannot hold connections for ever.

uvicorn runs here in the test's process with the protocol `taskapi serve` uses, its bound
shortened to ARRIVAL_S so that the tests need not wait 30 s, and an app that echoes the body.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from uvicorn._types import ASGIReceiveCallable, ASGISendCallable, Scope

from backend.core.bounded_http import BoundedHttpToolsProtocol
from backend.core.embedded_db import free_port

ARRIVAL_S = 1.0


class QuickProtocol(BoundedHttpToolsProtocol):
    arrival_timeout_s = ARRIVAL_S


async def echo(scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
    body = b""
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        body += message.get("body", b"")  # type: ignore[operator]
        more = bool(message.get("more_body"))
    headers = [(b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@pytest.fixture(scope="module")
def address() -> Iterator[tuple[str, int]]:
    port = free_port()
    config = uvicorn.Config(
        echo, host="127.0.0.1", port=port, http=QuickProtocol, lifespan="off", log_config=None
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield ("127.0.0.1", port)
    server.should_exit = True
    thread.join(timeout=10)


def _answers(sock: socket.socket) -> bytes:
    """All the server sends until it closes the connection."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def _is_408(answer: bytes) -> bool:
    head, _, body = answer.partition(b"\r\n\r\n")
    return (
        head.startswith(b"HTTP/1.1 408 ")
        and b"connection: close" in head
        and json.loads(body)["code"] == "request_timeout"
    )


def test_a_head_sent_a_little_at_a_time_is_answered_408_and_closed(
    address: tuple[str, int],
) -> None:
    with socket.create_connection(address, timeout=30) as sock:
        started = time.monotonic()
        # Each piece well within the bound of the one before: only the whole is too slow.
        for piece in (b"GET / HTTP/1.1\r\n", b"Host: x\r\n", b"X-Slow: 1\r\n"):
            sock.sendall(piece)
            time.sleep(ARRIVAL_S / 3)
        answer = _answers(sock)
    assert _is_408(answer), answer
    assert time.monotonic() - started >= ARRIVAL_S


def test_a_body_held_back_is_answered_408_and_closed(address: tuple[str, int]) -> None:
    with socket.create_connection(address, timeout=30) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        answer = _answers(sock)
    assert _is_408(answer), answer


def test_a_connection_that_sends_nothing_is_closed_without_an_answer(
    address: tuple[str, int],
) -> None:
    with socket.create_connection(address, timeout=30) as sock:
        assert _answers(sock) == b""


def test_the_bound_is_each_requests_not_the_connections(address: tuple[str, int]) -> None:
    """Requests that each arrive whole at once are served on a connection that has lived far
    longer than the bound (uvicorn's keep-alive, 5 s, bounds the waits between them)."""
    with socket.create_connection(address, timeout=30) as sock:
        for n in range(4):
            body = f"request {n}".encode()
            sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n" + body)
            answer = b""
            while not answer.endswith(body):
                answer += sock.recv(65536)
            assert answer.startswith(b"HTTP/1.1 200 "), answer
            time.sleep(ARRIVAL_S / 2)
