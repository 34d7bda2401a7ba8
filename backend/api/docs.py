"""The OpenAPI document's extras: /redoc, served from the platform's own files
(fastapi-offline's copy of ReDoc), the bearer scheme and `user_id` every task route requires,
and the error envelope as each error status's body.

fastapi-offline serves the files; its /redoc page would still show ReDoc's footer logo, which
ReDoc loads from its CDN. Our /redoc is the same page, with ReDoc's script served with an
empty image in the logo's place, so opening it makes no request to anywhere else and logs no
error. Both pages (/docs too, ours for that reason) carry a strict Content-Security-Policy: the
one inline script each runs is allowed by its hash, everything else only from the server.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib.resources import files

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.responses import HTMLResponse, Response

from backend.core.errors import ErrorBody

# Where fastapi-offline mounts its copies of Swagger UI's and ReDoc's files.
STATIC_URL = "/static-offline-docs"

router = APIRouter(include_in_schema=False)


@router.get("/")
async def index(request: Request) -> dict[str, str]:
    """Where a newcomer who opens the server's address finds everything."""
    root = request.scope.get("root_path", "")
    return {
        "api_docs": f"{root}/docs",
        "redoc": f"{root}/redoc",
        "openapi": f"{root}{request.app.openapi_url}",
        "back_office": f"{root}/admin",
    }


REDOC_JS = "/redoc.standalone.js"
# ReDoc's side menu shows Redocly's logo from their CDN: the page's CSP refuses it (one console
# error a load) and an offline network could not fetch it anyway. An empty image instead.
_REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
_NO_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"


@cache
def _redoc_js() -> bytes:
    source = (files("fastapi_offline") / "static" / "redoc.standalone.js").read_bytes()
    assert _REDOC_LOGO in source, "ReDoc changed: see _REDOC_LOGO"
    return source.replace(_REDOC_LOGO, _NO_IMAGE)


@router.get(REDOC_JS)
async def redoc_js() -> Response:
    return Response(
        _redoc_js(),
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=86400"},
    )


_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def _strict(page: HTMLResponse) -> HTMLResponse:
    """The page with a policy that runs only its own inline scripts (by hash) and the
    server's files. Styles may be inline: Swagger UI and ReDoc write them as they render."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"
        for script in _INLINE_SCRIPT.findall(bytes(page.body))
    )
    page.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src blob:; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )
    page.headers["X-Frame-Options"] = "DENY"
    page.headers["X-Content-Type-Options"] = "nosniff"
    return page


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return _strict(
        get_swagger_ui_html(
            openapi_url=f"{root}{request.app.openapi_url}",
            title=f"{request.app.title} - Swagger UI",
            swagger_js_url=f"{root}{STATIC_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{STATIC_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{STATIC_URL}/favicon.png",
            swagger_ui_parameters=request.app.swagger_ui_parameters,
        )
    )


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return _strict(
        get_redoc_html(
            openapi_url=f"{root}{request.app.openapi_url}",
            title=f"{request.app.title} - ReDoc",
            redoc_js_url=f"{root}{REDOC_JS}",
            redoc_favicon_url=f"{root}{STATIC_URL}/favicon.png",
            with_google_fonts=False,
        )
    )


# The bearer scheme, for the OpenAPI document only (the task routes name it: `documented`).
BEARER_SCHEME = {
    "HTTPBearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "A JWT from the identity provider.",
    }
}


def document_bearer_auth(app: FastAPI) -> None:
    """Add the bearer scheme to `app`'s OpenAPI document, which every task route requires."""
    build = app.openapi

    def openapi() -> dict[str, object]:
        if app.openapi_schema is None:
            document = build()
            document.setdefault("components", {}).setdefault("securitySchemes", {}).update(
                BEARER_SCHEME
            )
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """The error envelope as the documented body of each status."""
    return {code: {"model": ErrorBody} for code in statuses}


USER_ID_PARAMETER = {
    "name": "user_id",
    "in": "path",
    "required": True,
    "description": "The token's subject: any other user's id is refused with 403.",
    "schema": {"type": "string", "format": "uuid"},
}


def documented(*parameters: dict[str, object]) -> dict[str, object]:
    """What the document says that no parameter declares: the bearer scheme and `user_id`.

    OwnerRoute checks both before FastAPI sees the request; declared as parameters or
    dependencies they would be resolved again on every request, at a sizeable share of its
    cost, only to say so here.
    """
    return {"security": [{"HTTPBearer": []}], "parameters": [USER_ID_PARAMETER, *parameters]}
