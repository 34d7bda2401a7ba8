"""Configuration: every environment variable of the contract, read and validated in one place."""

from __future__ import annotations

import hashlib
from functools import cached_property
from typing import Annotated, Literal

from pydantic import SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import URL, make_url

# Only for `ENVIRONMENT=development`: a fixed secret lets `taskapi token` and `taskapi serve`
# agree with no set-up. Outside development a real secret is required (see _refuse_weak_secrets).
DEVELOPMENT_SECRET = "development-only-secret-never-use-in-production!"  # noqa: S105
MIN_SECRET_BYTES = 32
HMAC_ALGORITHMS = frozenset({"HS256", "HS384", "HS512"})
JWKS_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)


def driver_url(raw: str) -> URL:
    """Turn a PostgreSQL URL as Neon (or anyone) prints it into a psycopg 3 SQLAlchemy URL."""
    url = make_url(raw.strip())
    if url.get_backend_name() not in ("postgres", "postgresql"):
        raise ValueError("must be a postgres:// or postgresql:// URL")
    # SQLAlchemy rejects `postgres://`, and its default driver for `postgresql://` changed in 2.1.
    return url.set(drivername="postgresql+psycopg")


def is_pooler(url: URL) -> bool:
    """Neon's pooled endpoints are PgBouncer in transaction mode; their host ends in `-pooler`."""
    first_label = (url.host or "").split(".", 1)[0]
    return first_label.endswith("-pooler")


def direct_url(url: URL) -> URL:
    """The non-pooled twin of a Neon URL: the same host without `-pooler`."""
    if not is_pooler(url):
        return url
    first_label, _, rest = (url.host or "").partition(".")
    host = first_label.removesuffix("-pooler") + ("." + rest if rest else "")
    return url.set(host=host)


class Settings(BaseSettings):
    """The platform's configuration; build it once per process and pass it down."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    database_url: SecretStr | None = None
    database_direct_url: SecretStr | None = None
    jwt_secret: SecretStr | None = None
    jwt_algorithms: Annotated[tuple[str, ...], NoDecode] = ("HS256",)
    jwt_audience: str | None = None
    jwt_issuer: str | None = None
    jwt_jwks_url: str | None = None
    admin_secret_key: SecretStr | None = None
    metrics_token: SecretStr | None = None
    environment: Literal["development", "staging", "production"] = "development"
    log_level: Literal["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"] = "INFO"
    log_format: Literal["json", "console"] | None = None

    @field_validator("jwt_algorithms", mode="before")
    @classmethod
    def _split_algorithms(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("jwt_algorithms")
    @classmethod
    def _known_algorithms(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("JWT_ALGORITHMS lists no algorithm")
        for algorithm in value:
            if algorithm.lower() == "none":
                raise ValueError("JWT_ALGORITHMS may not contain 'none'")
            if algorithm not in HMAC_ALGORITHMS | JWKS_ALGORITHMS:
                raise ValueError(f"JWT_ALGORITHMS: unsupported algorithm {algorithm!r}")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("database_url", "database_direct_url")
    @classmethod
    def _valid_database_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            driver_url(value.get_secret_value())
        return value

    @model_validator(mode="after")
    def _refuse_weak_secrets(self) -> Settings:
        uses_hmac = bool(HMAC_ALGORITHMS.intersection(self.jwt_algorithms))
        if not HMAC_ALGORITHMS.issuperset(self.jwt_algorithms) and not self.jwt_jwks_url:
            raise ValueError("JWT_JWKS_URL is required for asymmetric JWT_ALGORITHMS")
        if self.environment == "development":
            return self
        required = {"ADMIN_SECRET_KEY": self.admin_secret_key}
        if uses_hmac or self.jwt_jwks_url is None:
            required["JWT_SECRET"] = self.jwt_secret
        for name, secret in required.items():
            if secret is None or not secret.get_secret_value().strip():
                raise ValueError(f"{name} is required when ENVIRONMENT={self.environment}")
            raw = secret.get_secret_value()
            if len(raw.encode()) < MIN_SECRET_BYTES or raw == DEVELOPMENT_SECRET:
                raise ValueError(
                    f"{name} is too weak: use at least {MIN_SECRET_BYTES} random bytes"
                )
        return self

    @property
    def is_development(self) -> bool:
        return self.environment == "development"

    @property
    def effective_log_format(self) -> str:
        return self.log_format or ("console" if self.is_development else "json")

    @cached_property
    def jwt_key(self) -> str:
        """The HS* signing secret (the fixed development one when unset in development)."""
        if self.jwt_secret is not None:
            return self.jwt_secret.get_secret_value()
        return DEVELOPMENT_SECRET

    @cached_property
    def admin_key(self) -> str:
        if self.admin_secret_key is not None:
            return self.admin_secret_key.get_secret_value()
        return DEVELOPMENT_SECRET

    @cached_property
    def cursor_key(self) -> bytes:
        """Key that signs pagination cursors; derived so no extra variable is needed."""
        return hashlib.sha256(b"taskapi-cursor\x00" + self.admin_key.encode()).digest()

    def app_database_url(self) -> URL | None:
        if self.database_url is None:
            return None
        return driver_url(self.database_url.get_secret_value())

    def migration_database_url(self) -> URL | None:
        if self.database_direct_url is not None:
            return driver_url(self.database_direct_url.get_secret_value())
        app_url = self.app_database_url()
        return direct_url(app_url) if app_url is not None else None

    def app_database_is_pooled(self) -> bool:
        """Whether the app's URL goes through a transaction-mode pooler (PgBouncer): a Neon
        `-pooler` host, or any URL given a different DATABASE_DIRECT_URL beside it."""
        app_url = self.app_database_url()
        if app_url is None:
            return False
        return is_pooler(app_url) or self.migration_database_url() != app_url
