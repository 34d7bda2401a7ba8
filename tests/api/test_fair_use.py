"""Fair use: a budget per user (429 with the IETF RateLimit headers), a bound on the task API's
requests in progress (503 `overloaded`, answered at once), and a bound on request heads (431)."""

from __future__ import annotations

import asyncio
import itertools
import re
import socket
import statistics
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx

from backend.api.fair_use import MAX_IN_PROGRESS, MAX_USERS, WINDOW_S, RateLimiter
from backend.core.bounded_http import MAX_HEAD_BYTES
from tests.helpers import ThreadClients, User, create_task
from tests.servers import LiveServer

STATE = re.compile(r'^"default";r=(\d+);t=(\d+)$')


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_a_user_may_spend_the_whole_budget_at_once_then_one_request_per_interval() -> None:
    clock = Clock()
    limiter = RateLimiter(30, clock)  # one request every 2 s
    budgets = [limiter.take("alice") for _ in range(31)]
    assert [budget.allowed for budget in budgets] == [True] * 30 + [False]
    assert dict(budgets[0].headers) == {
        b"ratelimit-policy": b'"default";q=30;w=60',
        b"ratelimit": b'"default";r=29;t=2',
    }
    assert dict(budgets[29].headers)[b"ratelimit"] == b'"default";r=0;t=60'
    assert budgets[30].retry_after_s == 2
    assert dict(budgets[30].headers)[b"ratelimit"] == b'"default";r=0;t=60'
    # Another user has a budget of their own.
    assert limiter.take("bob").allowed
    clock.now += 1.5
    assert not limiter.take("alice").allowed
    clock.now += 0.5
    assert limiter.take("alice").allowed
    assert not limiter.take("alice").allowed
    # A whole window later, the whole budget is back.
    clock.now += WINDOW_S
    assert [limiter.take("alice").allowed for _ in range(31)] == [True] * 30 + [False]


def test_the_limiter_remembers_at_most_max_users_and_forgets_whole_budgets() -> None:
    clock = Clock()
    limiter = RateLimiter(600, clock)
    for n in range(MAX_USERS + 1_000):
        limiter.take(str(n))
    assert len(limiter) == MAX_USERS
    # The most recent users are the ones kept, budgets spent.
    assert dict(limiter.take(str(MAX_USERS + 999)).headers)[b"ratelimit"].startswith(
        b'"default";r=598;'
    )
    clock.now += 1  # every budget above is whole again within 0.2 s
    limiter.take("next")
    assert len(limiter) == 1


def _budget_of(response: httpx.Response) -> tuple[int, int]:
    assert response.headers["ratelimit-policy"] == '"default";q=30;w=60'
    found = STATE.match(response.headers["ratelimit"])
    assert found, response.headers["ratelimit"]
    return int(found[1]), int(found[2])


def test_one_users_burst_is_refused_429_while_another_user_is_served(
    start_server: Callable[..., LiveServer], alice: User, bob: User
) -> None:
    server = start_server(API_RATE_LIMIT="30")
    with ThreadClients(base_url=server.url, timeout=10) as http:

        def alice_lists(_: int) -> httpx.Response:
            return http.get(alice.tasks_url, headers=alice.headers)

        def bob_lists(_: int) -> httpx.Response:
            return http.get(bob.tasks_url, headers=bob.headers)

        with ThreadPoolExecutor(max_workers=8) as pool:
            alices = pool.map(alice_lists, range(40))
            bobs = pool.map(bob_lists, range(20))
            alices, bobs = list(alices), list(bobs)

        assert sorted(response.status_code for response in alices) == [200] * 30 + [429] * 10
        assert [response.status_code for response in bobs] == [200] * 20
        for response in alices + bobs:
            remaining, reset = _budget_of(response)
            assert 0 <= remaining < 30 and 0 < reset <= 60
        refused = [response for response in alices if response.status_code == 429]
        for response in refused:
            assert response.json()["code"] == "rate_limited"
            assert _budget_of(response)[0] == 0
            assert 1 <= int(response.headers["retry-after"]) <= 2
        # Errors of an authenticated user carry their budget too.
        missing = http.get(
            bob.task_url("00000000-0000-4000-8000-000000000000"), headers=bob.headers
        )
        assert missing.status_code == 404 and _budget_of(missing)[0] < 30

        # The access events of the refusals name the user, for the operator to find them.
        assert any("rate_limited" in line and str(alice.id) in line for line in server.log_lines())

        time.sleep(max(int(response.headers["retry-after"]) for response in refused))
        again = alice_lists(0)
        assert again.status_code == 200, again.text
        assert _budget_of(again)[0] == 0


