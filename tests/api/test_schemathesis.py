"""Hostile input: Schemathesis generates requests from our own OpenAPI document and checks the
answers against it (no 5xx, documented statuses, content types, headers and bodies, and so the
error envelope everywhere), with a valid token for a test user, bounded in examples and time.

One check is left out: `positive_data_acceptance` expects every schema-valid request to
succeed, but some valid-looking requests are rightly refused by state the schema cannot
describe: an `If-Match` for a version the task does not have (412), a cursor we never issued
(400), an idempotency key reused with another body (422).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import REPO_ROOT, User
from tests.servers import LiveServer

EXAMPLES_PER_OPERATION = 30


@pytest.mark.slow  # runs another program in a subprocess
def test_schemathesis_finds_nothing_against_our_own_openapi_document(
    start_server: Callable[..., LiveServer], alice: User, tmp_path: Path
) -> None:
    # The per-user budget off: some 850 requests in 15 s from one user spend it on a fast run,
    # and Schemathesis then waits out each 429 (its Retry-After) and reports a warning instead
    # of "No issues found". The budget and its 429s have their own tests (test_fair_use.py).
    server = start_server(LOG_LEVEL="WARNING", API_RATE_LIMIT="0")
    config = tmp_path / "schemathesis.toml"
    config.write_text(f'[parameters]\n"path.user_id" = "{alice.id}"\n')
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "st"),
            "--config-file",
            str(config),
            "run",
            f"{server.url}/openapi.json",
            "--header",
            f"Authorization: Bearer {alice.token}",
            "--checks",
            "all",
            "--exclude-checks",
            "positive_data_acceptance",
            "--max-examples",
            str(EXAMPLES_PER_OPERATION),
            "--seed",
            "1",
            "--request-timeout",
            "10",
        ],
        # Schemathesis keeps a cache in its working directory: not in the repository.
        cwd=tmp_path,
        env={
            **os.environ,
            "SCHEMATHESIS_HOOKS": "tests.api.schemathesis_hooks",
            "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout
