"""What the server fixtures hand a test: a database of the test's own, and a live platform."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from backend.core.embedded_db import EmbeddedDatabase


@dataclass
class OwnDatabase:
    """A database of one test's own, to stop and start: behind its own PgBouncer in the pooled
    run, so the app meets an outage the way it would behind Neon's pooler."""

    cluster: EmbeddedDatabase
    app_url: str
    direct_url: str

    def stop(self) -> None:
        self.cluster.stop()

    def start(self) -> None:
        self.cluster.start()


@dataclass
class LiveServer:
    """`taskapi serve` running in a subprocess; its stdout (the logs) goes to `log_path`."""

    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_lines(self) -> list[str]:
        return self.log_path.read_text().splitlines()
