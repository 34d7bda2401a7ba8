"""The audit log's page: read-only, searchable by staff email or object id, each object id
linked to the object while it exists."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from sqladmin.filters import StaticValuesFilter
from sqlalchemy import Select, or_
from sqlmodel import col
from starlette.requests import Request

from backend.admin.views import (
    BackOfficeView,
    as_uuid,
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
    ]
    column_labels = {
        "created_at": "When",
        "staff_email": "Staff",
        "action": "Action",
        "object_type": "Object type",
        "object_id": "Object id",
    }
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
        object_id = as_uuid(obj.object_id)
        places = _OBJECT_PAGES.get(obj.object_type, ())
        async with self.session_maker() as session:
            for model, identity in places:
                if object_id is not None and await session.get(model, object_id) is not None:
                    url = request.url_for("admin:details", identity=identity, pk=str(object_id))
                    return value, Markup('<a href="{}">{}</a>').format(url, obj.object_id)
        return value, formatted


# Where an audited object's page is: its own view, then (for a deleted task) the trash.
_OBJECT_PAGES: dict[str, tuple[tuple[type, str], ...]] = {
    "user": ((User, "user"),),
    "task": ((Task, "task"), (TaskTrash, "task-trash")),
    "staff_user": ((StaffUser, "staff-user"),),
}
