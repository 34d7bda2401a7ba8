"""Settings: Neon URLs as Neon prints them, and no weak secrets outside development."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from backend.app import create_app
from backend.core.db import connect_args, create_engine
from backend.core.settings import Settings, development_secrets
from tests.helpers import REPO_ROOT, run_cli

STRONG = "s" * 40
NEON_POOLED = (
    "postgres://alex:AbC123dEf@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/dbname"
    "?sslmode=require&channel_binding=require"
)


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def deployed(**values: object) -> Settings:
    """Settings of a real deployment: remote databases are for those only."""
    return settings(
        **{"environment": "production", "jwt_secret": STRONG, "admin_secret_key": STRONG, **values}
    )


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+asyncpg"])
def test_any_postgres_scheme_becomes_psycopg(scheme: str) -> None:
    url = deployed(database_url=f"{scheme}://u:p@db.example/app").app_database_url()
    assert url is not None and url.drivername == "postgresql+psycopg"


def test_neon_pooled_url_keeps_tls_options_and_derives_direct_url() -> None:
    s = deployed(database_url=NEON_POOLED)
    app_url = s.app_database_url()
    direct = s.migration_database_url()
    assert app_url.host == "ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech"
    assert app_url.query == {"sslmode": "require", "channel_binding": "require"}
    assert direct.host == "ep-cool-darkness-123456.us-east-2.aws.neon.tech"
    assert direct.query == app_url.query and direct.password == "AbC123dEf"


def test_explicit_direct_url_wins() -> None:
    s = deployed(database_url=NEON_POOLED, database_direct_url="postgresql://u:p@direct.example/db")
    assert s.migration_database_url().host == "direct.example"


@pytest.mark.parametrize(
    ("urls", "pooled"),
    [
        ({"database_url": NEON_POOLED}, True),
        ({"database_url": "postgresql://u:p@db.example/app"}, False),
        # Any pooler, told apart by a different direct URL (a local PgBouncer, say).
        (
            {
                "database_url": "postgresql://u:p@127.0.0.1:6432/app",
                "database_direct_url": "postgresql://u:p@127.0.0.1:5432/app",
            },
            True,
        ),
        (
            {
                "database_url": "postgresql://u:p@db.example/app",
                "database_direct_url": "postgresql://u:p@db.example/app",
            },
            False,
        ),
        # The owner for migrations, a serving role for the app: one server, no pooler.
        (
            {
                "database_url": "postgresql://app:p@db.example:5432/app",
                "database_direct_url": "postgresql://owner:q@db.example:5432/app",
            },
            False,
        ),
    ],
)
def test_pooled_urls_are_recognised(urls: dict[str, str], pooled: bool) -> None:
    assert deployed(**urls).app_database_is_pooled() is pooled


def test_pooler_connections_disable_prepared_statements() -> None:
    pooled = connect_args(pooled=True)
    direct = connect_args(pooled=False)
    assert pooled["prepare_threshold"] is None and "options" not in pooled
    assert "prepare_threshold" not in direct
    assert "statement_timeout" in str(direct["options"])
    assert 0 < pooled["connect_timeout"] <= 10


def test_engine_pings_and_recycles_before_neon_suspends() -> None:
    engine = create_engine(deployed(database_url=NEON_POOLED).app_database_url(), pooled=True)
    assert engine.pool._pre_ping
    assert 0 < engine.pool._recycle < 300


def test_non_postgres_url_is_refused() -> None:
    with pytest.raises(ValidationError):
        deployed(database_url="mysql://u:p@h/db")


def test_algorithm_none_is_never_accepted() -> None:
    with pytest.raises(ValidationError, match="none"):
        settings(jwt_algorithms="HS256,none")


def test_algorithms_are_comma_separated() -> None:
    assert settings(jwt_algorithms="HS256, HS512").jwt_algorithms == ("HS256", "HS512")


def test_asymmetric_algorithms_need_a_jwks_url() -> None:
    with pytest.raises(ValidationError, match="JWT_JWKS_URL"):
        settings(jwt_algorithms="RS256")


@pytest.mark.parametrize("environment", ["staging", "production"])
def test_outside_development_secrets_are_required_and_strong(environment: str) -> None:
    with pytest.raises(ValidationError, match="JWT_SECRET"):
        settings(environment=environment, admin_secret_key=STRONG)
    with pytest.raises(ValidationError, match="ADMIN_SECRET_KEY"):
        settings(environment=environment, jwt_secret=STRONG)
    with pytest.raises(ValidationError, match="JWT_SECRET is too weak"):
        settings(environment=environment, jwt_secret="short", admin_secret_key=STRONG)
    assert (
        settings(environment=environment, jwt_secret=STRONG, admin_secret_key=STRONG).environment
        == environment
    )


def test_development_needs_no_secrets_and_makes_its_own_per_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for checkout in (first, second):
        checkout.mkdir()
    monkeypatch.chdir(first)
    made = settings()
    assert len(made.jwt_key) >= 32 and len(made.admin_key) >= 32
    assert made.jwt_key != made.admin_key
    # The same checkout agrees with itself (serve and token), and keeps them private...
    assert (settings().jwt_key, settings().admin_key) == (made.jwt_key, made.admin_key)
    secrets_file = first / ".data" / "development-secrets.json"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((first / ".data").stat().st_mode) == 0o700
    # ...while another checkout has secrets of its own.
    monkeypatch.chdir(second)
    assert settings().jwt_key != made.jwt_key and settings().admin_key != made.admin_key


def test_commands_starting_at_once_agree_on_the_development_secrets(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        made = list(pool.map(lambda _: development_secrets(tmp_path / ".data"), range(16)))
    assert all(secrets == made[0] for secrets in made)
    assert [p.name for p in (tmp_path / ".data").iterdir()] == ["development-secrets.json"]


def test_no_secret_that_ships_in_the_repository_is_a_default() -> None:
    source = "\n".join(path.read_text() for path in (REPO_ROOT / "backend").rglob("*.py"))
    assert "development-only-secret" not in source
    assert "DEVELOPMENT_SECRET " not in source


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:p@db.example.com/app",
        "postgresql://u:p@10.0.0.5/app",
        NEON_POOLED,
        "postgresql://u:p@/app?host=db.example.com",
        "postgresql://u:p@localhost/app?hostaddr=10.0.0.5",
        "postgresql://u:p@localhost/app?hostaddr=127.0.0.1,10.0.0.5",
    ],
)
def test_development_refuses_a_database_on_another_machine(url: str) -> None:
    with pytest.raises(ValidationError, match="DATABASE_URL points at another machine") as error:
        settings(database_url=url)
    assert "ENVIRONMENT=staging or production" in str(error.value)
    with pytest.raises(ValidationError, match="DATABASE_DIRECT_URL points at another machine"):
        settings(database_url="postgresql://u:p@127.0.0.1/app", database_direct_url=url)
    assert deployed(database_url=url).app_database_url() is not None


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:p@127.0.0.1:5432/app",
        "postgresql://u:p@localhost/app",
        "postgresql://u:p@[::1]:5432/app",
        "postgresql://u@/app?host=/var/run/postgresql",
    ],
)
def test_development_accepts_a_database_on_this_machine(url: str) -> None:
    assert settings(database_url=url).app_database_url() is not None


@pytest.mark.parametrize(
    ("variable", "value", "url"),
    [
        # libpq takes PGHOST when the URL names no host ...
        ("PGHOST", "db.example.com", "postgresql://u:p@/app"),
        # ... and connects to PGHOSTADDR whatever host the URL names.
        ("PGHOSTADDR", "10.0.0.5", "postgresql://u:p@localhost/app"),
    ],
)
def test_development_checks_the_hosts_libpq_takes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, url: str
) -> None:
    assert settings(database_url=url).app_database_url() is not None
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError, match="DATABASE_URL points at another machine"):
        settings(database_url=url)


def test_development_refuses_a_connection_service_it_cannot_see_into(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ValidationError, match="DATABASE_URL names a connection service"):
        settings(database_url="postgresql://u:p@localhost/app?service=prod")
    monkeypatch.setenv("PGSERVICE", "prod")
    with pytest.raises(ValidationError, match="DATABASE_URL names a connection service"):
        settings(database_url="postgresql://u:p@localhost/app")
    assert deployed(database_url="postgresql://u:p@localhost/app").app_database_url()


@pytest.mark.parametrize("environment", ["staging", "production"])
def test_outside_development_a_jwks_url_must_be_https(environment: str) -> None:
    values = {"jwt_algorithms": "RS256", "admin_secret_key": STRONG, "environment": environment}
    with pytest.raises(ValidationError, match="JWT_JWKS_URL must be an https:// URL"):
        settings(jwt_jwks_url="http://idp.example.com/.well-known/jwks.json", **values)
    assert settings(jwt_jwks_url="https://idp.example.com/jwks.json", **values).jwt_jwks_url


def test_outside_development_missing_audience_hosts_and_weak_metrics_token_are_warned() -> None:
    warnings = deployed().startup_warnings()
    assert any("JWT_AUDIENCE" in warning for warning in warnings)
    assert any("METRICS_TOKEN" in warning for warning in warnings)
    assert any("ALLOWED_HOSTS" in warning for warning in warnings)
    assert any("METRICS_TOKEN" in w for w in deployed(metrics_token="short").startup_warnings())
    complete = {"jwt_audience": "tasks", "metrics_token": STRONG, "allowed_hosts": "a.example"}
    assert deployed(**complete).startup_warnings() == []
    assert settings().startup_warnings() == []


def test_the_warnings_are_logged_once_at_start(
    make_settings: Callable[..., Settings], capsys: pytest.CaptureFixture[str]
) -> None:
    create_app(
        make_settings(
            environment="production", jwt_secret=STRONG, admin_secret_key=STRONG, log_format="json"
        )
    )
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line[:1] == "{"]
    warned = [e["detail"] for e in events if e["event"] == "insecure_configuration"]
    assert len(warned) == 3 and all(e for e in warned)
    assert STRONG not in json.dumps(events)


@pytest.mark.slow  # runs another program in a subprocess
def test_weak_secret_refuses_start_with_one_line_naming_the_variable() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JWT_", "ADMIN_", "DATABASE_"))}
    env.update(ENVIRONMENT="production", JWT_SECRET="tooshort", ADMIN_SECRET_KEY=STRONG)
    result = run_cli("serve", env=env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "JWT_SECRET" in lines[0] and "tooshort" not in lines[0]
