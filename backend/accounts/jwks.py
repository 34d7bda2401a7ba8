"""The identity provider's signing keys, fetched from its JWKS endpoint (for asymmetric
tokens; backend.accounts.tokens verifies with them)."""

from __future__ import annotations

import math
import threading
import time

import structlog
from jwt import PyJWK, PyJWKClient, PyJWKSet

from backend.core.errors import InvalidToken

log = structlog.get_logger("taskapi.security")

JWKS_CACHE_S = 300
JWKS_FETCH_TIMEOUT_S = 5
# An unknown `kid` may mean the provider rotated keys; refetch, but not on every bad token.
JWKS_MIN_REFRESH_INTERVAL_S = 30


class JwksKeys:
    """The identity provider's signing keys, from its JWKS endpoint.

    The last good key set stays in use while a refresh fails, and an answer that is not a key
    set (HTML, empty, not JSON, no usable key) counts as a failed refresh. A stale set is
    refreshed at most once per JWKS_MIN_REFRESH_INTERVAL_S, as is a set that lacks a token's
    `kid`; only one thread fetches at a time and no lock is held while it does, so requests
    whose key is already known never wait on the network.
    """

    def __init__(self, url: str) -> None:
        # PyJWKClient for the request itself (headers, timeout, TLS); its caches are not
        # used because they forget the last good set when a refresh fails.
        self._client = PyJWKClient(
            url, cache_jwk_set=False, cache_keys=False, timeout=JWKS_FETCH_TIMEOUT_S
        )
        # Moves on whenever the set's keys change: what a verified token was checked against.
        self.generation = 0
        self._keys: PyJWKSet | None = None
        self._fetched_at = -math.inf
        # Each reason to fetch has its own interval: a token with an unknown `kid` right after
        # the first fetch may still bring a rotated key in.
        self._last_attempt = dict.fromkeys(("no_set", "stale", "unknown_kid"), -math.inf)
        self._fetching: threading.Event | None = None
        self._lock = threading.Lock()

    def fresh_generation(self) -> int | None:
        """The set's generation while it is fresh; None when a refresh is due (then nothing
        checked against it is served from memory, and the next check brings the refresh)."""
        if self._keys is None or time.monotonic() - self._fetched_at >= JWKS_CACHE_S:
            return None
        return self.generation

    def cached_key_for(self, kid: str | None) -> PyJWK | None:
        """The key from a still-fresh set, without blocking; None means `key_for`."""
        keys = self._keys
        if keys is None or time.monotonic() - self._fetched_at >= JWKS_CACHE_S:
            return None
        return self._find(keys, kid)

    def key_for(self, kid: str | None) -> PyJWK:
        """The key that `kid` names (blocking: call from a worker thread)."""
        key = self._find(self._keys, kid)
        if self._keys is None:
            self._refresh("no_set")
        elif key is None:
            self._refresh("unknown_kid")
        elif time.monotonic() - self._fetched_at >= JWKS_CACHE_S:
            self._refresh("stale")
        key = self._find(self._keys, kid)
        if key is None:
            raise InvalidToken()
        return key

    def _refresh(self, reason: str) -> None:
        """Fetch the set if no other thread is and this reason's interval allows it; a thread
        that finds no set at all waits for a fetch already under way."""
        with self._lock:
            now = time.monotonic()
            in_flight = self._fetching
            if in_flight is None:
                if now - self._last_attempt[reason] < JWKS_MIN_REFRESH_INTERVAL_S:
                    return
                self._last_attempt[reason] = now
                self._fetching = threading.Event()
        if in_flight is not None:
            if self._keys is None:
                in_flight.wait(timeout=JWKS_FETCH_TIMEOUT_S + 1)
            return
        try:
            fetched = self._fetch()
            with self._lock:
                if fetched is not None:
                    previous, self._keys = self._keys, fetched
                    self._fetched_at = time.monotonic()
                    if previous is not None and _key_data(previous) != _key_data(fetched):
                        # Tokens checked against the old set are not served from memory.
                        self.generation += 1
        finally:
            with self._lock:
                done, self._fetching = self._fetching, None
            if done is not None:
                done.set()

    def _fetch(self) -> PyJWKSet | None:
        try:
            key_set = PyJWKSet.from_dict(self._client.fetch_data())
        except Exception as exc:
            log.warning("jwks_refresh_failed", error_type=type(exc).__name__)
            return None
        return key_set

    @staticmethod
    def _find(key_set: PyJWKSet | None, kid: str | None) -> PyJWK | None:
        if key_set is None:
            return None
        signing = [k for k in key_set.keys if k.public_key_use in (None, "sig")]
        if kid is None:
            return signing[0] if len(signing) == 1 else None
        return next((k for k in signing if k.key_id == kid), None)


def _key_data(key_set: PyJWKSet) -> list[dict[str, object]]:
    return [key._jwk_data for key in key_set.keys]
