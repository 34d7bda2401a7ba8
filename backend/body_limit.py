"""Refuse request bodies over a limit with the contract's 413, without reading them whole.

Starlette's own RequestBodyLimitMiddleware answers a declared oversize body in plain text,
replacing any response the app renders, so it cannot give the contract's error envelope.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.errors import PayloadTooLarge


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            # The body is never read; close the connection rather than drain it.
            response = PayloadTooLarge().response({"Connection": "close"})
            await response(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # An HTTPException, because FastAPI turns any other error met while reading
                    # the body into a 400; the app's handler renders it as the envelope.
                    raise HTTPException(413, detail=PayloadTooLarge.detail)
            return message

        await self.app(scope, limited_receive, send)
