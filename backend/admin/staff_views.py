"""The back office's staff accounts: roles, passwords, deactivation; never locking out the
last admin or oneself."""

from __future__ import annotations

from typing import Any

from sqladmin import action
from sqlalchemy import Select, delete, select
from sqlmodel import col
from starlette.requests import Request
from starlette.responses import RedirectResponse
from wtforms import Form, PasswordField, SelectField
from wtforms.validators import DataRequired, Length

from backend.accounts.staff import StaffError, hash_password, normalise_email
from backend.admin.audit import ACTION_KEY, audit_entry
from backend.admin.sessions import keep, open_sessions
from backend.admin.views import (
    EMAIL_FORMAT,
    BackOfficeView,
    ChangeRefused,
    Confirmation,
    as_uuid,
    selected_ids,
    strip_field,
    tell,
)
from backend.models import (
    EMAIL_MAX,
    STAFF_ROLES,
    StaffSession,
    StaffUser,
)


class StaffAdmin(BackOfficeView, model=StaffUser):
    name, name_plural, icon = "Staff account", "Staff", "fa-solid fa-id-badge"
    category = "Back office"

    def delete_question(self) -> Confirmation:
        return Confirmation(
            "Delete this staff account? Its sessions end at once. This cannot be undone.",
            "Delete {n} staff accounts? Their sessions end at once. This cannot be undone.",
        )

    column_list = ["email", "role", "is_active", "last_login_at"]
    column_labels = {
        "email": "Email",
        "role": "Role",
        "is_active": "Active",
        "last_login_at": "Last sign-in",
        "created_at": "Created",
    }
    # Secrets, and what only the sign-in needs.
    column_details_exclude_list = [
        "password_hash",
        "totp_secret",
        "totp_last_step",
        "recovery_code_hashes",
        "session_version",
    ]
    column_export_exclude_list = column_details_exclude_list
    column_searchable_list = ["email"]
    column_sortable_list = ["email", "role", "last_login_at"]
    column_default_sort = [("email", False)]
    form_columns = ["email", "role", "is_active"]
    form_overrides = {"role": SelectField}
    form_args = {
        "email": {
            "validators": [DataRequired(), EMAIL_FORMAT, Length(max=EMAIL_MAX)],
            "filters": [strip_field],
        },
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
        self, data: dict[str, Any], model: Any, is_created: bool, request: Request
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
                request.state.kept_session_version = model.session_version

    async def after_model_change(
        self, data: dict[str, Any], model: Any, is_created: bool, request: Request
    ) -> None:
        version = getattr(request.state, "kept_session_version", None)
        if version is not None:
            async with self.session_maker() as session:
                await keep(await session.connection(), request, version)
                await session.commit()

    @action(
        name="reset-second-factor",
        label="Reset two-factor sign-in",
        confirmation_message=(
            "Reset two-factor sign-in for this staff member? Their sessions end; they sign in "
            "with their password alone and set it up again."
        ),
        add_in_list=False,
    )
    async def reset_second_factor(self, request: Request) -> RedirectResponse:
        ids = selected_ids(request, "Select a staff member by their id.")
        async with self.session_maker() as session:
            session.info[ACTION_KEY] = "reset_second_factor"
            reset: list[str] = []
            for staff in (
                await session.scalars(select(StaffUser).where(col(StaffUser.id).in_(ids)))
            ).all():
                staff.totp_secret = None
                staff.totp_last_step = None
                staff.recovery_code_hashes = []
                staff.session_version += 1
                reset.append(staff.email)
            await session.commit()
        tell(request, "Reset two-factor sign-in of", reset, "staff member")
        back = request.headers.get("referer") or str(
            request.url_for("admin:list", identity=self.identity)
        )
        return RedirectResponse(back, status_code=302)

    def delete_refusal(self, request: Request, pk: str) -> str | None:
        if _is_self(request, pk):
            return "Not deleted: you cannot delete your own account."
        return None


class StaffSessionAdmin(BackOfficeView, model=StaffSession):
    """Every staff member's open sessions, for admins: when, from where, which browser; ending
    one (a delete) signs that browser out at once, audited as `end_session`."""

    name, name_plural, icon = "Open session", "Open sessions", "fa-solid fa-right-to-bracket"
    category = "Back office"
    identity = "staff-session"
    can_create = can_edit = False
    column_list = ["staff", "created_at", "last_seen_at", "client_address", "user_agent"]
    column_details_list = column_list
    column_labels = {
        "staff": "Staff",
        "created_at": "Signed in",
        "last_seen_at": "Last seen",
        "client_address": "Address",
        "user_agent": "Browser",
    }
    column_sortable_list = ["created_at", "last_seen_at"]
    column_default_sort = [("last_seen_at", True)]
    column_export_exclude_list = ["id"]

    def delete_question(self) -> Confirmation:
        return Confirmation(
            "End this session? Whoever uses it is signed out at once.",
            "End {n} sessions? Whoever uses them is signed out at once.",
        )

    def list_query(self, request: Request) -> Select[Any]:
        return super().list_query(request).where(open_sessions())

    def count_query(self, request: Request) -> Select[Any]:
        return super().count_query(request).where(open_sessions())

    async def delete_model(self, request: Request, pk: Any) -> None:
        async with self.session_maker() as session:
            staff_id = await session.scalar(
                delete(StaffSession)
                .where(col(StaffSession.id) == str(pk))
                .returning(col(StaffSession.staff_id))
            )
            if staff_id is not None:
                session.add(
                    audit_entry(
                        action="end_session",
                        object_type="staff_user",
                        object_id=str(staff_id),
                        subject_user_id=None,
                    )
                )
            await session.commit()


def _is_self(request: Request, staff_id: Any) -> bool:
    # Only admins manage staff, and none can lock themselves out: so one active admin remains.
    # Compared as UUIDs: an id's other spellings (upper case, no hyphens, braces) are the same.
    actor = getattr(request.state, "actor", None)
    return actor is not None and as_uuid(str(staff_id)) == actor.id
