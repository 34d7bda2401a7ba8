"""What a task's schedule may hold (due date, time and zone, priority, labels), the rules that
tie them together, and `due_at`, the instant they name. The API's schemas and the back
office's forms both use them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from enum import IntEnum
from functools import cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, available_timezones

from pydantic import (
    AfterValidator,
    BeforeValidator,
    GetJsonSchemaHandler,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from backend.core.text import storable_text

LABEL_MAX = 50
LABELS_MAX = 20
TIME_ZONE_MAX = 64
# A day inside Python's calendar at each end: a zone's offset (at most a day) then never takes
# a due time's instant, `due_at`, past year 1 or 9999.
FIRST_DUE_DATE, LAST_DUE_DATE = date(1, 1, 2), date(9999, 12, 30)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class Priority(IntEnum):
    """1 (the default) to 4 (most urgent)."""

    NORMAL = 1
    MEDIUM = 2
    HIGH = 3
    URGENT = 4

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # Generated clients name the enum's members after these rather than VALUE_1...
        document = handler(schema)
        document["x-enum-varnames"] = [member.name for member in cls]
        return document


def _strict_priority(value: Any) -> Any:
    # An integer only: pydantic's enum would also take "2", 2.0 and true.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be an integer from 1 to 4")
    return value


def _calendar_date(value: Any) -> Any:
    # Only the contract's YYYY-MM-DD: pydantic's date would also take a Unix time or a datetime.
    if isinstance(value, date) and not isinstance(value, datetime):
        parsed = value
    elif not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError("must be a date as YYYY-MM-DD")
    else:
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise ValueError("must be a date that exists") from None
    if not FIRST_DUE_DATE <= parsed <= LAST_DUE_DATE:
        raise ValueError(f"must be from {FIRST_DUE_DATE} to {LAST_DUE_DATE}")
    return parsed


def _clock_time(value: Any) -> Any:
    if isinstance(value, time) and value.tzinfo is None and not (value.second or value.microsecond):
        return value
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise ValueError("must be a time of day as HH:MM (00:00 to 23:59)")
    return time.fromisoformat(value)


@cache
def time_zones() -> frozenset[str]:
    """The IANA zone names this platform knows (the tzdata package's, on every platform)."""
    return frozenset(available_timezones())


def _zone_name(value: Any) -> Any:
    if not isinstance(value, str) or value not in time_zones():
        raise ValueError("must be a time zone name from the IANA database, such as Europe/Berlin")
    return value


def clean_labels(value: Any) -> Any:
    """Trimmed; one label per spelling regardless of letter case (the first kept); in order.
    ValueError, saying why, for anything else."""
    if not isinstance(value, list):
        raise ValueError("must be a list of labels")
    kept: dict[str, str] = {}
    for label in value:
        if not isinstance(label, str):
            raise ValueError("each label must be text")
        label = storable_text(label).strip()
        if not 1 <= len(label) <= LABEL_MAX:
            raise ValueError(f"each label must be 1 to {LABEL_MAX} characters once trimmed")
        kept.setdefault(label_key(label), label)
        if len(kept) > LABELS_MAX:
            raise ValueError(f"at most {LABELS_MAX} labels")
    return list(kept.values())


def label_key(label: str) -> str:
    """What two labels must share to be one label: their spelling, letter case aside (as
    PostgreSQL's lower() compares them in the label filter)."""
    return label.lower()


def time_text(value: time) -> str:
    return value.strftime("%H:%M")


DueDate = Annotated[
    date,
    BeforeValidator(_calendar_date),
    WithJsonSchema({"type": "string", "format": "date", "example": "2026-03-29"}),
]
DueTime = Annotated[
    time,
    BeforeValidator(_clock_time),
    PlainSerializer(time_text, return_type=str, when_used="json"),
    WithJsonSchema(
        {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "09:30"}
    ),
]
TimeZoneName = Annotated[
    str,
    BeforeValidator(_zone_name),
    WithJsonSchema(
        {
            "type": "string",
            # Not a standard format, so tools take it as text; fuzzers can be taught it (as
            # tests/api/test_schemathesis.py does) to draw real names.
            "format": "iana-time-zone",
            "maxLength": TIME_ZONE_MAX,
            "description": "A name from the IANA time zone database.",
            "example": "Europe/Berlin",
        }
    ),
]
# One label as the list filter names it.
# Not blank once trimmed, and no NUL (as a title).
_LABEL_PATTERN = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$"
LabelText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=LABEL_MAX),
    AfterValidator(storable_text),
]
StrictPriority = Annotated[Priority, BeforeValidator(_strict_priority)]
Labels = Annotated[
    list[str],
    BeforeValidator(clean_labels),
    WithJsonSchema(
        {
            "type": "array",
            "items": {
                "type": "string",
                "minLength": 1,
                "maxLength": LABEL_MAX,
                "pattern": _LABEL_PATTERN,
            },
            "maxItems": LABELS_MAX,
            "description": "Trimmed; labels differing only in letter case are one label.",
        }
    ),
]


# The due fields' rules: each field, when set, needs another (as the task table's checks say).
NEEDS = {
    "due_time": ("due_date", "a due time needs a due date"),
    "time_zone": ("due_time", "a time zone needs a due time"),
}


def due_at(due_date: date | None, due_time: time | None, time_zone: str | None) -> datetime | None:
    """The UTC instant of a due date and time in its zone, or None unless all three are set.

    A local time the zone skips (the spring-forward gap) or has twice (the autumn fold) is
    read as Python does with fold=0: with the offset in force before the change. So Berlin's
    02:30 on 2026-03-29 (which never happens) is 01:30 UTC, and its first 02:30 on 2026-10-25
    (summer time, UTC+2) is 00:30 UTC.
    """
    if due_date is None or due_time is None or time_zone is None:
        return None
    local = datetime.combine(due_date, due_time, tzinfo=ZoneInfo(time_zone))
    return local.astimezone(UTC)
