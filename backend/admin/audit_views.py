"""The audit log's page: read-only, searchable by staff email or object id, each object id
linked to the object while it exists."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from sqladmin.filters import StaticValuesFilter
from sqlalchemy import Select, or_
from starlette.requests import Request

from backend.admin.views import (
    BackOfficeView,
    as_uuid,
)
from backend.models import (
    AuditLog,
    StaffUser,
    Task,
    TaskTrash,
    User,
    literal_substring,
)


class AuditLogAdmin(BackOfficeView, model=AuditLog):
    name, name_plural, icon = "Audit entry", "Audit log", "fa-solid fa-clock-rotate-left"
    category = "Back office"

    column_list = [
        AuditLog.created_at,
        AuditLog.staff_email,
        AuditLog.action,
        AuditLog.object_type,
        AuditLog.object_id,
    ]
    column_labels = {
        AuditLog.created_at: "When",
        AuditLog.staff_email: "Staff",
        AuditLog.action: "Action",
        AuditLog.object_type: "Object type",
        AuditLog.object_id: "Object id",
    }
    column_searchable_list = [AuditLog.staff_email, AuditLog.object_id]
    column_sortable_list = [AuditLog.created_at, AuditLog.staff_email, AuditLog.action]
    column_default_sort = [(AuditLog.created_at, True)]
    column_filters = [
        StaticValuesFilter(
            AuditLog.action,
            values=[
                (name, name)
                for name in (
                    "create",
                    "update",
                    "delete",
                    "deactivate",
                    "reactivate",
                    "sign_in",
                    "sign_out",
                    "restore",
                    "export",
                    "erase",
                )
            ],
        ),
        StaticValuesFilter(
            AuditLog.object_type, values=[(name, name) for name in ("user", "task", "staff_user")]
        ),
    ]
    # Nobody edits history: not through forms, not through deletes.
    can_create = False
    can_edit = False
    can_delete = False

    def search_placeholder(self) -> str:
        return "Staff email, or any id: an object's, or a user's (their tasks too)"

    def search_query(self, stmt: Select, term: str) -> Select:
        some_id = as_uuid(term)
        if some_id is not None:
            return stmt.where(
                or_(
                    AuditLog.object_id == str(some_id),
                    AuditLog.subject_user_id == some_id,
                    AuditLog.staff_id == some_id,
                )
            )
        return stmt.where(
            or_(
                AuditLog.staff_email.ilike(literal_substring(term)),
                AuditLog.object_id == term.strip(),
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
