"""The README's examples run as written against a live server (pointed at it): the "Trying
the API" shell block, every request answered as it expects, and the "Syncing a client" loop,
whose copy is the user's live tasks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.helpers import REPO_ROOT, TEST_SECRET, User, create_task, server_tasks

# Any answer of 400 or more fails the block, as a reader would see it fail; its body is still
# printed. (The readiness loop's own `-sf` already fails on such answers, and may not be
# combined with this.)
_CURL_FAILS = """curl() {
    case " $* " in *" -sf "*) command curl "$@" ;; *) command curl --fail-with-body "$@" ;; esac
}
"""


def _readme_block(heading: str, language: str) -> str:
    readme = (REPO_ROOT / "README.md").read_text()
    section = readme.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", section, re.S)[0]


def test_the_try_the_api_block_runs_as_pasted(live_server: str, tmp_path: Path) -> None:
    block = _readme_block("Trying the API", "sh")
    # The test's server is already up where the block starts one.
    lines = [line for line in block.splitlines() if not line.startswith("make serve")]
    script = (
        "\n".join(lines)
        .replace("localhost:8000", live_server.removeprefix("http://"))
        .replace(".venv/bin/taskapi", f"{sys.executable} -m backend.cli")
    )
    result = subprocess.run(
        ["bash", "-c", "set -euo pipefail\n" + _CURL_FAILS + script],
        cwd=REPO_ROOT,
        env={"PATH": "/usr/bin:/bin", "JWT_SECRET": TEST_SECRET, "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout.splitlines()
    assert "HTTP/1.1 201 Created" in result.stderr and "etag:" in result.stderr.lower()
    dentist = json.loads(next(line for line in out if '"title":"Dentist"' in line))
    assert dentist["due_at"] == "2026-07-14T07:30:00Z" and dentist["labels"] == ["Health"]
    [week] = [json.loads(line) for line in out if line.startswith('{"items":[{"title":"Dentist"')]
    assert [task["id"] for task in week["items"]] == [dentist["id"]]
    assert '"completed":true' in out[-3] and out[-2] == "204"
    # The milk task is gone (a first sync sends no deletes); the dentist's comes as an upsert.
    assert json.loads(out[-1])["changes"] == [{"type": "upsert", "task": dentist}]


def _readme_sync_loop() -> str:
    return _readme_block("Syncing a client", "python")


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
