"""The README's "Syncing a client" loop runs as written against a live server (pointed at it)
and its copy is the user's live tasks."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from tests.helpers import REPO_ROOT, User, create_task, server_tasks


def _readme_sync_loop() -> str:
    readme = (REPO_ROOT / "README.md").read_text()
    section = readme.split("## Syncing a client", 1)[1].split("\n## ", 1)[0]
    [code] = re.findall(r"```python\n(.*?)```", section, re.S)
    return code


def test_the_readmes_sync_loop_builds_the_users_copy(
    live_server: str,
    alice: User,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with httpx.Client(base_url=live_server) as http:
        kept = create_task(http, alice, title="kept")
        gone = create_task(http, alice, title="gone")
        http.delete(alice.task_url(gone["id"]), headers=alice.headers)
        monkeypatch.setenv("USER_ID", str(alice.id))
        monkeypatch.setenv("TOKEN", alice.token)
        code = _readme_sync_loop().replace("http://localhost:8000", live_server)
        namespace: dict[str, object] = {}
        exec(compile(code, str(Path("README.md")), "exec"), namespace)  # noqa: S102 - our README

        assert namespace["tasks"] == server_tasks(http, alice) and kept["id"] in namespace["tasks"]
        assert capsys.readouterr().out.strip() == "1 tasks in the copy"
