"""Who a sign-in is counted against: the peer, or what a trusted proxy forwarded; never the
machine itself because a header says so; IPv6 per /64."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import psycopg
import pytest
from fastapi.testclient import TestClient

from backend.core.client_address import ClientAddress, ForwardedClient, client_address
from tests.helpers import Staff, sign_in


def _seen(peer: str, forwarded: str | None, trusted: str = "127.0.0.1") -> ClientAddress:
    """What the sign-in limits see of a request from `peer`, with X-Forwarded-For `forwarded`."""
    seen: list[ClientAddress] = []

    async def app(scope: dict, receive: object, send: object) -> None:
        seen.append(client_address(scope))

    headers = [] if forwarded is None else [(b"x-forwarded-for", forwarded.encode())]
    scope = {"type": "http", "client": (peer, 50000), "headers": headers}
    asyncio.run(ForwardedClient(app, trusted_hosts=trusted)(scope, None, None))  # type: ignore[arg-type]
    return seen[0]


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "expected"),
    [
        # The machine itself, by its connection: exempt from the per-address limit.
        ("127.0.0.1", None, "127.0.0.1", ClientAddress("127.0.0.1", local=True)),
        ("::1", None, "127.0.0.1", ClientAddress("::/64", local=True)),
        # A trusted proxy's forwarded client is counted, even one that claims to be loopback.
        ("127.0.0.1", "198.51.100.7", "127.0.0.1", ClientAddress("198.51.100.7", local=False)),
        ("127.0.0.1", "127.0.0.1", "127.0.0.1", ClientAddress("127.0.0.1", local=False)),
        ("10.0.0.9", "127.0.0.1", "*", ClientAddress("127.0.0.1", local=False)),
        # An untrusted peer's header is ignored.
        ("203.0.113.5", "198.51.100.7", "127.0.0.1", ClientAddress("203.0.113.5", local=False)),
        # A forwarded value that is not an IP address is ignored: the peer counts.
        ("10.0.0.9", "evil, also-evil", "*", ClientAddress("10.0.0.9", local=False)),
        ("127.0.0.1", "unknown", "127.0.0.1", ClientAddress("127.0.0.1", local=False)),
        # IPv6 per /64: one host's many addresses are one.
        ("2001:db8:1:2:aaaa::1", None, "127.0.0.1", ClientAddress("2001:db8:1:2::/64", False)),
        (
            "10.0.0.9",
            "2001:db8:1:2:bbbb::9",
            "10.0.0.0/8",
            ClientAddress("2001:db8:1:2::/64", False),
        ),
        ("::ffff:192.0.2.1", None, "127.0.0.1", ClientAddress("192.0.2.1", local=False)),
    ],
)
def test_the_address_counted(
    peer: str, forwarded: str | None, trusted: str, expected: ClientAddress
) -> None:
    assert _seen(peer, forwarded, trusted) == expected


def test_a_trusted_proxys_client_is_the_one_audited(
    make_client: Callable[..., TestClient],
    make_staff: Callable[..., Staff],
    db: psycopg.Connection,
) -> None:
    staff = make_staff()
    proxy = make_client(client_address="10.1.2.3", forwarded_allow_ips="10.0.0.0/8")
    proxy.headers["X-Forwarded-For"] = "198.51.100.7"
    assert sign_in(proxy, staff).status_code == 302
    stranger = make_client(client_address="203.0.113.5", forwarded_allow_ips="10.0.0.0/8")
    stranger.headers["X-Forwarded-For"] = "198.51.100.8"
    assert sign_in(stranger, staff).status_code == 302
    audited = db.execute(
        "SELECT after->>'client_address' FROM audit_log WHERE action = 'sign_in' ORDER BY id"
    ).fetchall()
    assert [row[0] for row in audited] == ["198.51.100.7", "203.0.113.5"]
