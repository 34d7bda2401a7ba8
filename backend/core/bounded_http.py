"""uvicorn's httptools protocol with a bound on a request's head (request line and headers).

httptools sets no limit of its own: it gathers a header of any length in memory before uvicorn
sees it, so one request with a 60 MB header held the process for seconds and four of 100 MB
took 450 MB. Here the bytes of a head are counted as they arrive, before the parser gets them;
past MAX_HEAD_BYTES the request is answered 431 and its connection closed, having read no more
than one network read past the limit. A request within the limit costs an addition and a
comparison per read, so httptools' speed is kept (h11, uvicorn's other parser, has a limit but
parses several times slower). `taskapi serve` runs uvicorn with it.
"""

from __future__ import annotations

import json

import structlog
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# The contract: request headers over 16 KiB in all are refused.
MAX_HEAD_BYTES = 16 * 1024
_END_OF_HEAD = b"\r\n\r\n"
_BODY = json.dumps(
    {"detail": "The request's headers are over 16 KiB.", "code": "request_header_fields_too_large"},
    separators=(",", ":"),
).encode()
_REFUSAL = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: application/json\r\n"
    b"content-length: " + str(len(_BODY)).encode() + b"\r\n"
    b"connection: close\r\n\r\n" + _BODY
)

log = structlog.get_logger("backend.request")


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    # Bytes of the current request's head read so far; None while its body is read.
    _head_bytes: int | None = 0
    # The last bytes of the previous read, where a head's end may have begun.
    _tail = b""

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
        super().on_message_complete()

    def _refuse(self) -> None:
        log.warning("request_headers_too_large", limit_bytes=MAX_HEAD_BYTES)
        # A response still being written for an earlier pipelined request cannot be followed
        # by this one's: then the connection is only closed, as the contract allows.
        if self.cycle is None or self.cycle.response_complete:
            self.transport.write(_REFUSAL)
        self.transport.close()
        self._head_bytes = None
