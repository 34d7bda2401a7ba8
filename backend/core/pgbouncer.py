"""PgBouncer in transaction mode in front of a cluster, as Neon's `-pooler` endpoint is: the
platform behind a pooler on one machine, for the suite's pooled run (`make test-pooled`) and
the bench's (bench/run.py). Nothing the platform serves with."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from backend.core.embedded_db import free_port
from backend.core.server_user import as_server_user, hand_over


class PgBouncer:
    """A PgBouncer process under `root` pooling one database of `upstream_url`."""

    def __init__(self, root: Path, upstream_url: str) -> None:
        self.root = root
        self.upstream = make_url(upstream_url).set(drivername="postgresql")
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def url(self) -> str:
        return self.upstream.set(host="127.0.0.1", port=self.port).render_as_string(
            hide_password=False
        )

    def start(self) -> str:
        executable = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
        self.root.mkdir(parents=True, exist_ok=True)
        user, password = self.upstream.username, self.upstream.password
        (self.root / "userlist.txt").write_text(f'"{user}" "{password}"\n')
        (self.root / "pgbouncer.ini").write_text(
            f"""
[databases]
{self.upstream.database} = host={self.upstream.host} port={self.upstream.port} dbname={self.upstream.database}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {self.port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = {self.root / "userlist.txt"}
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
logfile = {self.root / "pgbouncer.log"}
pidfile = {self.root / "pgbouncer.pid"}
"""
        )
        # Its folder is its own, as the cluster's is the server's (backend.core.server_user).
        hand_over(self.root.parent, [self.root], Path(executable).parent)
        self.process = subprocess.Popen(
            as_server_user([executable, str(self.root / "pgbouncer.ini")], self.root),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(self.url(), connect_timeout=2, prepare_threshold=None) as conn:
                    conn.execute("SELECT 1")
                return self.url()
            except psycopg.OperationalError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
