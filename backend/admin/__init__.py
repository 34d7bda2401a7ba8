"""The back office: SQLAdmin at /admin for support staff, on the API's engine and models.

`install_admin` is the one entry point; the app factory calls it. It mounts the back office
and builds it (backend.admin.back_office) on the first request that reaches it: an API worker
that never serves one does not load SQLAdmin, its forms and templates, nor build its views
(7 MiB and a third of a second of start-up a process).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.observability.metrics import BusinessMetrics

BASE_URL = "/admin"


class _BuiltOnFirstUse:
    """An ASGI app built the first time it is called or its routes are read (`url_for` of a
    back-office page reads them through the mount)."""

    def __init__(self, build: Callable[[], ASGIApp]) -> None:
        self._build = build
        self._app: ASGIApp | None = None

    @property
    def app(self) -> ASGIApp:
        if self._app is None:
            self._app = self._build()
        return self._app

    @property
    def routes(self) -> list[BaseRoute]:
        routes: list[BaseRoute] = getattr(self.app, "routes", [])
        return routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


def install_admin(
    app: Starlette,
    *,
    engine: AsyncEngine,
    secret_key: str,
    secure_cookie: bool,
    admins_need_second_factor: bool,
    metrics: BusinessMetrics,
) -> None:
    def build() -> ASGIApp:
        from backend.admin import back_office

        return back_office.build(
            engine=engine,
            secret_key=secret_key,
            secure_cookie=secure_cookie,
            admins_need_second_factor=admins_need_second_factor,
            metrics=metrics,
        )

    app.router.routes.append(Mount(BASE_URL, app=_BuiltOnFirstUse(build), name="admin"))
