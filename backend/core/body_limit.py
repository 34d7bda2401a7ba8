"""Refuse request bodies over a limit with the contract's 413, without reading them whole.

Starlette's own RequestBodyLimitMiddleware answers a declared oversize body in plain text,
replacing any response the app renders, so it cannot give the contract's error envelope. The
request middleware calls these two pieces: `too_large` for a declared length over the limit,
`limited` to stop a body that grows past it while it is read.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import Message, Receive, Scope, Send

from backend.core.errors import PayloadTooLarge


async def too_large(scope: Scope, receive: Receive, send: Send) -> None:
    """The 413 for a body declared too large; it is never read, and the connection closes."""
    await PayloadTooLarge().response({"Connection": "close"})(scope, receive, send)


def limited(receive: Receive, max_bytes: int) -> Receive:
    """`receive`, failing with 413 once the body read so far passes `max_bytes`."""
    received = 0

    async def limited_receive() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > max_bytes:
                # An HTTPException, because FastAPI turns any other error met while reading
                # the body into a 400; the app's handler renders it as the envelope.
                raise HTTPException(413, detail=PayloadTooLarge.detail)
        return message

    return limited_receive
