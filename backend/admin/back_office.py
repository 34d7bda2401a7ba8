"""The back office itself: SQLAdmin for support staff, on the API's engine and models, built
by `build` on the first request to /admin (backend.admin.install_admin mounts it)."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from pathlib import Path

from sqladmin import Admin
from sqladmin.authentication import login_required
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response

from backend.admin import BASE_URL, home
from backend.admin.audit import audited_session_factory
from backend.admin.audit_views import AuditLogAdmin, summary
from backend.admin.auth import RoleGrants, StaffAuthentication
from backend.admin.cross_site import CrossSiteRefusal
from backend.admin.page_headers import PageHeaders
from backend.admin.second_factor_views import SecondFactorView
from backend.admin.staff_views import StaffAdmin, StaffSessionAdmin
from backend.admin.task_views import TaskAdmin
from backend.admin.throttle import SignInRefused
from backend.admin.trash import TrashAdmin
from backend.admin.user_views import UserAdmin
from backend.admin.views import COUNT_CAP, BackOfficeView, when
from backend.observability.metrics import BusinessMetrics

# Our own pages (the erasure confirmation), beside SQLAdmin's.
TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
VIEWS = (
    UserAdmin,
    TaskAdmin,
    TrashAdmin,
    StaffAdmin,
    StaffSessionAdmin,
    AuditLogAdmin,
    SecondFactorView,
)


class BackOffice(Admin):
    """SQLAdmin, with a home page that starts the work, and deletes that name only existing
    objects.

    SQLAdmin answers a delete whose key is malformed or unknown with 200 and an error in the
    list's URL; here it is a 404 before anything is deleted, and a batch is all or nothing:
    one object the view refuses to delete (your own staff account) refuses the batch (400).
    """

    @login_required
    async def index(self, request: Request) -> Response:
        """The home page (backend.admin.home); with `?q=`, straight to what it finds."""
        term = request.query_params.get("q", "").replace("\x00", "")
        async with self.session_maker() as session:
            if term.strip():
                return await home.find(session, request, term)
            context = {
                "figures": await home.figures(session),
                "cap": COUNT_CAP,
                "entries": [
                    (entry, when(entry.created_at), summary(entry))
                    for entry in await home.latest_entries(session)
                ],
            }
        return await self.templates.TemplateResponse(request, "home.html", context)

    @login_required
    async def delete(self, request: Request) -> Response:
        view = self._find_model_view(request.path_params["identity"])
        assert isinstance(view, BackOfficeView), "every view of ours is one"
        # Who may delete is settled first, so the answer says nothing of what exists.
        if not view.is_accessible(request) or not await view.check_can_delete(request, None):
            raise HTTPException(status_code=403)
        pks = [pk for pk in request.query_params.get("pks", "").split(",") if pk]
        if not pks:
            raise HTTPException(status_code=400, detail="Select what to delete by its id.")
        for pk in pks:
            if await view.get_object_for_delete(pk) is None:
                raise HTTPException(status_code=404, detail="Nothing to delete with that id.")
        for pk in pks:
            refusal = view.delete_refusal(request, pk)
            if refusal is not None:
                raise HTTPException(status_code=400, detail=refusal)
        # Admin.delete without its login_required, which this method's own has already run.
        delete_checked: Callable[[Admin, Request], Awaitable[Response]] = inspect.unwrap(
            Admin.delete
        )
        return await delete_checked(self, request)


def build(
    *,
    engine: AsyncEngine,
    secret_key: str,
    secure_cookie: bool,
    admins_need_second_factor: bool,
    metrics: BusinessMetrics,
) -> Starlette:
    """The back office's own app, to be mounted at BASE_URL."""
    authentication = StaffAuthentication(
        engine=engine,
        secret_key=secret_key,
        secure_cookie=secure_cookie,
        admins_need_second_factor=admins_need_second_factor,
        sign_ins=metrics.admin_sign_ins,
    )
    # SQLAdmin mounts its app on the one it is given: a stand-in here, for backend.admin mounts
    # it (the app factory's app is long built by now).
    admin = BackOffice(
        Starlette(),
        session_maker=audited_session_factory(engine),
        base_url=BASE_URL,
        title="Task platform back office",
        templates_dir=str(TEMPLATES_DIR),
        # Ours first, then SQLAdmin's own: our names (back-office.*) are not among its files.
        static_files_kwargs={"directory": str(STATIC_DIR)},
        middlewares=[Middleware(PageHeaders), Middleware(CrossSiteRefusal)],
        authentication_backend=authentication,
        authorization_backend=RoleGrants(),
    )

    async def refused(request: Request, refusal: SignInRefused) -> Response:
        response = await admin.templates.TemplateResponse(
            request, "sqladmin/login.html", {"error": refusal.message}, status_code=429
        )
        response.headers["Retry-After"] = str(refusal.retry_after_s)
        return response

    authentication.refused_response = refused
    TrashAdmin.purged_counter = metrics.trash_purged
    SecondFactorView.session_maker = admin.session_maker
    for view in VIEWS:
        admin.add_view(view)
    return admin.admin
