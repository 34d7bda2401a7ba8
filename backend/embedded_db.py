"""A private PostgreSQL cluster in a local folder, for `taskapi serve` without DATABASE_URL and for tests.

It uses the binaries of the `pgserver` package when installed (so a machine with only Python
needs nothing else), else the machine's own PostgreSQL. PostgreSQL refuses to run as root; as
root the server runs in a user namespace where it is not root, keeping every file root-owned.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

DATABASE_NAME = "taskapi"
SUPERUSER = "postgres"


class EmbeddedDatabaseError(RuntimeError):
    """The embedded cluster could not be created or started."""


def _bin_dir() -> Path:
    # Located without importing pgserver, whose import has side effects we do not want.
    spec = importlib.util.find_spec("pgserver")
    if spec is not None and spec.submodule_search_locations:
        bundled = Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"
        if (bundled / "initdb").exists():
            return bundled
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise EmbeddedDatabaseError(
        "no PostgreSQL binaries found: install the `embedded` extra (pip install '.[embedded]'), "
        "install PostgreSQL, or set DATABASE_URL"
    )


def as_non_root(argv: list[str]) -> list[str]:
    """`argv` run as a non-root user when we are root (PostgreSQL and PgBouncer refuse root)."""
    if os.geteuid() != 0:
        return argv
    unshare = shutil.which("unshare")
    if unshare is None:
        raise EmbeddedDatabaseError(
            "running as root needs `unshare` (util-linux) to start PostgreSQL"
        )
    return [unshare, "--user", "--map-user=1000", "--map-group=1000", *argv]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(argv: list[str]) -> None:
    result = subprocess.run(as_non_root(argv), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise EmbeddedDatabaseError(f"{Path(argv[0]).name} failed: {result.stderr.strip()[-500:]}")


@dataclass
class EmbeddedDatabase:
    """A cluster under `root`: `start()` it (creating it the first time), `stop()` it after."""

    root: Path
    # Extra `postgres -c` settings, e.g. fsync=off for throwaway test clusters.
    server_settings: dict[str, str] = field(default_factory=dict)
    # Chosen on the first start and kept, so a restarted cluster is where clients left it.
    port: int | None = None

    @property
    def pgdata(self) -> Path:
        return self.root / "pgdata"

    @property
    def _password_file(self) -> Path:
        return self.root / "password"

    def _password(self) -> str:
        return self._password_file.read_text().strip()

    def _port(self) -> int | None:
        """The running postmaster's port, from its pid file, or None when it is not running."""
        pid_file = self.pgdata / "postmaster.pid"
        if not pid_file.exists():
            return None
        lines = pid_file.read_text().splitlines()
        try:
            os.kill(int(lines[0]), 0)
        except (ProcessLookupError, ValueError, IndexError):
            return None
        return int(lines[3])

    def url(self, database: str = DATABASE_NAME) -> str:
        port = self._port()
        if port is None:
            raise EmbeddedDatabaseError("the embedded database is not running")
        return f"postgresql://{SUPERUSER}:{self._password()}@127.0.0.1:{port}/{database}"

    def _init(self, bin_dir: Path) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o700)
        self._password_file.write_text(secrets.token_urlsafe(24))
        self._password_file.chmod(0o600)
        _run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(self.pgdata),
                "-U",
                SUPERUSER,
                "--auth=scram-sha-256",
                f"--pwfile={self._password_file}",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ]
        )

    def start(self) -> str:
        """Start the cluster if it is not running; return its URL."""
        bin_dir = _bin_dir()
        if not (self.pgdata / "PG_VERSION").exists():
            if self.pgdata.exists():
                shutil.rmtree(self.pgdata)
            self._init(bin_dir)
        if self._port() is None:
            port = self.port = self.port or _free_port()
            settings = {
                "listen_addresses": "127.0.0.1",
                "unix_socket_directories": "''",
                "max_connections": "200",
                **self.server_settings,
            }
            options = f"-p {port} " + " ".join(f"-c {k}={v}" for k, v in settings.items())
            _run(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(self.pgdata),
                    "-w",
                    "-t",
                    "60",
                    "-l",
                    str(self.root / "postgres.log"),
                    "-o",
                    options,
                    "start",
                ]
            )
        self._ensure_database()
        return self.url()

    def stop(self) -> None:
        if self._port() is not None:
            _run([str(_bin_dir() / "pg_ctl"), "-D", str(self.pgdata), "-w", "-m", "fast", "stop"])

    def _ensure_database(self) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = psycopg.connect(self.url("postgres"), autocommit=True, connect_timeout=5)
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        with conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
