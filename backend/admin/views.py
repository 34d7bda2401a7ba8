"""The back office's pages: users, tasks, staff accounts and the audit log.

Server-set fields (ids, owners, timestamps, versions, password hashes) are left out of every
form, so a forged POST cannot set them: WTForms only reads the fields a form declares.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

from markupsafe import Markup
from sqladmin import ModelView, action
from sqladmin.filters import BooleanFilter, OperationColumnFilter, StaticValuesFilter
from sqladmin.helpers import secure_filename, stream_to_csv
from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from wtforms import Form, PasswordField, SelectField, ValidationError
from wtforms.validators import DataRequired, Length, Optional, Regexp

from backend.admin.audit import ACTION_KEY, audit_entry
from backend.admin.user_data import erase_user, export_user
from backend.models import (
    DESCRIPTION_MAX,
    STAFF_ROLES,
    TITLE_MAX,
    AuditLog,
    StaffUser,
    Task,
    TaskTrash,
    User,
    storable_text,
    utcnow,
)
from backend.staff import StaffError, hash_password, normalise_email

# Lists count at most this many rows: past it the pager stops growing instead of PostgreSQL
# counting a million rows on every page.
COUNT_CAP = 10_000
EXPORT_MAX_ROWS = 10_000


_EMAIL = Regexp(r"^[^@\s]+@[^@\s]+$", message="Enter an address like name@example.com.")


class ChangeRefused(Exception):
    """A change the database refused; its message is safe to show (no SQL, no values)."""


def _storable(form: Any, field: Any) -> None:
    if isinstance(field.data, str):
        try:
            storable_text(field.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def as_uuid(term: str) -> uuid.UUID | None:
    """A UUID in any of its spellings, or None."""
    try:
        return uuid.UUID(term.strip())
    except ValueError:
        return None


def contains(term: str) -> str:
    """An ILIKE pattern that finds `term` literally (`%` and `_` match themselves)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def selected_ids(request: Request, refusal: str) -> list[uuid.UUID]:
    """The ids an action was given (`?pks=a,b`); any that is not an id refuses it (400)."""
    raw = [part for part in request.query_params.get("pks", "").split(",") if part]
    ids = [as_uuid(part) for part in raw]
    if not ids or None in ids:
        raise HTTPException(status_code=400, detail=refusal)
    return [some_id for some_id in ids if some_id is not None]


# The owners whose email holds a task search's term, looked up before the list's statement
# and written into it as ids: PostgreSQL then estimates "their tasks" from its statistics,
# where for a subquery it guesses half the table and so reads every task newest first looking
# for a rare title word (0.6 s at a million tasks). Past this many owners the term is common
# and the subquery is as good.
_OWNER_IDS_MAX = 100
_search_owners: ContextVar[tuple[str, list[uuid.UUID] | None]] = ContextVar("search_owners")


def _owner_condition(table: type[Task] | type[TaskTrash], term: str, pattern: str) -> Any:
    given_term, owner_ids = _search_owners.get(("", None))
    if given_term == term and owner_ids is not None:
        return table.owner_id.in_(owner_ids) if owner_ids else false()
    return table.owner_id.in_(select(User.id).where(User.email.ilike(pattern)))


def history_link(request: Request, object_id: object) -> Markup:
    """A link to the audit log's entries about an object (a user's include their tasks')."""
    url = request.url_for("admin:list", identity="audit-log").include_query_params(
        search=str(object_id)
    )
    return Markup('<a href="{}">(history)</a>').format(url)


@asynccontextmanager
async def _refusals() -> AsyncIterator[None]:
    # SQLAdmin shows (and logs) str(exception) on the form when a save fails; a database
    # error's text would carry SQL, so it is replaced by a plain sentence here.
    try:
        yield
    except IntegrityError:
        raise ChangeRefused(
            "Not saved: it conflicts with existing data (for example, an email already in use)."
        ) from None
    except DBAPIError:
        raise ChangeRefused(
            "Not saved: the database refused the change. Nothing was changed."
        ) from None


