"""Who the embedded PostgreSQL (and the tests' PgBouncer) run as when a `taskapi` command is root.

PostgreSQL refuses to run as root. As root, the server runs as the machine's `nobody`, which
owns the server's files and nothing else: a database superuser's `COPY ... TO PROGRAM` or
`pg_read_file` reaches no more of the machine than `nobody` can.

`nobody` must be able to enter the folders on the way to those files and to the PostgreSQL
binaries. Where one is closed to it (a checkout under a home folder only root may enter), the
server runs as before: in a user namespace where it is not root, but which the machine sees as
root. Start-up then warns and names the closed folder.
"""

from __future__ import annotations

import logging
import os
import pwd
import shutil
import stat
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("taskapi.embedded_db")

SERVER_USER = "nobody"


class ServerUserError(RuntimeError):
    """A tool needed to leave root is missing."""


def server_ids() -> tuple[int, int]:
    """SERVER_USER's uid and gid."""
    entry = pwd.getpwnam(SERVER_USER)
    return entry.pw_uid, entry.pw_gid


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ServerUserError(f"running as root needs `{name}` (util-linux) to start PostgreSQL")
    return found


def as_server_user(argv: list[str], files: Path) -> list[str]:
    """`argv` run as the owner of `files` when we are root: SERVER_USER once `hand_over` gave
    them to it, else (files still root's) in a user namespace."""
    if os.geteuid() != 0:
        return argv
    uid, gid = server_ids()
    if files.exists() and files.stat().st_uid == uid:
        drop = [f"--reuid={uid}", f"--regid={gid}", "--clear-groups", "--"]
        return [_tool("setpriv"), *drop, *argv]
    return [_tool("unshare"), "--user", "--map-user=1000", "--map-group=1000", *argv]


def _closed_folder(path: Path, uid: int, gid: int) -> Path | None:
    """The first folder from / down to `path` that `uid` may not enter, if any."""
    for folder in [*reversed(path.parents), path]:
        st = folder.stat()
        if st.st_uid == uid:
            bit = stat.S_IXUSR
        elif st.st_gid == gid:
            bit = stat.S_IXGRP
        else:
            bit = stat.S_IXOTH
        if not st.st_mode & bit:
            return folder
    return None


def hand_over(home: Path, files: Sequence[Path], binaries: Path) -> None:
    """As root, give `files` (each with everything under it) to SERVER_USER and open `home`, the
    folder of ours holding them, for entering (not for listing): when SERVER_USER can reach
    `home` and `binaries`. Otherwise leave everything root's and warn. Not as root: nothing."""
    if os.geteuid() != 0:
        return
    uid, gid = server_ids()
    closed = _closed_folder(home.parent, uid, gid) or _closed_folder(binaries, uid, gid)
    if closed is not None:
        log.warning(
            "the embedded PostgreSQL runs in a user namespace that this machine sees as root, "
            "because the user %s cannot enter %s: keep the data folder and PostgreSQL where "
            "every user may enter, or run as an ordinary user, to have it run as %s",
            SERVER_USER,
            closed,
            SERVER_USER,
        )
        return
    home.chmod(stat.S_IMODE(home.stat().st_mode) | stat.S_IXOTH)
    for top in files:
        if top.stat().st_uid == uid:  # handed over before
            continue
        os.chown(top, uid, gid, follow_symlinks=False)
        for folder, dirs, names in os.walk(top):
            for name in [*dirs, *names]:
                os.chown(os.path.join(folder, name), uid, gid, follow_symlinks=False)
