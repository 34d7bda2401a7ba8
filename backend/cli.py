"""The `taskapi` command: serve the platform, migrate the database, create staff, mint tokens."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import TYPE_CHECKING

from pydantic import ValidationError

from backend.accounts.staff import StaffError
from backend.core import migrations
from backend.core.settings import DATA_DIR, Settings
from backend.core.shared_cluster import EmbeddedDatabaseError, shared_cluster
from backend.core.this_machine import is_loopback_address
from backend.models import STAFF_ROLES, TRASH_KEPT, StaffUser

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import async_sessionmaker
    from sqlmodel.ext.asyncio.session import AsyncSession


# How long start-up waits for the database to say whether any staff account exists.
STAFF_CHECK_S = 5


def _settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        # One line per problem, naming the variable; never the offending value.
        for error in exc.errors():
            message = str(error.get("msg", "")).removeprefix("Value error, ")
            field = ".".join(str(part) for part in error.get("loc", ()))
            print(
                f"taskapi: configuration error: {field.upper() + ': ' if field else ''}{message}",
                file=sys.stderr,
            )
        raise SystemExit(2) from None


@contextmanager
def _database(*, logged: bool = False) -> Iterator[tuple[Settings, bool]]:
    """The settings, and whether the database is the embedded one: with DATABASE_URL unset,
    the cluster under .data/ (shared with any other taskapi command using it) for as long as
    the command runs. `logged`: the command's logging is configured, and says when the
    cluster starts and stops (in JSON when the log is); otherwise a line on stderr says it is
    used."""
    settings = _settings()
    if settings.database_url is not None:
        yield settings, False
        return
    with shared_cluster(DATA_DIR.resolve()) as (owner_url, app_url):
        # For uvicorn's workers too: migrations as the owner, serving as the app's own role.
        os.environ["DATABASE_URL"], os.environ["DATABASE_DIRECT_URL"] = app_url, owner_url
        if not logged:
            print(f"taskapi: using the embedded PostgreSQL under {DATA_DIR}/", file=sys.stderr)
        yield _settings(), True


@asynccontextmanager
async def _sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on the app's database for one command; its engine is closed afterwards."""
    from backend.core.db import create_engine, create_session_factory

    engine = create_engine(
        settings.required_app_database_url(), pooled=settings.app_database_is_pooled()
    )
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


def _configure_logging(settings: Settings) -> None:
    """Alembic's and uvicorn's logs in the same format as the app's."""
    from backend.observability.logging import configure_logging

    configure_logging(settings)


