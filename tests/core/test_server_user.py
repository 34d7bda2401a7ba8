"""As root, the embedded PostgreSQL runs as the machine's `nobody`, owning only its own files, so
the database's superuser reaches no more of the machine than `nobody` does; where `nobody`
cannot reach the data, the server runs as before and start-up says why."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import psycopg
import pytest

from backend.core.embedded_db import EmbeddedDatabase
from backend.core.server_user import server_ids

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.geteuid() != 0, reason="only root hands the server to another user; others run it"
    ),
]


def server_uids(cluster: EmbeddedDatabase) -> set[int]:
    """The postmaster's real, effective, saved and filesystem uids."""
    pid = (cluster.pgdata / "postmaster.pid").read_text().split()[0]
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    uid_line = next(line for line in status if line.startswith("Uid:"))
    return {int(value) for value in uid_line.split()[1:]}


def shell_user_of_copy_to_program(cluster: EmbeddedDatabase) -> int:
    """The uid a database superuser's `COPY ... FROM PROGRAM` runs as."""
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute("CREATE TEMP TABLE shell (line text)")
        conn.execute("COPY shell FROM PROGRAM 'id -u'")
        row = conn.execute("SELECT line FROM shell").fetchone()
    assert row is not None
    return int(row[0])


def test_the_server_runs_as_nobody_and_its_superuser_reaches_no_root_file(
    open_folder: Path,
) -> None:
    secret = open_folder / "root-only"
    secret.write_text("root's secret")
    secret.chmod(0o600)
    cluster = EmbeddedDatabase(open_folder / "data")
    cluster.start()
    try:
        nobody, _ = server_ids()
        assert server_uids(cluster) == {nobody}
        assert shell_user_of_copy_to_program(cluster) == nobody
        with (
            psycopg.connect(cluster.url(), autocommit=True) as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege, match="ermission denied"),
        ):
            conn.execute("SELECT pg_read_file(%s)", (str(secret),))
        # The server owns its data and log; the passwords stay root's, and the folder holding
        # them opens for entering only.
        assert (
            cluster.pgdata.stat().st_uid,
            (open_folder / "data" / "postgres.log").stat().st_uid,
        ) == (
            nobody,
            nobody,
        )
        assert (open_folder / "data" / "password").stat().st_uid == 0
        assert (open_folder / "data" / "password").stat().st_mode & 0o077 == 0
        assert (open_folder / "data").stat().st_mode & 0o077 == 0o001, "others may enter, not list"
        assert not (open_folder / "data" / "initdb-password").exists()
    finally:
        cluster.stop()


def test_a_cluster_nobody_cannot_reach_runs_as_before_says_so_and_is_handed_over_later(
    open_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    closed = open_folder / "closed"
    closed.mkdir(mode=0o700)
    cluster = EmbeddedDatabase(closed / "data")
    with caplog.at_level(logging.WARNING, logger="taskapi.embedded_db"):
        cluster.start()
    try:
        warning = next(r.getMessage() for r in caplog.records if "user namespace" in r.getMessage())
        assert f"cannot enter {closed}" in warning
        # In the namespace the machine sees the server as root: what the warning is about.
        assert server_uids(cluster) == {0}
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE TABLE kept (note text)")
            conn.execute("INSERT INTO kept VALUES ('made as root')")
    finally:
        cluster.stop()

    # Opened, the folder's cluster is handed over on its next start, with its data.
    closed.chmod(0o755)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="taskapi.embedded_db"):
        cluster.start()
    try:
        nobody, _ = server_ids()
        assert server_uids(cluster) == {nobody}
        assert not [r for r in caplog.records if "user namespace" in r.getMessage()]
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            assert conn.execute("SELECT note FROM kept").fetchall() == [("made as root",)]
    finally:
        cluster.stop()
