"""Settings: Neon URLs as Neon prints them, and no weak secrets outside development."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError

from backend.db import connect_args, create_engine
from backend.settings import Settings
from tests.helpers import run_cli

STRONG = "s" * 40
NEON_POOLED = (
    "postgres://alex:AbC123dEf@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/dbname"
    "?sslmode=require&channel_binding=require"
)


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+asyncpg"])
def test_any_postgres_scheme_becomes_psycopg(scheme: str) -> None:
    url = settings(database_url=f"{scheme}://u:p@db.example/app").app_database_url()
    assert url is not None and url.drivername == "postgresql+psycopg"


def test_neon_pooled_url_keeps_tls_options_and_derives_direct_url() -> None:
    s = settings(database_url=NEON_POOLED)
    app_url = s.app_database_url()
    direct = s.migration_database_url()
    assert app_url.host == "ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech"
    assert app_url.query == {"sslmode": "require", "channel_binding": "require"}
    assert direct.host == "ep-cool-darkness-123456.us-east-2.aws.neon.tech"
    assert direct.query == app_url.query and direct.password == "AbC123dEf"


def test_explicit_direct_url_wins() -> None:
    s = settings(database_url=NEON_POOLED, database_direct_url="postgresql://u:p@direct.example/db")
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
    ],
)
def test_pooled_urls_are_recognised(urls: dict[str, str], pooled: bool) -> None:
    assert settings(**urls).app_database_is_pooled() is pooled


def test_pooler_connections_disable_prepared_statements() -> None:
    pooled = connect_args(pooled=True)
    direct = connect_args(pooled=False)
    assert pooled["prepare_threshold"] is None and "options" not in pooled
    assert "prepare_threshold" not in direct
    assert "statement_timeout" in str(direct["options"])
    assert 0 < pooled["connect_timeout"] <= 10


def test_engine_pings_and_recycles_before_neon_suspends() -> None:
    engine = create_engine(settings(database_url=NEON_POOLED).app_database_url(), pooled=True)
    assert engine.pool._pre_ping
    assert 0 < engine.pool._recycle < 300


def test_non_postgres_url_is_refused() -> None:
    with pytest.raises(ValidationError):
        settings(database_url="mysql://u:p@h/db")


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


def test_development_needs_no_secrets() -> None:
    assert settings().jwt_key and settings().admin_key


def test_weak_secret_refuses_start_with_one_line_naming_the_variable() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JWT_", "ADMIN_", "DATABASE_"))}
    env.update(ENVIRONMENT="production", JWT_SECRET="tooshort", ADMIN_SECRET_KEY=STRONG)
    result = run_cli("serve", env=env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "JWT_SECRET" in lines[0] and "tooshort" not in lines[0]
