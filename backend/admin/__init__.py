"""The back office: SQLAdmin at /admin for support staff, on the API's engine and models.

`install_admin` is the one entry point; the app factory calls it.
"""

from __future__ import annotations

from prometheus_client import Counter
from sqladmin import Admin
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response

from backend.admin.audit import audited_session_factory
from backend.admin.auth import LOCK_TIME, RoleGrants, StaffAuthentication
from backend.admin.cross_site import CrossSiteRefusal
from backend.admin.views import VIEWS

BASE_URL = "/admin"


def install_admin(
    app: Starlette, *, engine: AsyncEngine, secret_key: str, secure_cookie: bool, sign_ins: Counter
) -> Admin:
    authentication = StaffAuthentication(
        engine=engine, secret_key=secret_key, secure_cookie=secure_cookie, sign_ins=sign_ins
    )
    admin = Admin(
        app,
        session_maker=audited_session_factory(engine),
        base_url=BASE_URL,
        title="Task platform back office",
        middlewares=[Middleware(CrossSiteRefusal)],
        authentication_backend=authentication,
        authorization_backend=RoleGrants(),
    )

    async def locked(request: Request) -> Response:
        response = await admin.templates.TemplateResponse(
            request,
            "sqladmin/login.html",
            {"error": "Too many failed sign-ins for this email. Try again later."},
            status_code=429,
        )
        response.headers["Retry-After"] = str(int(LOCK_TIME.total_seconds()))
        return response

    authentication.locked_response = locked
    for view in VIEWS:
        admin.add_view(view)
    return admin
