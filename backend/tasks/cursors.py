"""Keyset pages: what a list query is, and the opaque, signed cursor that says where the next
page starts (bound to the query and user it came from)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from backend.core.errors import InvalidCursor
from backend.core.schedule import label_key

SortKey = Literal[
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "title",
    "-title",
    "due",
    "-due",
    "priority",
    "-priority",
]
# Where the due sort puts a task without a due date, or a date without a time: after every
# date, and after that date's times ('infinity' and '24:00' are PostgreSQL's).
NO_DUE_DATE, NO_DUE_TIME = "infinity", "24:00"


@dataclass(frozen=True, slots=True)
class ListShape:
    """Which parts a list statement has: each shape is compiled once (the values are its
    parameters)."""

    sort: SortKey
    completed: bool = False
    q: bool = False
    after: bool = False
    # True: only tasks with a due date; False: only those without.
    has_due: bool | None = None
    due_from: bool = False
    due_to: bool = False
    priority: bool = False
    labels: bool = False


@dataclass(frozen=True, slots=True)
class ListQuery:
    owner_id: uuid.UUID
    sort: SortKey
    completed: bool | None = None
    q: str | None = None
    has_due: bool | None = None
    due_from: date | None = None
    due_to: date | None = None
    # Any of these priorities; every one of these labels (letter case aside).
    priorities: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.sort.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")

    def shape(self, *, after: bool) -> ListShape:
        return ListShape(
            sort=self.sort,
            completed=self.completed is not None,
            q=bool(self.q),
            after=after,
            has_due=self.has_due,
            due_from=self.due_from is not None,
            due_to=self.due_to is not None,
            priority=bool(self.priorities),
            labels=bool(self.labels),
        )

    def fingerprint(self) -> str:
        """What a cursor is bound to: a cursor from another query or user is refused."""
        bound: list[object] = [str(self.owner_id), self.sort, self.completed, self.q]
        schedule = [
            self.has_due,
            None if self.due_from is None else self.due_from.isoformat(),
            None if self.due_to is None else self.due_to.isoformat(),
            sorted(set(self.priorities)),
            sorted({label_key(label) for label in self.labels}),
        ]
        # Without schedule filters, as before they existed: cursors handed out then still hold.
        if schedule != [None, None, None, [], []]:
            bound.append(schedule)
        return json.dumps(bound)


def sort_value(query: ListQuery, row: Any) -> Any:
    """A row's place in the query's order (but for the id), as a cursor holds it: JSON."""
    if query.key == "due":
        return [
            NO_DUE_DATE if row.due_date is None else row.due_date.isoformat(),
            NO_DUE_TIME if row.due_time is None else row.due_time.strftime("%H:%M"),
        ]
    value = getattr(row, query.key)
    return value.isoformat() if isinstance(value, datetime) else value


def _sort_value_from(query: ListQuery, value: Any) -> Any:
    """The statement's parameters for a cursor's sort value; InvalidCursor if it is not one."""
    key = query.key
    if key in ("created_at", "updated_at") and isinstance(value, str):
        return datetime.fromisoformat(value)
    if key == "title" and isinstance(value, str):
        return value
    if key == "priority" and type(value) is int:
        return value
    if key == "due" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise InvalidCursor()


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

    def encode(self, query: ListQuery, last: Any) -> str:
        """The cursor of the page after `last`, the previous page's last row."""
        return self.sign([sort_value(query, last), str(last.id)], query.fingerprint())

    def decode(self, query: ListQuery, cursor: str) -> tuple[Any, uuid.UUID]:
        value, last_id = self.open(cursor, query.fingerprint())
        return _sort_value_from(query, value), uuid.UUID(last_id)
