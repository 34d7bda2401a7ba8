"""What counts as this machine: for a database development may use, and for an address it
may serve on. Development's secrets sit in a file of the checkout, so development reaches
nothing beyond the machine."""

from __future__ import annotations

import ipaddress
import os

from sqlalchemy.engine import URL

LOCAL_HOSTS = frozenset({"localhost", ""})


def is_local_host(host: str | None) -> bool:
    """Whether a database host is this machine: loopback, localhost, or a Unix socket (a
    folder, or none given: libpq's default socket)."""
    if host is None or host in LOCAL_HOSTS or host.startswith("/"):
        return True
    return is_loopback_address(host)


def is_loopback_address(host: str) -> bool:
    """Whether a server address to listen on is this machine only. Not "": that is every
    interface to uvicorn."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _query_values(value: str | tuple[str, ...] | None) -> list[str]:
    # libpq's `?host=` (and `hostaddr=`) may list several, comma-separated, or repeat.
    values = [value] if isinstance(value, str) else list(value or ())
    return [host for item in values for host in item.split(",")]


def database_hosts(url: URL) -> list[str | None]:
    """Every address libpq may reach for this URL, the environment's defaults included.

    A `service` (in the URL or PGSERVICE) names hosts in a file elsewhere: ValueError.
    """
    if url.query.get("service") or os.environ.get("PGSERVICE"):
        raise ValueError("names a connection service, whose hosts cannot be checked")
    hosts: list[str | None] = [url.host, *_query_values(url.query.get("host"))]
    if not any(hosts):
        # No host in the URL: libpq takes PGHOST's.
        hosts += _query_values(os.environ.get("PGHOST"))
    # hostaddr (or PGHOSTADDR) is where libpq connects, whatever the host name says.
    addresses = _query_values(url.query.get("hostaddr")) or _query_values(
        os.environ.get("PGHOSTADDR")
    )
    return hosts + [address for address in addresses if address]