def test_the_limit_is_off_when_api_rate_limit_is_zero(
    start_server: Callable[..., LiveServer], alice: User
) -> None:
    server = start_server(API_RATE_LIMIT="0")
    with httpx.Client(base_url=server.url) as http:
        answers = [http.get(alice.tasks_url, headers=alice.headers) for _ in range(40)]
    assert {response.status_code for response in answers} == {200}
    assert "ratelimit" not in answers[0].headers


async def load(
    url: str, path: str, token: str, clients: int, seconds: float
) -> list[tuple[int, float, bytes]]:
    """`clients` keep-alive connections asking for `path` again and again for `seconds`, each
    waiting out a 503's Retry-After as the contract asks: every answer's status, latency (s)
    and body. Raw HTTP/1.1, so that the client costs little of the CPU it shares with the
    server. (bench/overload.py has its own: the tests and the benchmarks import nothing of
    each other's.)"""
    parts = urlsplit(url)
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAuthorization: Bearer {token}\r\n\r\n"
    )
    answers: list[tuple[int, float, bytes]] = []
    deadline = time.monotonic() + seconds

    async def client() -> None:
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            writer.write(request.encode())
            head = await reader.readuntil(b"\r\n\r\n")
            body = await reader.readexactly(int(_header(head, b"content-length")))
            answers.append((int(head[9:12]), time.perf_counter() - started, body))
            if head[9:12] == b"503":
                await asyncio.sleep(int(_header(head, b"retry-after")))
        writer.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return answers


def _header(head: bytes, name: bytes) -> bytes:
    found = re.search(rb"(?i)\r\n" + name + rb": *([^\r]*)", head)
    assert found, head
    return found[1]


def p99(latencies: list[float]) -> float:
    return statistics.quantiles(latencies, n=100)[98]


def test_past_its_capacity_a_process_refuses_at_once_and_keeps_the_accepted_requests_fast(
    start_server: Callable[..., LiveServer], alice: User
) -> None:
    """The baseline is the process at its bound (MAX_IN_PROGRESS clients: as busy as it gets
    without refusing anything); four times as many clients must not make it slower. Without
    the bound, their requests' latency grows with their number (a queue four times as long).
    Health and the back office's sign-in page answer throughout."""
    server = start_server(API_RATE_LIMIT="0")
    with httpx.Client(base_url=server.url) as http:
        task = create_task(http, alice)
    path = urlsplit(alice.task_url(task["id"])).path
    token = alice.headers["Authorization"].split()[1]
    at_bound = asyncio.run(load(server.url, path, token, MAX_IN_PROGRESS, 3))
    assert {status for status, _, _ in at_bound} == {200}
    probes: list[tuple[int, float]] = []
    stop = threading.Event()

    def probe_health() -> None:
        with httpx.Client(base_url=server.url, timeout=10) as http:
            for path in itertools.cycle(("/healthz", "/admin/login")):
                if stop.wait(0.1):
                    return
                started = time.perf_counter()
                probes.append((http.get(path).status_code, time.perf_counter() - started))

    prober = threading.Thread(target=probe_health)
    prober.start()
    try:
        overloaded = asyncio.run(load(server.url, path, token, 4 * MAX_IN_PROGRESS, 4))
    finally:
        stop.set()
        prober.join()

    accepted = [latency for status, latency, _ in overloaded if status == 200]
    refused = [(latency, body) for status, latency, body in overloaded if status == 503]
    assert len(accepted) + len(refused) == len(overloaded)
    assert refused, "four times the bound's clients must be past the process's capacity"
    assert {b'"code":"overloaded"' in body for _, body in refused} == {True}
    baseline = p99([latency for _, latency, _ in at_bound])
    assert p99(accepted) <= 3 * baseline, (p99(accepted), baseline)
    # At once: the typical refusal. A few wait longer, when many refused clients come back
    # together after their Retry-After and meet a busy event loop.
    assert statistics.median([latency for latency, _ in refused]) < 0.050
    assert probes and {status for status, _ in probes} == {200}
    assert max(latency for _, latency in probes) < 1.0