class _no_such_key:
    """Swallows what a malformed key raises: SQLAdmin's coercion (ValueError) or the
    database's refusal of an out-of-range value (DataError), so the caller falls through."""

    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, kind: type[BaseException] | None, *_: object) -> bool:
        return kind is not None and issubclass(kind, ValueError | DataError)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class BackOfficeView(ModelView):
    """What every back-office list shares: a bounded count, capped CSV-only export whose cells
    a spreadsheet shows rather than runs."""

    page_size = 25
    page_size_options = [25, 50, 100]
    export_types = ["csv"]
    export_max_rows = EXPORT_MAX_ROWS

    async def insert_model(self, request: Request, data: dict) -> Any:
        async with _refusals():
            return await super().insert_model(request, data)

    async def update_model(self, request: Request, pk: str, data: dict) -> Any:
        async with _refusals():
            return await super().update_model(request, pk, data)

    async def delete_model(self, request: Request, pk: Any) -> None:
        async with _refusals():
            await super().delete_model(request, pk)

    async def list(self, request: Request) -> Any:
        # PostgreSQL text cannot hold NUL: a search or filter with one is refused here rather
        # than sent to fail in the database.
        if any("\x00" in value for value in request.query_params.values()):
            raise HTTPException(
                status_code=400, detail="A search or filter cannot contain NUL characters."
            )
        return await super().list(request)

    # A key in a URL that is not a valid id for the table (not a UUID, an integer out of range)
    # names no object: 404, as for a valid id that does not exist.
    async def get_object_for_details(self, request: Request) -> Any:
        async with _no_such_key():
            return await super().get_object_for_details(request)
        return None

    async def get_object_for_edit(self, request: Request) -> Any:
        async with _no_such_key():
            return await super().get_object_for_edit(request)
        return None

    async def get_object_for_delete(self, value: Any) -> Any:
        async with _no_such_key():
            return await super().get_object_for_delete(value)
        return None

    async def export_data(
        self, data: list[Any], export_type: str = "csv", request: Request | None = None
    ) -> StreamingResponse:
        """SQLAdmin's CSV export, with every cell made safe to open in a spreadsheet."""
        if export_type != "csv":
            raise HTTPException(status_code=404)
        names = self._export_prop_names

        async def rows(writer: Any) -> AsyncIterator[Any]:
            yield writer.writerow(names)
            for row in data:
                yield writer.writerow(
                    [_inert(str(await self.get_prop_value(row, name))) for name in names]
                )

        filename = secure_filename(self.get_export_name(export_type="csv"))
        return StreamingResponse(
            content=stream_to_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f"attachment;filename={filename}"},
        )

    async def count(self, request: Request, stmt: Select | None = None) -> int:
        if stmt is None:
            return await super().count(request)
        # SQLAdmin counts `SELECT count(*) FROM (<the listed query>)`; count a bounded prefix.
        listed = stmt.get_final_froms()[0].element
        bounded = listed.order_by(None).limit(COUNT_CAP).subquery()
        return await super().count(request, select(func.count()).select_from(bounded))


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
                    select(User.id)
                    .where(User.email.ilike(contains(term)))
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

    def search_query(self, stmt: Select, term: str) -> Select:
        table = self.model
        some_id = as_uuid(term)
        if some_id is not None:
            return stmt.where(or_(table.id == some_id, table.owner_id == some_id))
        pattern = contains(term)
        return stmt.where(or_(table.title.ilike(pattern), _owner_condition(table, term, pattern)))


