"""Configuration: every environment variable of the contract, read and validated in one place."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import URL, make_url

from backend.core.this_machine import database_hosts, is_local_host

# The embedded database's folder, relative to where `taskapi` runs; in development the
# secrets it makes for itself live there too.
DATA_DIR = Path(".data")
DEVELOPMENT_SECRETS_FILE = "development-secrets.json"
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


def development_secrets(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Random secrets of this checkout, made on first use and kept beside the embedded
    database (mode 0600), so `taskapi serve` and `taskapi token` agree with no set-up while no
    secret that ships in the repository is ever accepted."""
    path = data_dir / DEVELOPMENT_SECRETS_FILE
    if not path.exists():
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        made = {
            "jwt_secret": secrets.token_urlsafe(32),
            "admin_secret_key": secrets.token_urlsafe(32),
        }
        draft = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            json.dump(made, file)
        try:
            # A link fails if the file exists: of two commands starting at once, one wins and
            # both then read what it wrote.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return dict(json.loads(path.read_text()))


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
    # Tracing (backend.observability.tracing): on when the endpoint is set. OpenTelemetry's SDK
    # reads the other OTEL_* variables (headers, timeout, sampler) itself.
    otel_exporter_otlp_endpoint: str | None = None
    otel_service_name: str = "taskapi"
    # Requests a minute one user may make to the task API on one process; 0 turns it off.
    api_rate_limit: Annotated[int, Field(ge=0)] = 600
    # Proxies whose X-Forwarded-For is believed (backend.core.client_address): addresses or
    # networks, comma-separated, or "*"; uvicorn's variable, read here with the rest.
    forwarded_allow_ips: str = "127.0.0.1"
    # Host names the platform answers for (backend.core.allowed_hosts); empty: any.
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = ()

    @field_validator("jwt_algorithms", "allowed_hosts", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("allowed_hosts")
    @classmethod
    def _lower_hosts(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(host.lower() for host in value)

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
            return self._refuse_remote_database()
        if self.jwt_jwks_url is not None and not self.jwt_jwks_url.lower().startswith("https://"):
            # Keys fetched in the clear can be swapped on the way: anyone could sign tokens.
            raise ValueError(
                f"JWT_JWKS_URL must be an https:// URL when ENVIRONMENT={self.environment}"
            )
        required = {"ADMIN_SECRET_KEY": self.admin_secret_key}
        if uses_hmac or self.jwt_jwks_url is None:
            required["JWT_SECRET"] = self.jwt_secret
        for name, secret in required.items():
            if secret is None or not secret.get_secret_value().strip():
                raise ValueError(f"{name} is required when ENVIRONMENT={self.environment}")
            raw = secret.get_secret_value()
            if len(raw.encode()) < MIN_SECRET_BYTES:
                raise ValueError(
                    f"{name} is too weak: use at least {MIN_SECRET_BYTES} random bytes"
                )
        return self

    def _refuse_remote_database(self) -> Settings:
        # Development signs with secrets anyone with this folder can read: never against a
        # database that real users' data may be in.
        for name, value in (
            ("DATABASE_URL", self.database_url),
            ("DATABASE_DIRECT_URL", self.database_direct_url),
        ):
            if value is None:
                continue
            try:
                local = all(
                    is_local_host(host)
                    for host in database_hosts(driver_url(value.get_secret_value()))
                )
            except ValueError as why:
                raise ValueError(
                    f"{name} {why} while ENVIRONMENT=development: set ENVIRONMENT=staging or "
                    "production, with JWT_SECRET and ADMIN_SECRET_KEY"
                ) from None
            if not local:
                raise ValueError(
                    f"{name} points at another machine while ENVIRONMENT=development: "
                    "set ENVIRONMENT=staging or production, with JWT_SECRET and ADMIN_SECRET_KEY"
                )
        return self

    def startup_warnings(self) -> list[str]:
        """What a deployment outside development should set, said once at start."""
        if self.is_development:
            return []
        warnings = []
        if not self.jwt_audience:
            warnings.append(
                "JWT_AUDIENCE is unset: tokens the identity provider issued for other "
                "applications are accepted too"
            )
        if not self.allowed_hosts:
            warnings.append(
                "ALLOWED_HOSTS is unset: any Host header is answered, and the back office's "
                "redirects follow it"
            )
        metrics_token = self.metrics_token.get_secret_value() if self.metrics_token else ""
        if len(metrics_token.encode()) < MIN_SECRET_BYTES:
            warnings.append(
                f"METRICS_TOKEN is unset or shorter than {MIN_SECRET_BYTES} bytes: "
                "/metrics is open or guessable"
            )
        return warnings

    @property
    def is_development(self) -> bool:
        return self.environment == "development"

    @property
    def effective_log_format(self) -> str:
        return self.log_format or ("console" if self.is_development else "json")

    @cached_property
    def jwt_key(self) -> str:
        """The HS* signing secret (in development, when unset, this checkout's own)."""
        if self.jwt_secret is not None:
            return self.jwt_secret.get_secret_value()
        return development_secrets()["jwt_secret"]

    @cached_property
    def admin_key(self) -> str:
        if self.admin_secret_key is not None:
            return self.admin_secret_key.get_secret_value()
        return development_secrets()["admin_secret_key"]

    @cached_property
    def cursor_key(self) -> bytes:
        """Key that signs pagination cursors; derived so no extra variable is needed."""
        return hashlib.sha256(b"taskapi-cursor\x00" + self.admin_key.encode()).digest()

    def app_database_url(self) -> URL | None:
        if self.database_url is None:
            return None
        return driver_url(self.database_url.get_secret_value())

    def required_app_database_url(self) -> URL:
        url = self.app_database_url()
        if url is None:
            raise RuntimeError(
                "DATABASE_URL is not set (`taskapi serve` starts an embedded database)"
            )
        return url

    def migration_database_url(self) -> URL | None:
        if self.database_direct_url is not None:
            return driver_url(self.database_direct_url.get_secret_value())
        app_url = self.app_database_url()
        return direct_url(app_url) if app_url is not None else None

    def app_database_is_pooled(self) -> bool:
        """Whether the app's URL goes through a transaction-mode pooler (PgBouncer): a Neon
        `-pooler` host, or any URL given a DATABASE_DIRECT_URL to another server beside it
        (another role on the same server, for migrations, is not a pooler)."""
        app_url = self.app_database_url()
        migration_url = self.migration_database_url()
        if app_url is None or migration_url is None:
            return False
        server = (app_url.host, app_url.port, app_url.database)
        elsewhere = (migration_url.host, migration_url.port, migration_url.database)
        return is_pooler(app_url) or server != elsewhere
