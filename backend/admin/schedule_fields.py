"""A task's schedule in the back office: its form fields (priority as a choice, the zone from the
IANA list, labels as a list), held to the API's rules (`backend.core.schedule`), and the task
list's priority and label filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqladmin.filters import StaticValuesFilter
from sqlalchemy import Select, func, literal
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import Text
from starlette.requests import Request
from wtforms import ValidationError
from wtforms.validators import Optional

from backend.core.schedule import (
    FIRST_DUE_DATE,
    LABEL_MAX,
    LAST_DUE_DATE,
    NEEDS,
    Priority,
    clean_labels,
    time_zones,
)
from backend.models import Task, table

PRIORITY_NAMES = {
    priority.value: f"{priority.value} · {priority.name.title()}" for priority in Priority
}
_TASKS = table(Task)


def _needs(field_name: str) -> Callable[[Any, Any], None]:
    """A field that, when set, needs another (a time needs a date, a zone needs a time)."""
    needed, problem = NEEDS[field_name]

    def check(form: Any, field: Any) -> None:
        if field.data is not None and form[needed].data is None:
            raise ValidationError(problem[0].upper() + problem[1:] + ".")

    return check


def _labels(value: Any) -> Any:
    # A filter, so the list is stored as the API stores it; its ValueError fails the form.
    return clean_labels(list(value or []))


def _due_date_in_range(form: Any, field: Any) -> None:
    if field.data is not None and not FIRST_DUE_DATE <= field.data <= LAST_DUE_DATE:
        raise ValidationError(f"A due date is from {FIRST_DUE_DATE} to {LAST_DUE_DATE}.")


SCHEDULE_FORM_ARGS: dict[str, dict[str, Any]] = {
    "due_date": {"validators": [Optional(), _due_date_in_range]},
    "priority": {"choices": list(PRIORITY_NAMES.items()), "coerce": int},
    "due_time": {"format": "%H:%M", "validators": [Optional(), _needs("due_time")]},
    "time_zone": {
        "choices": [("", "No time zone"), *((zone, zone) for zone in sorted(time_zones()))],
        "filters": [lambda value: value or None],
        "validators": [_needs("time_zone")],
    },
    "labels": {"filters": [_labels], "description": f"Up to 20, each 1 to {LABEL_MAX} characters."},
}


class PriorityFilter(StaticValuesFilter):
    """Tasks of one priority."""

    def __init__(self) -> None:
        values = [(str(value), name) for value, name in PRIORITY_NAMES.items()]
        super().__init__("priority", values, title="Priority", parameter_name="priority")

    async def get_filtered_query(self, query: Select[Any], value: Any, model: Any) -> Select[Any]:
        # Anything but a priority (a hand-edited URL) filters nothing rather than failing.
        if value not in {str(priority) for priority in PRIORITY_NAMES}:
            return query
        return query.filter(_TASKS.c.priority == int(value))


class LabelFilter:
    """Tasks carrying a label, letter case aside (as the API's `label`)."""

    has_operator = True
    template = "sqladmin/filters/operation_filter.html"
    title, parameter_name = "Label", "label"

    def get_operation_options_for_model(self, model: Any) -> list[tuple[str, str]]:
        return [("has", "Has label")]

    async def lookups(
        self, request: Request, model: Any, run_query: Callable[[Select[Any]], Any]
    ) -> list[tuple[str, str]]:
        return []

    async def get_filtered_query(
        self, query: Select[Any], operation: str, value: Any, model: Any
    ) -> Select[Any]:
        label = str(value or "").strip()
        if operation != "has" or not label:
            return query
        keys = ARRAY(Text)
        wanted = func.task_label_keys(_TASKS.c.owner_id, literal([label], keys), type_=keys)
        carried = func.task_label_keys(_TASKS.c.owner_id, _TASKS.c.labels, type_=keys)
        return query.filter(carried.contains(wanted))
