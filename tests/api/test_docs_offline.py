"""/docs and /redoc render in a real browser with every request off the server refused: their
Swagger UI and ReDoc files come from the platform itself, not a CDN."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, BrowserContext, Route, expect

OPERATION_SUMMARIES = [
    "List Tasks",
    "Create Task",
    "Get Task",
    "Replace Task",
    "Patch Task",
    "Delete Task",
    "List Changes",
]


@pytest.fixture
def offline(browser: Browser, live_server: str) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A browser context that can reach the server and nothing else; what it tried elsewhere."""
    context = browser.new_context(base_url=live_server)
    refused: list[str] = []

    def only_the_server(route: Route) -> None:
        url = route.request.url
        if url.startswith(live_server) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    context.route("**/*", only_the_server)
    yield context, refused
    context.close()


def test_swagger_ui_renders_every_operation_offline(
    offline: tuple[BrowserContext, list[str]],
) -> None:
    context, refused = offline
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto("/docs")
    operations = page.locator(".opblock")
    expect(operations).to_have_count(len(OPERATION_SUMMARIES))
    expect(page.locator(".opblock-summary-path").first).to_contain_text("/api/{user_id}/tasks")
    # Its strict policy refuses nothing the page needs (a refusal is a console error).
    page.locator(".opblock-summary").first.click()
    expect(page.locator(".opblock-body").first).to_be_visible()
    assert refused == []
    assert errors == []


def test_redoc_renders_every_operation_offline(
    offline: tuple[BrowserContext, list[str]],
) -> None:
    context, refused = offline
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto("/redoc")
    for summary in OPERATION_SUMMARIES:
        expect(page.get_by_text(summary, exact=True).first).to_be_attached()
    # Its footer's logo included (ReDoc's own points to a CDN, which the page's CSP refuses).
    expect(page.get_by_alt_text("redocly logo")).to_be_attached()
    assert refused == []
    assert errors == []


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_the_pages_run_only_their_own_scripts(client: TestClient, path: str) -> None:
    page = client.get(path)
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in page.headers["content-security-policy"].split(";")
    )
    # Swagger UI's page starts it with an inline script; ReDoc's has none.
    inline = re.findall(r"<script>(.*?)</script>", page.text, re.DOTALL)
    assert len(inline) == (path == "/docs")
    allowed = {
        f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
        for script in inline
    }
    assert set(policy["script-src"].split()) == {"'self'"} | allowed
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
