"""Asymmetric tokens verified against a JWKS served on loopback, and no algorithm confusion."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from jwt.algorithms import OKPAlgorithm, RSAAlgorithm

import backend.accounts.jwks
from tests.helpers import TEST_SECRET, make_token

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ED_KEY = ed25519.Ed25519PrivateKey.generate()


def _jwks() -> dict:
    rsa_jwk = json.loads(RSAAlgorithm.to_jwk(RSA_KEY.public_key()))
    ed_jwk = json.loads(OKPAlgorithm.to_jwk(ED_KEY.public_key()))
    return {
        "keys": [{**rsa_jwk, "kid": "rsa-1", "use": "sig"}, {**ed_jwk, "kid": "ed-1", "use": "sig"}]
    }


class JwksServer:
    """A JWKS endpoint on loopback whose answer and status a test can change, and which a test
    can hold: requests then wait, unanswered, until `answering` is set again."""

    def __init__(self) -> None:
        self.body = json.dumps(_jwks()).encode()
        self.status = 200
        self.content_type = "application/json"
        self.answering = threading.Event()
        self.answering.set()
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests += 1
                outer.answering.wait()
                self.send_response(outer.status)
                self.send_header("Content-Type", outer.content_type)
                self.end_headers()
                self.wfile.write(outer.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/.well-known/jwks.json"
        # Polled often, so that stopping it (at every test's end) takes no noticeable time.
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        self.answering.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def jwks_server() -> Iterator[JwksServer]:
    server = JwksServer()
    yield server
    server.stop()


def _rsa_token(
    sub: uuid.UUID, kid: str = "rsa-1", algorithm: str = "RS256", key: object = RSA_KEY
) -> str:
    # A `jti` of its own, so no two calls give the same token (the platform remembers tokens).
    return make_token(
        sub, secret=key, algorithm=algorithm, ttl_s=600, headers={"kid": kid}, jti=uuid.uuid4().hex
    )


def _ed_token(sub: uuid.UUID) -> str:
    return make_token(sub, secret=ED_KEY, algorithm="EdDSA", ttl_s=600, headers={"kid": "ed-1"})


def _get(client, sub: uuid.UUID, token: str):
    return client.get(f"/api/{sub}/tasks", headers={"Authorization": f"Bearer {token}"})


def test_rs256_and_eddsa_tokens_verify_against_jwks(make_client, jwks_server: JwksServer) -> None:
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256,EdDSA")
    sub = uuid.uuid4()
    assert _get(client, sub, _rsa_token(sub)).status_code == 200
    assert _get(client, sub, _ed_token(sub)).status_code == 200


def test_unknown_kid_and_disallowed_algorithms_are_invalid(
    make_client, jwks_server: JwksServer
) -> None:
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256")
    sub = uuid.uuid4()
    assert _get(client, sub, _rsa_token(sub, kid="nope")).json()["code"] == "invalid_token"
    assert _get(client, sub, _ed_token(sub)).json()["code"] == "invalid_token"
    # The shared secret is not accepted when only RS256 is configured.
    assert _get(client, sub, make_token(sub, secret=TEST_SECRET)).json()["code"] == "invalid_token"


def test_public_key_used_as_hmac_secret_is_refused(make_client, jwks_server: JwksServer) -> None:
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="HS256,RS256")
    sub = uuid.uuid4()
    public_pem = RSA_KEY.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    # The classic confusion: an HS256 token whose "secret" is the public RSA key.
    forged = _hmac_with_raw_key(sub, public_pem)
    assert _get(client, sub, forged).json()["code"] == "invalid_token"
    # Both families still work with their own keys.
    assert _get(client, sub, make_token(sub)).status_code == 200
    assert _get(client, sub, _rsa_token(sub)).status_code == 200


def _hmac_with_raw_key(sub: uuid.UUID, key: bytes) -> str:
    """Signed by hand: PyJWT itself refuses a PEM key as an HMAC secret."""

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "rsa-1"}).encode())
    payload = b64(json.dumps({"sub": str(sub), "exp": int(time.time()) + 600}).encode())
    signature = hmac.new(key, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


def test_last_good_key_set_survives_failed_refresh(
    make_client, jwks_server: JwksServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backend.accounts.jwks, "JWKS_CACHE_S", 0.5)
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256")
    sub = uuid.uuid4()
    assert _get(client, sub, _rsa_token(sub)).status_code == 200

    jwks_server.stop()
    time.sleep(1.0)  # the cached set is now stale, and refreshing it fails

    assert _get(client, sub, _rsa_token(sub)).status_code == 200
    assert _get(client, sub, _rsa_token(sub, kid="rotated")).json()["code"] == "invalid_token"


def test_jwks_fetch_failure_without_any_key_set_is_invalid_token(make_client) -> None:
    client = make_client(jwt_jwks_url="http://127.0.0.1:9/jwks.json", jwt_algorithms="RS256")
    sub = uuid.uuid4()
    response = _get(client, sub, _rsa_token(sub))
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_token"


def test_a_key_rotated_out_of_the_jwks_is_no_longer_honoured_from_memory(
    make_client, jwks_server: JwksServer
) -> None:
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256")
    sub = uuid.uuid4()
    old_token = _rsa_token(sub)
    assert _get(client, sub, old_token).status_code == 200

    # The provider replaces rsa-1 by rsa-2; the first token signed with rsa-2 makes the
    # platform fetch the new set, and what rsa-1 verified is forgotten with it.
    new_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    new_jwk = json.loads(RSAAlgorithm.to_jwk(new_key.public_key()))
    jwks_server.body = json.dumps({"keys": [{**new_jwk, "kid": "rsa-2", "use": "sig"}]}).encode()
    assert _get(client, sub, _rsa_token(sub, kid="rsa-2", key=new_key)).status_code == 200

    assert _get(client, sub, old_token).json()["code"] == "invalid_token"


def test_a_token_is_not_served_from_memory_past_its_key_sets_freshness(
    make_client, jwks_server: JwksServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No token with a new kid comes to make the platform look: the set goes stale, and a
    remembered token is checked again, against the set as it is now."""
    monkeypatch.setattr(backend.accounts.jwks, "JWKS_CACHE_S", 0.2)
    monkeypatch.setattr(backend.accounts.jwks, "JWKS_MIN_REFRESH_INTERVAL_S", 0.0)
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256,EdDSA")
    sub = uuid.uuid4()
    token = _rsa_token(sub)
    assert _get(client, sub, token).status_code == 200
    assert _get(client, sub, token).status_code == 200  # from memory
    without_rsa = {"keys": [k for k in _jwks()["keys"] if k["kid"] != "rsa-1"]}
    jwks_server.body = json.dumps(without_rsa).encode()
    time.sleep(0.3)
    assert _get(client, sub, token).json()["code"] == "invalid_token"


