"""What the app does with the garbage collector as it starts and stops (backend/app.py)."""

from __future__ import annotations

import gc
from collections.abc import Callable

from fastapi.testclient import TestClient

from backend.app import create_app
from backend.core.settings import Settings


def test_start_up_freezes_what_it_built_and_shutdown_gives_it_back(
    make_settings: Callable[..., Settings],
) -> None:
    """Started, the app's long-lived objects are out of the collector's reach (full collections
    no longer walk them); stopped, they are back within it, so a process that builds app after
    app, as the tests do, frees each one."""
    gc.unfreeze()
    app = create_app(make_settings())
    assert gc.get_freeze_count() == 0
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 200
        # At least everything the app is made of: its routes and their objects.
        assert gc.get_freeze_count() > len(app.routes)
    assert gc.get_freeze_count() == 0
