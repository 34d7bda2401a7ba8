"""Keyset pages: what a list query is, and the opaque, signed cursor that says where the next
page starts (bound to the query and user it came from)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from backend.core.errors import InvalidCursor

SortKey = Literal["created_at", "-created_at", "updated_at", "-updated_at", "title", "-title"]


@dataclass(frozen=True, slots=True)
class ListQuery:
    owner_id: uuid.UUID
    sort: SortKey
    completed: bool | None
    q: str | None

    @property
    def key(self) -> str:
        return self.sort.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")

    def fingerprint(self) -> str:
        """What a cursor is bound to: a cursor from another query or user is refused."""
        return json.dumps([str(self.owner_id), self.sort, self.completed, self.q])


class CursorCodec:
    """Opaque, tamper-evident tokens: a JSON payload, HMAC-signed with what it is bound to (a
    list query and its user, or a change feed's user). A list cursor holds the last row's sort
    key and id; a change-feed token is `backend.tasks.feed`'s."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _mac(self, payload: bytes, binding: str) -> bytes:
        message = payload + b"\x00" + binding.encode()
        return hmac.new(self._key, message, hashlib.sha256).digest()[:16]

    def sign(self, content: Any, binding: str) -> str:
        payload = json.dumps(content, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(self._mac(payload, binding) + payload).rstrip(b"=").decode()

    def open(self, token: str, binding: str) -> Any:
        """The content `sign` was given for this binding, or InvalidCursor."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (ValueError, TypeError):
            raise InvalidCursor() from None
        mac, payload = raw[:16], raw[16:]
        if len(mac) != 16 or not hmac.compare_digest(mac, self._mac(payload, binding)):
            raise InvalidCursor()
        return json.loads(payload)

    def encode(self, query: ListQuery, value: Any, last_id: uuid.UUID) -> str:
        if isinstance(value, datetime):
            value = value.isoformat()
        return self.sign([value, str(last_id)], query.fingerprint())

    def decode(self, query: ListQuery, cursor: str) -> tuple[Any, uuid.UUID]:
        value, last_id = self.open(cursor, query.fingerprint())
        if query.key != "title":
            value = datetime.fromisoformat(value)
        return value, uuid.UUID(last_id)
