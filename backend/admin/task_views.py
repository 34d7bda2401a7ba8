"""The back office's task list: search by id, title piece or owner email, edit, delete into
the trash; TaskSearchView is shared with the trash."""

from __future__ import annotations

import uuid
from contextvars import ContextVar
from typing import Any

from markupsafe import Markup
from sqladmin.fields import Select2TagsField
from sqladmin.filters import BooleanFilter, OperationColumnFilter
from sqlalchemy import Column, Select, false, or_, select
from sqlmodel import col
from starlette.requests import Request
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from backend.admin.audit import TRASH_KEY
from backend.admin.schedule_fields import (
    PRIORITY_NAMES,
    SCHEDULE_FORM_ARGS,
    LabelFilter,
    PriorityFilter,
)
from backend.admin.views import (
    BackOfficeView,
    Confirmation,
    as_uuid,
    history_link,
    refusals,
    storable_field,
    strip_field,
)
from backend.core.text import DESCRIPTION_MAX, TITLE_MAX, literal_substring
from backend.models import Task, TaskTrash, User, table, utcnow

# The owners whose email holds a task search's term, looked up before the list's statement
# and written into it as ids: PostgreSQL then estimates "their tasks" from its statistics,
# where for a subquery it guesses half the table and so reads every task newest first looking
# for a rare title word (0.6 s at a million tasks). Past this many owners the term is common
# and the subquery is as good.
_OWNER_IDS_MAX = 100
_search_owners: ContextVar[tuple[str, list[uuid.UUID] | None]] = ContextVar("search_owners")


def _owner_condition(owner_id: Column[Any], term: str, pattern: str) -> Any:
    given_term, owner_ids = _search_owners.get(("", None))
    if given_term == term and owner_ids is not None:
        return owner_id.in_(owner_ids) if owner_ids else false()
    return owner_id.in_(select(col(User.id)).where(col(User.email).ilike(pattern)))


class TaskSearchView(BackOfficeView):
    """A list of tasks (live or trashed) that staff search by the task's or its owner's id,
    or by a literal piece of its title or its owner's email, each through an index."""

    async def list(self, request: Request) -> Any:
        term = request.query_params.get("search", "")
        if not term or "\x00" in term or as_uuid(term) is not None:
            return await super().list(request)
        async with self.session_maker() as session:
            owner_ids = list(
                await session.scalars(
                    select(col(User.id))
                    .where(col(User.email).ilike(literal_substring(term)))
                    .limit(_OWNER_IDS_MAX + 1)
                )
            )
        resolved = _search_owners.set(
            (term, owner_ids if len(owner_ids) <= _OWNER_IDS_MAX else None)
        )
        try:
            return await super().list(request)
        finally:
            _search_owners.reset(resolved)

    def search_placeholder(self) -> str:
        return "Title, owner email, task or owner id"

    def search_query(self, stmt: Select[Any], term: str) -> Select[Any]:
        columns = table(self.model).c
        some_id = as_uuid(term)
        if some_id is not None:
            return stmt.where(or_(columns.id == some_id, columns.owner_id == some_id))
        pattern = literal_substring(term)
        return stmt.where(
            or_(columns.title.ilike(pattern), _owner_condition(columns.owner_id, term, pattern))
        )


class TaskAdmin(TaskSearchView, model=Task):
    name, name_plural, icon = "Task", "Tasks", "fa-solid fa-list-check"

    def delete_question(self) -> Confirmation:
        return Confirmation(
            "Delete this task? It goes to the trash, where staff can restore it for 30 days.",
            "Delete {n} tasks? They go to the trash, where staff can restore them for 30 days.",
        )

    column_list = [
        "title",
        "completed",
        "priority",
        "due_date",
        "labels",
        "owner",
        "created_at",
        "id",
    ]
    column_details_list = [
        "id",
        "title",
        "description",
        "completed",
        "completed_at",
        "priority",
        "due_date",
        "due_time",
        "time_zone",
        "labels",
        "owner",
        "version",
        "created_at",
        "updated_at",
    ]
    column_export_list = [
        "id",
        "title",
        "description",
        "completed",
        "completed_at",
        "priority",
        "due_date",
        "due_time",
        "time_zone",
        "labels",
        "owner_id",
        "version",
        "created_at",
        "updated_at",
    ]
    column_searchable_list = ["title"]
    column_sortable_list = [
        "title",
        "completed",
        "priority",
        "due_date",
        "created_at",
        "updated_at",
    ]
    column_default_sort = [("created_at", True)]
    column_filters = [
        BooleanFilter("completed"),
        PriorityFilter(),
        LabelFilter(),
        OperationColumnFilter("due_date", title="Due date"),
        OperationColumnFilter("created_at"),
    ]
    column_labels = {
        "title": "Title",
        "description": "Description",
        "completed": "Completed",
        "completed_at": "Completed at",
        "priority": "Priority",
        "due_date": "Due date",
        "due_time": "Due time",
        "time_zone": "Time zone",
        "labels": "Labels",
        "owner": "Owner",
        "version": "Version",
        "created_at": "Created",
        "updated_at": "Updated",
        "id": "Id",
    }
    column_formatters = {
        "priority": lambda model, attribute: PRIORITY_NAMES.get(model.priority, model.priority),
        "labels": lambda model, attribute: ", ".join(model.labels),
    }
    column_formatters_detail = {
        "id": lambda model, attribute, request: (
            Markup("{} ").format(model.id) + history_link(request, model.id)
        ),
        "priority": lambda model, attribute, request: PRIORITY_NAMES.get(
            model.priority, model.priority
        ),
        "labels": lambda model, attribute, request: ", ".join(model.labels),
    }
    form_columns = [
        "title",
        "description",
        "completed",
        "priority",
        "due_date",
        "due_time",
        "time_zone",
        "labels",
    ]
    form_overrides = {
        "priority": SelectField,
        "time_zone": SelectField,
        "labels": Select2TagsField,
        # Up to 1,000 characters: a box, not a line.
        "description": TextAreaField,
    }
    form_args = {
        "title": {
            "validators": [DataRequired(), Length(max=TITLE_MAX), storable_field],
            "filters": [strip_field],
        },
        "description": {"validators": [Optional(), Length(max=DESCRIPTION_MAX), storable_field]},
        **SCHEDULE_FORM_ARGS,
    }
    # Tasks are their owners': created through the API only.
    can_create = False

    async def delete_model(self, request: Request, pk: Any) -> None:
        """Deleted here as through the API: into the trash, restorable for 30 days."""
        async with refusals(), self.session_maker() as session:
            task = await session.get(Task, as_uuid(str(pk)), with_for_update=True)
            if task is None:
                return
            # Every column of the task has its twin in the trash.
            fields = {column.key: getattr(task, column.key) for column in table(Task).columns}
            deleted_at = utcnow()
            session.info[TRASH_KEY] = {str(task.id): deleted_at}
            await session.merge(TaskTrash(**{**fields, "deleted_at": deleted_at}))
            await session.delete(task)
            await session.commit()