class UserAdmin(BackOfficeView, model=User):
    name, name_plural, icon = "User", "Users", "fa-solid fa-user"

    column_list = [User.email, User.name, User.is_active, User.created_at, User.id]
    column_details_list = [
        User.id,
        User.email,
        User.name,
        User.is_active,
        User.created_at,
        User.updated_at,
    ]
    column_searchable_list = [User.email]
    column_sortable_list = [User.email, User.created_at, User.is_active]
    column_default_sort = [(User.created_at, True)]
    column_filters = [
        BooleanFilter(User.is_active, title="Active"),
        OperationColumnFilter(User.created_at),
    ]
    column_labels = {
        User.email: "Email",
        User.name: "Name",
        User.is_active: "Active",
        User.created_at: "Created",
        User.updated_at: "Updated",
        User.id: "Id (tasks)",
    }
    form_columns = [User.email, User.name]
    form_args = {
        "email": {"validators": [Optional(), _EMAIL, Length(max=320)], "filters": [_strip]},
        "name": {"validators": [Optional(), Length(max=255), _storable]},
    }
    # Users come from the identity provider on their first API request.
    can_create = False

    @staticmethod
    def _tasks_link(model: User, attribute: Any, request: Request) -> Markup:
        url = request.url_for("admin:list", identity="task").include_query_params(
            search=str(model.id)
        )
        return Markup('<a href="{}">{} (tasks)</a>').format(url, model.id)

    @staticmethod
    def _tasks_and_history_links(model: User, attribute: Any, request: Request) -> Markup:
        return (
            UserAdmin._tasks_link(model, attribute, request)
            + Markup(" ")
            + history_link(request, model.id)
        )

    column_formatters = {User.id: _tasks_link}
    column_formatters_detail = {User.id: _tasks_and_history_links}

    def search_placeholder(self) -> str:
        return "Email or id"

    def search_query(self, stmt: Select, term: str) -> Select:
        user_id = as_uuid(term)
        if user_id is not None:
            return stmt.where(User.id == user_id)
        return stmt.where(User.email.ilike(contains(term)))

    async def _set_active(self, request: Request, *, active: bool, name: str) -> RedirectResponse:
        ids = selected_ids(request, "Select users by their ids.")
        async with self.session_maker() as session:
            session.info[ACTION_KEY] = name
            users = (await session.scalars(select(User).where(User.id.in_(ids)))).all()
            for user in users:
                user.is_active = active
            await session.commit()
        back = request.headers.get("referer") or str(
            request.url_for("admin:list", identity=self.identity)
        )
        return RedirectResponse(back, status_code=302)

    async def _one_user(self, request: Request, session: Any) -> User:
        ids = selected_ids(request, "Select a user by their id.")
        if len(ids) != 1:
            raise HTTPException(status_code=400, detail="Choose one user.")
        user = await session.get(User, ids[0], with_for_update=True)
        if user is None:
            raise HTTPException(status_code=404, detail="No such user.")
        return user

    @action(name="export", label="Download data", add_in_list=False)
    async def export(self, request: Request) -> Response:
        """The user, their tasks and their trash as one JSON file (admins only: GRANTS)."""
        async with self.session_maker() as session:
            user = await self._one_user(request, session)
            data = await export_user(session, user)
            session.add(
                audit_entry(
                    action="export",
                    object_type="user",
                    object_id=str(user.id),
                    subject_user_id=user.id,
                )
            )
            await session.commit()
        return Response(
            json.dumps(data, indent=2, ensure_ascii=False),
            media_type="application/json",
            headers={"Content-Disposition": f'attachment; filename="user-{user.id}.json"'},
        )

    @action(name="erase", label="Erase", add_in_list=False)
    async def erase(self, request: Request) -> Response:
        """Erase the user after the admin types their email (or id, when they have none)."""
        typed = request.query_params.get("confirm")
        async with self.session_maker() as session:
            user = await self._one_user(request, session)
            expected = user.email or str(user.id)
            if typed is None or normalise_email(typed) != normalise_email(expected):
                return await self.templates.TemplateResponse(
                    request,
                    "erase.html",
                    {"user": user, "expected": expected, "mistyped": typed is not None},
                    status_code=200 if typed is None else 400,
                )
            await erase_user(session, user)
            await session.commit()
        return RedirectResponse(str(request.url_for("admin:list", identity="user")), 302)

    @action(
        name="deactivate",
        label="Deactivate",
        confirmation_message="Deactivate the selected users? The API refuses them at once.",
    )
    async def deactivate(self, request: Request) -> RedirectResponse:
        return await self._set_active(request, active=False, name="deactivate")

    @action(
        name="reactivate",
        label="Reactivate",
        confirmation_message="Reactivate the selected users?",
    )
    async def reactivate(self, request: Request) -> RedirectResponse:
        return await self._set_active(request, active=True, name="reactivate")


class TaskAdmin(TaskSearchView, model=Task):
    name, name_plural, icon = "Task", "Tasks", "fa-solid fa-list-check"

    column_list = [
        Task.title,
        Task.completed,
        Task.owner,
        Task.created_at,
        Task.updated_at,
        Task.id,
    ]
    column_details_list = [
        Task.id,
        Task.title,
        Task.description,
        Task.completed,
        Task.owner,
        Task.version,
        Task.created_at,
        Task.updated_at,
    ]
    column_export_list = [
        Task.id,
        Task.title,
        Task.description,
        Task.completed,
        Task.owner_id,
        Task.version,
        Task.created_at,
        Task.updated_at,
    ]
    column_searchable_list = [Task.title]
    column_sortable_list = [Task.title, Task.completed, Task.created_at, Task.updated_at]
    column_default_sort = [(Task.created_at, True)]
    column_filters = [BooleanFilter(Task.completed), OperationColumnFilter(Task.created_at)]
    column_labels = {
        Task.title: "Title",
        Task.description: "Description",
        Task.completed: "Completed",
        Task.owner: "Owner",
        Task.version: "Version",
        Task.created_at: "Created",
        Task.updated_at: "Updated",
        Task.id: "Id",
    }
    column_formatters_detail = {
        Task.id: lambda model, attribute, request: (
            Markup("{} ").format(model.id) + history_link(request, model.id)
        )
    }
    form_columns = [Task.title, Task.description, Task.completed]
    form_args = {
        "title": {
            "validators": [DataRequired(), Length(max=TITLE_MAX), _storable],
            "filters": [_strip],
        },
        "description": {"validators": [Optional(), Length(max=DESCRIPTION_MAX), _storable]},
    }
    # Tasks are their owners': created through the API only.
    can_create = False

    async def delete_model(self, request: Request, pk: Any) -> None:
        """Deleted here as through the API: into the trash, restorable for 30 days."""
        async with _refusals(), self.session_maker() as session:
            task = await session.get(Task, as_uuid(str(pk)), with_for_update=True)
            if task is None:
                return
            # Every column of the task has its twin in the trash.
            fields = {column.key: getattr(task, column.key) for column in Task.__table__.columns}
            await session.merge(TaskTrash(**{**fields, "deleted_at": utcnow()}))
            await session.delete(task)
            await session.commit()