def _exit_cleanly(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _serve(args: argparse.Namespace) -> int:
    if _settings().is_development and not is_loopback_address(args.host):
        # Development's secrets sit in a file of this checkout: reachable from this machine only.
        print(
            f"taskapi: refusing to serve on {args.host} while ENVIRONMENT=development: "
            "set ENVIRONMENT=staging or production, with JWT_SECRET and ADMIN_SECRET_KEY",
            file=sys.stderr,
        )
        return 2
    _configure_logging(_settings())
    with _database(logged=True) as (settings, embedded):
        return _run_server(args, settings, embedded=embedded)


def _run_server(args: argparse.Namespace, settings: Settings, *, embedded: bool) -> int:
    import uvicorn

    from backend.observability.process import new_multiprocess_dir

    metrics_dir = new_multiprocess_dir() if args.workers > 1 else None
    if embedded:
        migrations.upgrade_for(settings)
    _announce(args, settings)
    # Uvicorn shuts down gracefully on SIGTERM, then re-raises it to the handler that was in
    # place before: this one, so the embedded database is released and the process exits 0.
    signal.signal(signal.SIGTERM, _exit_cleanly)
    try:
        uvicorn.run(
            "backend.app:create_app_from_environment",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            proxy_headers=False,  # the app's own: backend.core.client_address
            http="backend.core.bounded_http:BoundedHttpToolsProtocol",  # 431 past 16 KiB
            timeout_graceful_shutdown=20,
            access_log=False,
            # Ours (configure_logging), in the server process and every worker.
            log_config=None,
        )
    finally:
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


def _announce(args: argparse.Namespace, settings: Settings) -> None:
    """Where everything is, and (when the database says so) that no one can sign in to the
    back office yet. A database that does not answer within seconds delays nothing more: the
    server starts regardless, as the contract wants."""
    import asyncio

    import structlog

    from backend.accounts.staff import has_staff

    async def nobody() -> bool:
        async with _sessions(settings) as sessions:
            return not await asyncio.wait_for(has_staff(sessions), STAFF_CHECK_S)

    log = structlog.get_logger("taskapi.serve")
    base = f"http://{args.host}:{args.port}"
    log.info("serving", api_docs=f"{base}/docs", back_office=f"{base}/admin")
    try:
        missing = asyncio.run(nobody())
    except Exception:  # unreachable, not migrated yet: /readyz says which
        return
    if missing:
        log.warning(
            "no staff account yet: create the first with "
            "`taskapi create-staff --email you@example.com --role admin`"
        )


def _db(args: argparse.Namespace) -> int:
    with _database() as (settings, _):
        _configure_logging(settings)
        url = migrations.migration_url(settings)
        if args.action == "upgrade":
            migrations.upgrade_for(settings)
            return 0
        try:
            migrations.check(url)
        except Exception as exc:  # alembic raises several types; each means "not in step"
            print(f"taskapi: database check failed: {exc}", file=sys.stderr)
            return 1
        print("taskapi: database is at head and matches the models")
        return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    password = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != password:
        raise StaffError("the passwords do not match")
    return password


def _create_staff(args: argparse.Namespace) -> int:
    import asyncio

    from backend.accounts.staff import add_staff, new_staff_user

    async def add(settings: Settings, staff: StaffUser) -> None:
        async with _sessions(settings) as sessions:
            await add_staff(sessions, staff)

    try:
        # Checked before any database is touched, so a short password costs nothing.
        staff = new_staff_user(email=args.email, role=args.role, password=_read_password(args))
        with _database() as (settings, embedded):
            if embedded:
                migrations.upgrade_for(settings)
            asyncio.run(add(settings, staff))
    except StaffError as exc:
        print(f"taskapi: cannot create the staff account: {exc}", file=sys.stderr)
        return 1
    print(f"taskapi: created {staff.role} staff account {staff.email}")
    return 0


def _purge_trash(args: argparse.Namespace) -> int:
    import asyncio

    from backend.tasks.trash import purge_expired_trash

    async def purge(settings: Settings) -> int:
        async with _sessions(settings) as sessions, sessions() as session:
            return await purge_expired_trash(session)

    with _database() as (settings, _):
        purged = asyncio.run(purge(settings))
    print(f"taskapi: purged {purged} deleted tasks past their {TRASH_KEPT.days} days")
    return 0


def _token(args: argparse.Namespace) -> int:
    from backend.accounts.tokens import mint_token

    print(mint_token(_settings(), user_id=args.user_id, email=args.email, ttl_s=args.ttl))
    return 0


def _seconds(text: str) -> int:
    """A token's lifetime: whole seconds, at least 1 (less would print an expired token)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("must be a whole number of seconds, at least 1")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="taskapi", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the API, back office and metrics")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(run=_serve)

    db = commands.add_parser("db", help="database migrations")
    db.add_argument("action", choices=["upgrade", "check"])
    db.set_defaults(run=_db)

    staff = commands.add_parser(
        "create-staff", help="create a back-office account", allow_abbrev=False
    )
    staff.add_argument("--email", required=True)
    staff.add_argument("--role", required=True, choices=STAFF_ROLES)
    staff.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin instead of prompting",
    )
    staff.set_defaults(run=_create_staff)

    purge = commands.add_parser("purge-trash", help="delete trashed tasks past 30 days (cron)")
    purge.set_defaults(run=_purge_trash)

    token = commands.add_parser("token", help="print a signed JWT for trying the API")
    token.add_argument("--user-id", type=uuid.UUID, required=True)
    token.add_argument("--email")
    token.add_argument(
        "--ttl",
        type=_seconds,
        default=3600,
        help="seconds until it expires (at least 1; the API accepts a token up to 30 s past it)",
    )
    token.set_defaults(run=_token)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except EmbeddedDatabaseError as exc:
        print(f"taskapi: {exc}", file=sys.stderr)
        return 1
    except migrations.MigrationError as exc:
        print(f"taskapi: the database cannot be migrated: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