def _raw_request(url: str, head: bytes, *, body: bytes = b"") -> bytes:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(head + body)
        return sock.recv(65536)


def _head(url: str, path: str, extra: bytes = b"", method: bytes = b"GET") -> bytes:
    host = urlsplit(url).netloc.encode()
    return method + b" " + path.encode() + b" HTTP/1.1\r\nHost: " + host + b"\r\n" + extra


def _rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS:")).split()[1])


def test_request_headers_over_16_kib_are_refused_431(live_server: str) -> None:
    head = _head(live_server, "/healthz", b"X-Big: " + b"a" * 17 * 1024 + b"\r\n\r\n")
    answer = _raw_request(live_server, head)
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:100]
    assert b'"code":"request_header_fields_too_large"' in answer


def test_a_1_mb_header_is_refused_after_reading_little_of_it(live_server: str) -> None:
    head = _head(live_server, "/healthz", b"X-Big: " + b"a" * 1024 * 1024 + b"\r\n\r\n")
    try:
        answer = _raw_request(live_server, head)
    except (ConnectionResetError, BrokenPipeError):
        return  # closed before all of it was sent: the contract allows it
    assert answer.startswith(b"HTTP/1.1 431 ") or answer == b"", answer[:100]


def test_a_head_just_within_16_kib_and_a_large_body_after_it_are_served(
    live_server: str, alice: User
) -> None:
    head = _head(live_server, "/healthz")
    filler = b"X-Fill: " + b"a" * (MAX_HEAD_BYTES - len(head) - 12) + b"\r\n\r\n"
    assert len(head + filler) <= MAX_HEAD_BYTES
    assert _raw_request(live_server, head, body=filler).startswith(b"HTTP/1.1 200 ")
    # A 60 KiB body sent with its head in one write is a body, not a head.
    body = b'{"title": "t", "description": null}' + b" " * (60 * 1024)
    extra = (
        f"Authorization: {alice.headers['Authorization']}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    answer = _raw_request(
        live_server, _head(live_server, alice.tasks_url, extra, b"POST"), body=body
    )
    assert answer.startswith(b"HTTP/1.1 201 "), answer[:200]


def test_a_60_mb_header_sent_slowly_costs_neither_memory_nor_other_clients_time(
    start_server: Callable[..., LiveServer],
) -> None:
    server = start_server()
    rss_before = _rss_kib(server.process.pid)
    sent = 0
    waits: list[float] = []

    def others() -> None:
        with httpx.Client(base_url=server.url, timeout=10) as http:
            for _ in range(20):
                started = time.perf_counter()
                assert http.get("/healthz").status_code == 200
                waits.append(time.perf_counter() - started)
                time.sleep(0.05)

    other = threading.Thread(target=others)
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        other.start()
        sock.sendall(_head(server.url, "/healthz") + b"X-Big: ")
        chunk = b"a" * (64 * 1024)
        try:
            while sent < 60 * 1024 * 1024:
                sock.sendall(chunk)
                sent += len(chunk)
                time.sleep(0.01)
        except (ConnectionResetError, BrokenPipeError):
            pass
        other.join()
    # Refused after the first 16 KiB: what was sent past them is what the socket buffers held.
    assert sent < 8 * 1024 * 1024, f"{sent} bytes were taken in"
    assert _rss_kib(server.process.pid) - rss_before < 20 * 1024
    assert max(waits) < 0.5, max(waits)
    assert any("request_headers_too_large" in line for line in server.log_lines())