class StaffAdmin(BackOfficeView, model=StaffUser):
    name, name_plural, icon = "Staff account", "Staff", "fa-solid fa-id-badge"
    category = "Back office"

    column_list = [StaffUser.email, StaffUser.role, StaffUser.is_active, StaffUser.last_login_at]
    column_labels = {
        StaffUser.email: "Email",
        StaffUser.role: "Role",
        StaffUser.is_active: "Active",
        StaffUser.last_login_at: "Last sign-in",
        StaffUser.created_at: "Created",
    }
    column_details_exclude_list = [StaffUser.password_hash]
    column_export_exclude_list = [StaffUser.password_hash]
    column_searchable_list = [StaffUser.email]
    column_sortable_list = [StaffUser.email, StaffUser.role, StaffUser.last_login_at]
    column_default_sort = [(StaffUser.email, False)]
    form_columns = [StaffUser.email, StaffUser.role, StaffUser.is_active]
    form_overrides = {"role": SelectField}
    form_args = {
        "email": {"validators": [DataRequired(), _EMAIL, Length(max=320)], "filters": [_strip]},
        "role": {"choices": [(role, role) for role in STAFF_ROLES]},
    }

    async def scaffold_form(self, rules: list[str] | None = None) -> type[Form]:
        base = await super().scaffold_form(rules)

        class StaffForm(base):  # type: ignore[misc, valid-type]
            password = PasswordField(
                "Password",
                description="At least 12 characters. Leave empty to keep the current one.",
            )

        return StaffForm

    async def on_model_change(
        self, data: dict, model: Any, is_created: bool, request: Request
    ) -> None:
        # Popped so SQLAdmin does not try to set it as a column; only its hash is stored.
        password = data.pop("password", None) or ""
        data["email"] = normalise_email(data.get("email") or "")
        demotes = not data.get("is_active", True) or data.get("role", "admin") != "admin"
        if not is_created and demotes and _is_self(request, model.id):
            raise ChangeRefused("Not saved: you cannot deactivate or demote your own account.")
        if password or is_created:
            try:
                model.password_hash = hash_password(password)
            except StaffError as exc:
                raise ChangeRefused(f"Not saved: {exc}.") from None
        # Called before the form's values are set: `model` still holds the old ones.
        ends_sessions = bool(password) or (
            data.get("role", model.role) != model.role
            or bool(data.get("is_active", False)) != model.is_active
        )
        if not is_created and ends_sessions:
            model.session_version += 1
            if _is_self(request, model.id):
                # Your own password change keeps this session and ends every other one.
                request.session["version"] = model.session_version

    async def delete_model(self, request: Request, pk: Any) -> None:
        if _is_self(request, pk):
            raise ChangeRefused("Not deleted: you cannot delete your own account.")
        await super().delete_model(request, pk)


def _inert(cell: str) -> str:
    # The leading quote makes a spreadsheet show the text as it is, instead of running it.
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _is_self(request: Request, staff_id: Any) -> bool:
    # Only admins manage staff, and none can lock themselves out: so one active admin remains.
    # Compared as UUIDs: an id's other spellings (upper case, no hyphens, braces) are the same.
    actor = getattr(request.state, "actor", None)
    return actor is not None and as_uuid(str(staff_id)) == actor.id


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
            or_(AuditLog.staff_email.ilike(contains(term)), AuditLog.object_id == term.strip())
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
