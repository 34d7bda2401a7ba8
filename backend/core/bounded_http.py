"""uvicorn's httptools protocol with bounds on how a request arrives: its head's size (request
line and headers) and the time the whole request takes to arrive.

httptools sets no limit of its own: it gathers a header of any length in memory before uvicorn
sees it, so one request with a 60 MB header held the process for seconds and four of 100 MB
took 450 MB. Here the bytes of a head are counted as they arrive, before the parser gets them;
past MAX_HEAD_BYTES the request is answered 431 and its connection closed, having read no more
than one network read past the limit. A request within the limit costs an addition and a
comparison per read, so httptools' speed is kept (h11, uvicorn's other parser, has a limit but
parses several times slower).

uvicorn bounds only the wait between requests (`timeout_keep_alive`): a connection that sends
nothing, or a byte of its request now and then, was kept for ever, with its socket and what
it had sent (up to 16 KiB of head and 64 KiB of body), and enough of them would use up the
process's file descriptors. Here each request must arrive whole within ARRIVAL_TIMEOUT_S of
its first byte (the first, of the connection's opening); else it is answered 408 and its
connection closed (a connection that sent nothing is only closed).

`taskapi serve` runs uvicorn with this protocol.
"""

from __future__ import annotations

import asyncio
import json

import structlog
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# The contract: request headers over 16 KiB in all are refused.
MAX_HEAD_BYTES = 16 * 1024
# Ample for 80 KiB at mobile speeds; a client this slow is gone or hostile.
ARRIVAL_TIMEOUT_S = 30
_END_OF_HEAD = b"\r\n\r\n"


def _closing_answer(status: bytes, detail: str, code: str) -> bytes:
    """A whole HTTP/1.1 answer with the error envelope, which closes the connection."""
    body = json.dumps({"detail": detail, "code": code}, separators=(",", ":")).encode()
    return (
        b"HTTP/1.1 " + status + b"\r\n"
        b"content-type: application/json\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\n"
        b"connection: close\r\n\r\n" + body
    )


_TOO_LARGE = _closing_answer(
    b"431 Request Header Fields Too Large",
    "The request's headers are over 16 KiB.",
    "request_header_fields_too_large",
)
_TOO_SLOW = _closing_answer(
    b"408 Request Timeout",
    f"The request did not arrive whole within {ARRIVAL_TIMEOUT_S} s.",
    "request_timeout",
)

log = structlog.get_logger("backend.request")


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    # Bytes of the current request's head read so far; None while its body is read.
    _head_bytes: int | None = 0
    # The last bytes of the previous read, where a head's end may have begun.
    _tail = b""
    # Fires when the request being read has taken too long to arrive; None between requests.
    _arrival: asyncio.TimerHandle | None = None
    arrival_timeout_s: float = ARRIVAL_TIMEOUT_S

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._expect_request()

    def connection_lost(self, exc: Exception | None) -> None:
        self._request_arrived()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        if self._arrival is None:  # the first request's runs from the connection's opening
            self._expect_request()
        super().on_message_begin()

    def _expect_request(self) -> None:
        self._arrival = self.loop.call_later(self.arrival_timeout_s, self._too_slow)

    def _request_arrived(self) -> None:
        if self._arrival is not None:
            self._arrival.cancel()
            self._arrival = None

    def _too_slow(self) -> None:
        self._arrival = None
        if self._head_bytes == 0:
            # Opened and never used: closed without a word, as an idle keep-alive one is.
            self.transport.close()
            return
        log.warning("request_too_slow", limit_s=self.arrival_timeout_s)
        self._close_with(_TOO_SLOW)

    def data_received(self, data: bytes) -> None:
        read = self._head_bytes
        if read is not None:
            if read + len(data) > MAX_HEAD_BYTES and not self._head_ends_within(read, data):
                self._refuse()
                return
            self._head_bytes = read + len(data)
            self._tail = data[-3:]
        super().data_received(data)

    def _head_ends_within(self, read: int, data: bytes) -> bool:
        """Whether the head ends in `data` within the limit (the rest is a body or the next
        request, which the parser's own callbacks account for)."""
        end = (self._tail + data).find(_END_OF_HEAD)
        ends_at = read + end + len(_END_OF_HEAD) - len(self._tail)
        return end != -1 and ends_at <= MAX_HEAD_BYTES

    def on_headers_complete(self) -> None:
        self._head_bytes = None
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._head_bytes, self._tail = 0, b""
        self._request_arrived()
        super().on_message_complete()

    def _refuse(self) -> None:
        log.warning("request_headers_too_large", limit_bytes=MAX_HEAD_BYTES)
        self._close_with(_TOO_LARGE)
        self._head_bytes = None

    def _close_with(self, answer: bytes) -> None:
        """Answer the request being read with `answer`, where no response comes before it, and
        close the connection (as the contract allows where one does)."""
        cycle = self.cycle
        if self._head_bytes is not None:
            # A head is arriving: the current cycle, if any, is an earlier request's.
            free = cycle is None or cycle.response_complete
        else:
            # A body is arriving: the cycle is this request's, queued when pipelined.
            free = not self.pipeline and cycle is not None and not cycle.response_started
        if free:
            self.transport.write(answer)
        self.transport.close()