def test_a_token_checked_while_the_key_set_changed_is_not_remembered(
    make_client, jwks_server: JwksServer
) -> None:
    """Its key came from a refresh that replaced the set: it is verified, but not kept."""
    new_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    new_jwk = json.loads(RSAAlgorithm.to_jwk(new_key.public_key()))
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256")
    verified = client.app.state.context.verifier.verified
    sub = uuid.uuid4()
    assert _get(client, sub, _rsa_token(sub)).status_code == 200
    assert len(verified) == 1
    jwks_server.body = json.dumps(
        {"keys": [*_jwks()["keys"], {**new_jwk, "kid": "rsa-2", "use": "sig"}]}
    ).encode()
    token = _rsa_token(sub, kid="rsa-2", key=new_key)
    assert _get(client, sub, token).status_code == 200
    assert len(verified) == 1, "checked during the refresh: not remembered"
    assert _get(client, sub, token).status_code == 200
    assert len(verified) == 2


BAD_ANSWERS = {
    "html": (200, "text/html", b"<html><body>Sign in to continue</body></html>"),
    "empty": (200, "application/json", b""),
    "not-json": (200, "application/json", b"{keys: nope"),
    "a-json-list": (200, "application/json", b"[]"),
    "no-keys": (200, "application/json", b'{"keys": []}'),
    "server-error": (503, "text/plain", b"unavailable"),
}


@pytest.mark.parametrize("answer", BAD_ANSWERS.values(), ids=BAD_ANSWERS.keys())
def test_a_jwks_answer_that_is_not_a_key_set_is_a_failed_fetch_not_a_500(
    make_client, jwks_server: JwksServer, answer: tuple[int, str, bytes]
) -> None:
    jwks_server.status, jwks_server.content_type, jwks_server.body = answer
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256")
    sub = uuid.uuid4()
    response = _get(client, sub, _rsa_token(sub))
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_token"


@pytest.mark.parametrize("answer", BAD_ANSWERS.values(), ids=BAD_ANSWERS.keys())
def test_the_last_good_key_set_outlives_a_bad_answer(
    make_client,
    jwks_server: JwksServer,
    monkeypatch: pytest.MonkeyPatch,
    answer: tuple[int, str, bytes],
) -> None:
    monkeypatch.setattr(backend.accounts.jwks, "JWKS_CACHE_S", 0.2)
    monkeypatch.setattr(backend.accounts.jwks, "JWKS_MIN_REFRESH_INTERVAL_S", 0.0)
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256")
    sub = uuid.uuid4()
    assert _get(client, sub, _rsa_token(sub)).status_code == 200
    jwks_server.status, jwks_server.content_type, jwks_server.body = answer
    time.sleep(0.3)  # stale: the next request tries a refresh, which gets the bad answer
    before = jwks_server.requests
    assert _get(client, sub, _rsa_token(sub)).status_code == 200
    assert jwks_server.requests > before, "a refresh was tried"


def test_unknown_kids_refresh_the_key_set_at_most_once_per_interval(
    make_client, jwks_server: JwksServer
) -> None:
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256")
    sub = uuid.uuid4()
    assert _get(client, sub, _rsa_token(sub)).status_code == 200
    fetched = jwks_server.requests
    for n in range(20):
        assert _get(client, sub, _rsa_token(sub, kid=f"made-up-{n}")).status_code == 401
    assert jwks_server.requests - fetched == 1


def test_a_slow_refresh_does_not_hold_up_requests_whose_key_is_known(
    make_client, jwks_server: JwksServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backend.accounts.jwks, "JWKS_CACHE_S", 0.2)
    client = make_client(jwt_jwks_url=jwks_server.url, jwt_algorithms="RS256")
    sub = uuid.uuid4()
    assert _get(client, sub, _rsa_token(sub)).status_code == 200
    time.sleep(0.3)
    jwks_server.answering.clear()
    fetched = jwks_server.requests
    # An unknown kid starts a refresh, which the endpoint holds unanswered...
    slow = threading.Thread(target=_get, args=(client, sub, _rsa_token(sub, kid="new-key")))
    slow.start()
    try:
        deadline = time.monotonic() + 30
        while jwks_server.requests == fetched:
            assert time.monotonic() < deadline, "the refresh never reached the endpoint"
            time.sleep(0.01)
        # ...while a token whose key the stale set holds is answered from it, before the
        # refresh ends (which the hold, or else the fetch's timeout, decides).
        assert _get(client, sub, _rsa_token(sub)).status_code == 200
        assert slow.is_alive()
    finally:
        jwks_server.answering.set()
        slow.join()
