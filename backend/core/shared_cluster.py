"""One embedded cluster shared by every `taskapi` command that uses it at once."""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from backend.core.embedded_db import (
    START_LOCK,
    STARTED_MARKER,
    USERS_LOCK,
    EmbeddedDatabase,
    EmbeddedDatabaseError,
)

__all__ = ["EmbeddedDatabaseError", "shared_cluster"]

log = logging.getLogger("taskapi.embedded_db")


@contextmanager
def shared_cluster(root: Path) -> Iterator[tuple[str, str]]:
    """The cluster under `root`, started unless it runs, for as long as the caller needs it.

    Every `taskapi` command using the embedded database holds a shared lock (USERS_LOCK) while
    it does; starting and stopping happen under a second lock (START_LOCK) held alone, so two
    commands never race. The last command out stops the cluster, and only when one of them
    started it: a cluster started some other way is left running.
    """
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    marker = root / STARTED_MARKER
    cluster = EmbeddedDatabase(root)
    with (root / START_LOCK).open("a") as starting, (root / USERS_LOCK).open("a") as users:
        fcntl.flock(starting, fcntl.LOCK_EX)
        try:
            if not cluster.running:
                url = cluster.start()
                marker.touch()
                log.info("embedded PostgreSQL started under %s", root)
            else:
                url = cluster.start()
                log.info("embedded PostgreSQL under %s already running: using it", root)
            fcntl.flock(users, fcntl.LOCK_SH)
        finally:
            fcntl.flock(starting, fcntl.LOCK_UN)
        try:
            yield url, cluster.app_url()
        finally:
            fcntl.flock(starting, fcntl.LOCK_EX)
            try:
                # Exclusive only if no other command holds its shared lock.
                fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
                last_out = True
            except BlockingIOError:
                last_out = False
            if last_out and marker.exists():
                cluster.stop()
                marker.unlink()
                log.info("embedded PostgreSQL stopped")
