"""The back office's users: find by email or id, see their tasks and history, deactivate,
export and erase a user's data."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup
from sqladmin import action
from sqladmin.filters import BooleanFilter, OperationColumnFilter
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from wtforms.validators import Length, Optional

from backend.accounts.staff import normalise_email
from backend.admin.audit import ACTION_KEY, audit_entry
from backend.admin.user_data import erase_user, export_user
from backend.admin.views import (
    EMAIL_FORMAT,
    BackOfficeView,
    Confirmation,
    as_uuid,
    history_link,
    selected_ids,
    short_id,
    storable_field,
    strip_field,
    tell,
)
from backend.core.text import literal_substring
from backend.models import EMAIL_MAX, AuditAction, User


class UserAdmin(BackOfficeView, model=User):
    name, name_plural, icon = "User", "Users", "fa-solid fa-user"

    def delete_question(self) -> Confirmation:
        return Confirmation(
            "Delete this user and all their tasks? This cannot be undone.",
            "Delete {n} users and all their tasks? This cannot be undone.",
        )

    column_list = ["email", "name", "is_active", "created_at", "id"]
    column_details_list = [
        "id",
        "email",
        "name",
        "is_active",
        "created_at",
        "updated_at",
    ]
    column_searchable_list = ["email"]
    column_sortable_list = ["email", "created_at", "is_active"]
    column_default_sort = [("created_at", True)]
    column_filters = [
        BooleanFilter("is_active", title="Active"),
        OperationColumnFilter("created_at"),
    ]
    column_labels = {
        "email": "Email",
        "name": "Name",
        "is_active": "Active",
        "created_at": "Created",
        "updated_at": "Updated",
        "id": "Id (tasks)",
    }
    form_columns = ["email", "name"]
    form_args = {
        "email": {
            "validators": [Optional(), EMAIL_FORMAT, Length(max=EMAIL_MAX)],
            "filters": [strip_field],
        },
        "name": {"validators": [Optional(), Length(max=255), storable_field]},
    }
    # Users come from the identity provider on their first API request.
    can_create = False

    @staticmethod
    def _tasks_link(model: User, attribute: Any, request: Request) -> Markup:
        url = request.url_for("admin:list", identity="task").include_query_params(
            search=str(model.id)
        )
        return Markup('<a href="{}">{} (tasks)</a>').format(url, short_id(model.id))

    @staticmethod
    def _tasks_and_history_links(model: User, attribute: Any, request: Request) -> Markup:
        return (
            UserAdmin._tasks_link(model, attribute, request)
            + Markup(" ")
            + history_link(request, model.id)
        )

    column_formatters = {"id": _tasks_link}
    column_formatters_detail = {"id": _tasks_and_history_links}

    def search_placeholder(self) -> str:
        return "Email or id"

    def search_query(self, stmt: Select[Any], term: str) -> Select[Any]:
        user_id = as_uuid(term)
        if user_id is not None:
            return stmt.where(col(User.id) == user_id)
        return stmt.where(col(User.email).ilike(literal_substring(term)))

    async def _set_active(
        self, request: Request, *, active: bool, name: AuditAction
    ) -> RedirectResponse:
        ids = selected_ids(request, "Select users by their ids.")
        async with self.session_maker() as session:
            session.info[ACTION_KEY] = name
            users = (await session.scalars(select(User).where(col(User.id).in_(ids)))).all()
            for user in users:
                user.is_active = active
            await session.commit()
        tell(request, name.capitalize() + "d", [str(user) for user in users], "user")
        back = request.headers.get("referer") or str(
            request.url_for("admin:list", identity=self.identity)
        )
        return RedirectResponse(back, status_code=302)

    async def _one_user(self, request: Request, session: AsyncSession) -> User:
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
        tell(request, "Erased", [expected], "user")
        return RedirectResponse(str(request.url_for("admin:list", identity="user")), 302)

    async def get_object_for_details(self, request: Request) -> Any:
        user = await super().get_object_for_details(request)
        request.state.shown_user = user  # for the buttons below
        return user

    def _visible_custom_actions(self, request: Request, in_detail: bool = False) -> dict[str, str]:
        """A user's page offers only the change that applies: Deactivate for an active user,
        Reactivate for an inactive one."""
        actions = super()._visible_custom_actions(request, in_detail)
        user = getattr(request.state, "shown_user", None) if in_detail else None
        if user is not None:
            actions.pop("reactivate" if user.is_active else "deactivate", None)
        return actions

    @action(
        name="deactivate",
        label="Deactivate",
        confirmation_message=Confirmation(
            "Deactivate this user? The API refuses their requests at once.",
            "Deactivate {n} users? The API refuses their requests at once.",
        ),
    )
    async def deactivate(self, request: Request) -> RedirectResponse:
        return await self._set_active(request, active=False, name="deactivate")

    @action(
        name="reactivate",
        label="Reactivate",
        confirmation_message=Confirmation(
            "Reactivate this user? The API serves them again at once.",
            "Reactivate {n} users? The API serves them again at once.",
        ),
    )
    async def reactivate(self, request: Request) -> RedirectResponse:
        return await self._set_active(request, active=True, name="reactivate")
