"""The back office's two-factor page: every staff member sets up their own second factor
(a TOTP app, and recovery codes shown once); admins reset another's on the staff page.

Outside development an admin without one can open this page only (StaffAuthentication): the
back office holds everyone's data, and a password alone is not enough for what admins can do.
"""

from __future__ import annotations

from typing import Any

from sqladmin import BaseView, expose
from starlette.requests import Request
from starlette.responses import Response

from backend.accounts import second_factor
from backend.admin.audit import ACTION_KEY
from backend.models import StaffUser

# Where the secret being set up waits for its first code: the signed session cookie (the page
# shows the secret to its owner anyway).
PENDING = "pending_totp"
TEMPLATE = "two_factor.html"


class SecondFactorView(BaseView):
    name, icon = "Two-factor sign-in", "fa-solid fa-shield-halved"
    category = "Back office"
    # Set by install_admin: the back office's audited sessions.
    session_maker: Any = None

    @expose("/two-factor", methods=["GET", "POST"], identity="two-factor")
    async def two_factor(self, request: Request) -> Response:
        actor = request.state.actor
        async with self.session_maker() as session:
            staff = await session.get(StaffUser, actor.id, with_for_update=True)
            assert staff is not None, "a signed-in staff member's row"
            if staff.has_second_factor:
                request.session.pop(PENDING, None)
                return await self._page(request, staff, status=200)
            pending = request.session.get(PENDING) or second_factor.new_secret()
            request.session[PENDING] = pending
            if request.method != "POST":
                return await self._page(request, staff, pending=pending, status=200)
            form = await request.form()
            step = second_factor.matching_step(pending, str(form.get("code", ""))[:64])
            if step is None:
                return await self._page(request, staff, pending=pending, wrong=True, status=400)
            codes = second_factor.new_recovery_codes()
            session.info[ACTION_KEY] = "set_up_second_factor"
            staff.totp_secret = pending
            staff.totp_last_step = step
            staff.recovery_code_hashes = [second_factor.recovery_hash(code) for code in codes]
            await session.commit()
        request.session.pop(PENDING, None)
        return await self._page(request, staff, codes=codes, status=200)

    async def _page(
        self,
        request: Request,
        staff: StaffUser,
        *,
        status: int,
        pending: str | None = None,
        wrong: bool = False,
        codes: list[str] | None = None,
    ) -> Response:
        context = {
            "staff": staff,
            "pending": pending,
            "qr": second_factor.enrolment_qr(pending, staff.email) if pending else None,
            "wrong": wrong,
            "codes": codes,
            "recovery_left": len(staff.recovery_code_hashes),
        }
        return await self.templates.TemplateResponse(request, TEMPLATE, context, status_code=status)
