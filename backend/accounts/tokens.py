"""Bearer tokens: verifying the identity provider's JWTs, and minting development tokens."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import anyio.to_thread
import jwt
import structlog

from backend.accounts.jwks import JwksKeys
from backend.core.errors import InvalidToken, NotAuthenticated, TokenExpired
from backend.core.settings import HMAC_ALGORITHMS, Settings
from backend.models import EMAIL_MAX

log = structlog.get_logger("taskapi.security")

LEEWAY_S = 30
# A token longer than this is refused unparsed: parsing costs time on the event loop.
MAX_TOKEN_BYTES = 8 * 1024
# Verified tokens remembered, so a client's repeated requests skip the signature check; only
# tokens of ordinary size, so the memory stays bounded in bytes too (10,000 tokens of 2 KiB at most).
TOKEN_CACHE_SIZE = 10_000
CACHED_TOKEN_MAX_BYTES = 2 * 1024


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a verified token speaks for."""

    user_id: uuid.UUID
    email: str | None
    name: str | None


class VerifiedTokens:
    """Tokens already verified, each kept until its `exp` and no longer; never a refusal.

    Keyed by the exact token string, so only the very same signed bytes are served from here.
    A token checked against a JWKS is served only while that key set is current and fresh:
    each entry carries the set's generation (None for a shared-secret token). Bounded: when
    full, the oldest entry goes.
    """

    def __init__(self, size: int = TOKEN_CACHE_SIZE) -> None:
        self._size = size
        self._entries: dict[str, tuple[Principal, float, int | None]] = {}

    def get(self, token: str, generation: int | None) -> Principal | None:
        entry = self._entries.get(token)
        if entry is None:
            return None
        principal, expires_at, checked_against = entry
        if expires_at <= time.time():
            del self._entries[token]
            return None
        if checked_against is not None and checked_against != generation:
            return None
        return principal

    def put(
        self, token: str, principal: Principal, expires_at: float, generation: int | None
    ) -> None:
        if len(token) > CACHED_TOKEN_MAX_BYTES:
            return
        if len(self._entries) >= self._size:
            del self._entries[next(iter(self._entries))]
        self._entries[token] = (principal, expires_at, generation)

    def __len__(self) -> int:
        return len(self._entries)


class TokenVerifier:
    """Verifies bearer tokens as the settings say; built once per app."""

    def __init__(self, settings: Settings) -> None:
        self.verified = VerifiedTokens()
        self._algorithms = frozenset(settings.jwt_algorithms)
        self._secret = settings.jwt_key
        self._audience = settings.jwt_audience
        self._issuer = settings.jwt_issuer
        self._jwks = JwksKeys(settings.jwt_jwks_url) if settings.jwt_jwks_url else None
        required = ["exp", "sub"]
        if self._audience:
            required.append("aud")
        if self._issuer:
            required.append("iss")
        self._options = {"require": required, "verify_aud": bool(self._audience)}

    async def verify(self, authorization: str | None) -> Principal:
        """Check an `Authorization` header value and return whom the token speaks for."""
        token = _bearer_token(authorization)
        current = self._jwks.fresh_generation() if self._jwks is not None else None
        known = self.verified.get(token, current)
        if known is not None:
            return known
        if len(token) > MAX_TOKEN_BYTES:
            raise InvalidToken()
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError:
            raise InvalidToken() from None
        algorithm = header.get("alg")
        if not isinstance(algorithm, str) or algorithm not in self._algorithms:
            raise InvalidToken()
        # One key source per algorithm family: an HMAC secret never verifies an asymmetric
        # algorithm's token and a JWKS key never an HMAC one, so algorithms cannot be confused.
        key: object
        # The key set this token is checked against (None: the shared secret).
        checked_against: int | None = None
        if algorithm in HMAC_ALGORITHMS:
            key = self._secret
        else:
            assert self._jwks is not None  # Settings refuse asymmetric algorithms without a JWKS.
            checked_against = self._jwks.generation
            kid = header.get("kid")
            kid = kid if isinstance(kid, str) else None
            jwk = self._jwks.cached_key_for(kid)
            if jwk is None:
                # Fetching the key set blocks on the network: never on the event loop.
                jwk = await anyio.to_thread.run_sync(self._jwks.key_for, kid)
            # PyJWK keeps the JWK's own "alg" only in its raw data.
            declared = jwk._jwk_data.get("alg")
            if declared is not None and declared != algorithm:
                raise InvalidToken()
            key = jwk.key
        try:
            claims = jwt.decode(
                token,
                key,  # type: ignore[arg-type]
                algorithms=[algorithm],
                audience=self._audience,
                issuer=self._issuer,
                leeway=LEEWAY_S,
                options=self._options,  # type: ignore[arg-type]
            )
        except jwt.ExpiredSignatureError:
            raise TokenExpired() from None
        except jwt.PyJWTError:
            # Also covers a key of the wrong type for the algorithm (InvalidKeyError).
            raise InvalidToken() from None
        principal = _principal(claims)
        # A token whose key set changed while it was checked is not remembered: it may have
        # been checked against a key that has just left the set.
        if self._jwks is None or checked_against in (None, self._jwks.generation):
            self.verified.put(token, principal, float(claims["exp"]), checked_against)
        return principal


def _bearer_token(authorization: str | None) -> str:
    if not authorization:
        raise NotAuthenticated()
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated()
    return token.strip()


def _principal(claims: dict[str, object]) -> Principal:
    sub = claims.get("sub")
    try:
        user_id = uuid.UUID(sub) if isinstance(sub, str) else None
    except ValueError:
        user_id = None
    if user_id is None:
        raise InvalidToken()
    return Principal(
        user_id=user_id,
        email=_short_text(claims.get("email"), EMAIL_MAX),
        name=_short_text(claims.get("name"), 255),
    )


def _short_text(value: object, limit: int) -> str | None:
    if isinstance(value, str) and 0 < len(value) <= limit and "\x00" not in value:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return None
        return value
    return None


def mint_token(
    settings: Settings, *, user_id: uuid.UUID, email: str | None = None, ttl_s: int = 3600
) -> str:
    """A token signed with the shared secret, as the identity provider would issue it."""
    algorithm = next((a for a in settings.jwt_algorithms if a in HMAC_ALGORITHMS), None)
    if algorithm is None:
        raise ValueError("JWT_ALGORITHMS has no HMAC algorithm to sign with")
    now = int(time.time())
    claims: dict[str, object] = {"sub": str(user_id), "iat": now, "exp": now + ttl_s}
    if email:
        claims["email"] = email
    if settings.jwt_audience:
        claims["aud"] = settings.jwt_audience
    if settings.jwt_issuer:
        claims["iss"] = settings.jwt_issuer
    return jwt.encode(claims, settings.jwt_key, algorithm=algorithm)
