"""The audit log's page: read-only, searchable by staff email or object id, each object id
linked to the object while it exists."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup
from sqladmin.filters import StaticValuesFilter
from sqladmin.pagination import Pagination
from sqlalchemy import Select, or_
from sqlmodel import col
from starlette.requests import Request

from backend.admin.trash_history import trash_history
from backend.admin.views import (
    BackOfficeView,
    as_uuid,
    short_id,
)
from backend.core.text import literal_substring
from backend.models import AUDIT_ACTIONS, AUDIT_OBJECTS, AuditLog, StaffUser, Task, TaskTrash, User


class AuditLogAdmin(BackOfficeView, model=AuditLog):
    name, name_plural, icon = "Audit entry", "Audit log", "fa-solid fa-clock-rotate-left"
    # In the main menu: where support looks first for who changed what.

    column_list = [
        "created_at",
        "staff_email",
        "action",
        "object_type",
        "object_id",
        "after",
    ]
    column_labels = {
        "created_at": "When",
        "staff_email": "Staff",
        "action": "Action",
        "object_type": "Object type",
        "object_id": "Object id",
        "after": "Changed",
    }
    # The list says which fields changed; the entry's page shows them before and after.
    column_formatters = {"after": lambda entry, _: summary(entry)}
    details_template = "audit_entry.html"
    list_template = "audit_list.html"
    column_searchable_list = ["staff_email", "object_id"]
    column_sortable_list = ["created_at", "staff_email", "action"]
    column_default_sort = [("created_at", True)]
    column_filters = [
        StaticValuesFilter(
            "action",
            values=[(name, name) for name in AUDIT_ACTIONS],
        ),
        StaticValuesFilter("object_type", values=[(name, name) for name in AUDIT_OBJECTS]),
    ]
    # Nobody edits history: not through forms, not through deletes.
    can_create = False
    can_edit = False
    can_delete = False

    @staticmethod
    def changes(entry: AuditLog) -> list[tuple[str, str, str]]:
        return changes(entry)

    async def list(self, request: Request) -> Pagination:
        """The entries; when the search is a task's id, what the trash knows of that task's
        past above them (backend.admin.trash_history)."""
        some_id = as_uuid(request.query_params.get("search", ""))
        if some_id is not None:
            async with self.session_maker() as session:
                request.state.trash_history = await trash_history(session, some_id)
        page: Pagination = await super().list(request)
        return page

    def search_placeholder(self) -> str:
        return "Staff email, or any id: an object's, or a user's (their tasks too)"

    def search_query(self, stmt: Select[Any], term: str) -> Select[Any]:
        some_id = as_uuid(term)
        if some_id is not None:
            return stmt.where(
                or_(
                    col(AuditLog.object_id) == str(some_id),
                    col(AuditLog.subject_user_id) == some_id,
                    col(AuditLog.staff_id) == some_id,
                )
            )
        return stmt.where(
            or_(
                col(AuditLog.staff_email).ilike(literal_substring(term)),
                col(AuditLog.object_id) == term.strip(),
            )
        )

    async def get_list_value(
        self, obj: Any, prop: str, request: Request | None = None
    ) -> tuple[Any, Any]:
        """The object's id links to its page while the object exists (a deleted task's, to
        its page in the trash)."""
        value, formatted = await super().get_list_value(obj, prop, request)
        if prop != "object_id" or request is None:
            return value, formatted
        formatted = short_id(obj.object_id)
        object_id = as_uuid(obj.object_id)
        places = _OBJECT_PAGES.get(obj.object_type, ())
        async with self.session_maker() as session:
            for model, identity in places:
                if object_id is not None and await session.get(model, object_id) is not None:
                    url = request.url_for("admin:details", identity=identity, pk=str(object_id))
                    return value, Markup('<a href="{}">{}</a>').format(url, formatted)
        return value, formatted


def changes(entry: AuditLog) -> list[tuple[str, str, str]]:
    """The fields an entry records as changed: (name, before, after), values as text (JSON
    laid out on several lines where a value is structured; "" where there is none)."""
    before, after = entry.before or {}, entry.after or {}
    if not isinstance(before, dict) or not isinstance(after, dict):  # a redacted entry
        return [("(values)", _text(entry.before), _text(entry.after))]
    names = [name for name in after if name not in before or before[name] != after[name]]
    names += [name for name in before if name not in after]
    return [(name, _text(before.get(name)), _text(after.get(name))) for name in names]


# Move with every edit: the entry's page shows them, the list's summary leaves them out.
BOOKKEEPING = frozenset({"version", "updated_at"})


def summary(entry: AuditLog) -> str:
    """The changed fields, in a line."""
    return ", ".join(name for name, _, _ in changes(entry) if name not in BOOKKEEPING)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, indent=2, ensure_ascii=False)
    return str(value)


# Where an audited object's page is: its own view, then (for a deleted task) the trash.
_OBJECT_PAGES: dict[str, tuple[tuple[type, str], ...]] = {
    "user": ((User, "user"),),
    "task": ((Task, "task"), (TaskTrash, "task-trash")),
    "staff_user": ((StaffUser, "staff-user"),),
}
