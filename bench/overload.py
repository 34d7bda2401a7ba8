"""One process driven past its capacity: what its accepted requests' latency and its refusals
look like, against the same process at its bound (MAX_IN_PROGRESS clients, as busy as it gets
without refusing). Clients honour `Retry-After`, as the contract asks. Prints, for `GET` one
task on the bench database, both phases' figures and the ratio that says whether accepted
requests keep their usual latency (accepted p99 under overload / p99 at the bound, at most 3;
the tests check the mechanism, that nothing past the bound waits, not the figure):

    .venv/bin/python -m bench.overload [--seconds 10] [--clients-factor 4]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import threading
import time
from urllib.parse import urlsplit

import httpx

from backend.api.fair_use import MAX_IN_PROGRESS
from backend.core.embedded_db import free_port

_LENGTH = re.compile(rb"(?i)content-length: (\d+)")
_RETRY_AFTER = re.compile(rb"(?i)retry-after: (\d+)")


async def load(
    url: str, path: str, token: str, clients: int, seconds: float
) -> list[tuple[int, float, bytes]]:
    """`clients` keep-alive connections asking for `path` again and again for `seconds`:
    each answer's status, latency (s) and body. Raw HTTP/1.1, so that the client costs little
    of the CPU it shares with the server."""
    parts = urlsplit(url)
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAuthorization: Bearer {token}\r\n\r\n"
    ).encode()
    answers: list[tuple[int, float, bytes]] = []
    deadline = time.monotonic() + seconds

    async def client() -> None:
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                body = await reader.readexactly(int(_LENGTH.search(head)[1]))  # type: ignore[index]
                status = int(head[9:12])
                answers.append((status, time.perf_counter() - started, body))
                if status == 503:
                    await asyncio.sleep(int(_RETRY_AFTER.search(head)[1]))  # type: ignore[index]
        finally:
            writer.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return answers


def p99(latencies: list[float]) -> float:
    return statistics.quantiles(latencies, n=100)[98]


class HealthProbe:
    """`/healthz` asked every 100 ms in a thread of its own while a load runs."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.answers: list[tuple[int, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._probe)

    def _probe(self) -> None:
        with httpx.Client(base_url=self.url, timeout=10) as http:
            while not self._stop.is_set():
                started = time.perf_counter()
                status = http.get("/healthz").status_code
                self.answers.append((status, time.perf_counter() - started))
                time.sleep(0.1)

    def __enter__(self) -> HealthProbe:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    from bench import run

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients-factor", type=int, default=4)
    args = parser.parse_args()
    with run.bench_database() as url:
        task_id = run.fresh_ids(url, 1)[0]
        port = free_port()
        server = run.platform_server(url, port, 1)
        base = f"http://127.0.0.1:{port}"
        path = f"/api/{run.USER}/tasks/{task_id}"
        token = run.bench_token()
        try:
            asyncio.run(load(base, path, token, MAX_IN_PROGRESS, 2))  # warm up
            bound = asyncio.run(load(base, path, token, MAX_IN_PROGRESS, args.seconds))
            clients = args.clients_factor * MAX_IN_PROGRESS
            with HealthProbe(base) as health:
                over = asyncio.run(load(base, path, token, clients, args.seconds))
        finally:
            server.terminate()
            server.wait()
    at_bound = [latency for _, latency, _ in bound]
    accepted = [latency for status, latency, _ in over if status == 200]
    refused = [latency for status, latency, _ in over if status == 503]
    print(
        f"at the bound ({MAX_IN_PROGRESS} clients): {len(at_bound) / args.seconds:.0f} req/s,"
        f" p50 {statistics.median(at_bound) * 1000:.1f} ms, p99 {p99(at_bound) * 1000:.1f} ms"
    )
    print(
        f"overloaded ({clients} clients): accepted {len(accepted) / args.seconds:.0f} req/s,"
        f" p50 {statistics.median(accepted) * 1000:.1f} ms, p99 {p99(accepted) * 1000:.1f} ms;"
        f" refused {len(refused)} ({len(refused) / len(over):.0%}), median"
        f" {statistics.median(refused) * 1000:.1f} ms, p99 {p99(refused) * 1000:.1f} ms;"
        f" /healthz slowest {max(t for _, t in health.answers) * 1000:.0f} ms,"
        f" statuses {sorted({s for s, _ in health.answers})}"
    )
    print(
        f"accepted p99 overloaded / at the bound: {p99(accepted) / p99(at_bound):.2f} (at most 3)"
    )


if __name__ == "__main__":
    main()
