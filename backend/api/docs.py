"""The OpenAPI document's extras: /redoc, served from the platform's own files
(fastapi-offline's copy of ReDoc), and the bearer scheme every task route requires.

fastapi-offline serves /docs and the files; its /redoc page would still show ReDoc's footer
logo, which ReDoc loads from its CDN. This page is the same, with a Content-Security-Policy
that keeps images to the server, so opening it makes no request to anywhere else.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_redoc_html
from starlette.responses import HTMLResponse

# Where fastapi-offline mounts its copies of Swagger UI's and ReDoc's files.
STATIC_URL = "/static-offline-docs"

router = APIRouter(include_in_schema=False)


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    response = get_redoc_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=f"{root}{STATIC_URL}/redoc.standalone.js",
        redoc_favicon_url=f"{root}{STATIC_URL}/favicon.png",
        with_google_fonts=False,
    )
    response.headers["Content-Security-Policy"] = "img-src 'self' data:"
    return response


# The bearer scheme, for the OpenAPI document only (the task routes name it: routes._documented).
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
