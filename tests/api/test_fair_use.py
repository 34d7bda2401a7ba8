"""Fair use: a budget per user (429 with the IETF RateLimit headers), a bound on the task API's
requests in progress (503 `overloaded`, answered at once), and a bound on request heads (431)."""

from __future__ import annotations

import contextlib
import re
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx

from backend.api.fair_use import (
    MAX_IN_PROGRESS,
    MAX_USERS,
    OVERLOADED_RETRY_AFTER_S,
    WINDOW_S,
    RateLimiter,
)
from backend.core.bounded_http import MAX_HEAD_BYTES
from tests.fault_proxy import FaultProxy
from tests.helpers import Metrics, ThreadClients, User, create_task, wait_until
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

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            alices = pool.map(alice_lists, range(40))
            bobs = pool.map(bob_lists, range(20))
            alices, bobs = list(alices), list(bobs)
        took_s = time.monotonic() - started

        # The budget refills by one every WINDOW_S / 30 s: a burst that took longer than that
        # (a busy machine) was rightly allowed one more request for each of them.
        allowed = sum(response.status_code == 200 for response in alices)
        assert 30 <= allowed <= 30 + int(took_s / (WINDOW_S / 30)) < 40, (allowed, took_s)
        assert sorted(response.status_code for response in alices) == [200] * allowed + [429] * (
            40 - allowed
        )
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


@contextlib.contextmanager
def held_database(
    start_server: Callable[..., LiveServer], database_url: str, direct_url: str
) -> Iterator[tuple[LiveServer, FaultProxy]]:
    """A server whose database connections pass through a FaultProxy, which can hold them."""
    parts = urlsplit(database_url)
    proxy = FaultProxy((parts.hostname, parts.port))
    try:
        app_url = parts._replace(netloc=f"{parts.netloc.rsplit(':', 1)[0]}:{proxy.port}").geturl()
        # Pooled run: the proxy stands before PgBouncer; direct run: before PostgreSQL itself.
        pooled = database_url != direct_url
        yield (
            start_server(
                API_RATE_LIMIT="0",
                DATABASE_URL=app_url,
                DATABASE_DIRECT_URL=direct_url if pooled else app_url,
            ),
            proxy,
        )
    finally:
        proxy.release()
        proxy.close()


def in_progress(http: httpx.Client, method: str) -> float:
    """The requests of `method` the server is serving now, as its /metrics says."""
    return Metrics(http.get("/metrics").text).total("http_requests_inprogress", method=method)


def _readable(sock: socket.socket) -> bool:
    """Whether `sock` has something to read now (poll: select refuses descriptors past 1023)."""
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


@contextlib.contextmanager
def connections(url: str, count: int) -> Iterator[list[socket.socket]]:
    parts = urlsplit(url)
    socks = [
        socket.create_connection((parts.hostname, parts.port), timeout=30) for _ in range(count)
    ]
    try:
        yield socks
    finally:
        for sock in socks:
            sock.close()


def test_past_its_bound_a_process_refuses_at_once_and_answers_what_it_took(
    start_server: Callable[..., LiveServer], database_url: str, direct_url: str, alice: User
) -> None:
    """The database holds every statement: MAX_IN_PROGRESS requests then wait on it, as many
    as the process takes on. Every task API request past them is refused 503 `overloaded` while
    they still wait: at once, queued behind nothing. So an accepted request never waits behind
    more than the bound's others, however many clients come (bench/overload.py measures what
    that does to its latency). Health and the back office's sign-in page are outside the bound
    and answer meanwhile; once the database answers, each accepted request is answered.

    Past FIRST_STATEMENT_TIMEOUT_S the waiting requests would give up (503
    `database_unavailable`): so every connection is open before the hold, and within it each
    step is a write or a request on a warm connection, milliseconds in all."""
    with (
        held_database(start_server, database_url, direct_url) as (server, proxy),
        httpx.Client(base_url=server.url, timeout=30) as http,
        connections(server.url, MAX_IN_PROGRESS) as waiting,
    ):
        task = create_task(http, alice)
        path = urlsplit(alice.task_url(task["id"])).path
        authorization = f"Authorization: {alice.headers['Authorization']}\r\n\r\n"
        request = _head(server.url, path, authorization.encode())
        proxy.hold()
        for sock in waiting:
            sock.sendall(request)
        assert wait_until(lambda: in_progress(http, "GET") == MAX_IN_PROGRESS, every_s=0.01)
        past = [http.get(path, headers=alice.headers) for _ in range(MAX_IN_PROGRESS)]
        probes = [http.get(probe) for probe in ("/healthz", "/admin/login")]
        answered_early = [sock for sock in waiting if _readable(sock)]
        proxy.release()
        answers = [_read_answer(sock) for sock in waiting]

    assert [response.status_code for response in past] == [503] * len(past)
    for response in past:
        assert response.json()["code"] == "overloaded"
        assert response.headers["retry-after"] == str(OVERLOADED_RETRY_AFTER_S)
    assert answered_early == [], "the hold ended before the checks did"
    assert [response.status_code for response in probes] == [200, 200]
    assert all(answer.startswith(b"HTTP/1.1 200 ") for answer in answers), answers[0][:200]
    assert all(task["id"].encode() in answer for answer in answers)


def test_a_body_sent_slowly_holds_no_place_in_the_bound(
    start_server: Callable[..., LiveServer], alice: User
) -> None:
    """Clients that send a head and keep the body back hold connections, not the places of
    requests in progress: were they counted while their bodies arrive, as many such clients as
    the bound would shut every other request out for as long as they liked."""
    server = start_server(API_RATE_LIMIT="0")
    body = b'{"title": "sent slowly"}'
    with (
        httpx.Client(base_url=server.url, timeout=30) as http,
        connections(server.url, MAX_IN_PROGRESS) as slow,
    ):
        task = create_task(http, alice)
        extra = (
            f"Authorization: {alice.headers['Authorization']}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        path = urlsplit(alice.task_url(task["id"])).path
        head = _head(server.url, path, extra.encode(), b"PATCH")
        for sock in slow:
            sock.sendall(head + body[:5])
        assert wait_until(lambda: in_progress(http, "PATCH") == MAX_IN_PROGRESS, every_s=0.01)
        listed = http.get(alice.tasks_url, headers=alice.headers)
        for sock in slow:
            sock.sendall(body[5:])
        answers = [_read_answer(sock) for sock in slow]

    assert listed.status_code == 200, listed.text
    assert all(answer.startswith(b"HTTP/1.1 200 ") for answer in answers), answers[0][:200]
    assert all(b'"title":"sent slowly"' in answer for answer in answers)


def test_a_client_that_leaves_before_its_body_ends_is_logged_400_not_as_an_error(
    start_server: Callable[..., LiveServer], alice: User
) -> None:
    server = start_server(API_RATE_LIMIT="0")
    extra = (
        f"Authorization: {alice.headers['Authorization']}\r\n"
        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
    )
    head = _head(server.url, urlsplit(alice.tasks_url).path, extra.encode(), b"POST")
    with connections(server.url, 1) as (sock,):
        sock.sendall(head + b'{"title": ')

    def refused() -> list[str]:
        return [line for line in server.log_lines() if "bad_request" in line]

    # The access event names the refusal and who sent it; nothing is logged as a failure.
    assert wait_until(lambda: bool(refused()), every_s=0.01), "no access event"
    assert str(alice.id) in refused()[0] and "400" in refused()[0], refused()
    assert not [line for line in server.log_lines() if "unhandled_exception" in line]
    with httpx.Client(base_url=server.url) as http:
        assert http.get(alice.tasks_url, headers=alice.headers).json()["items"] == []


def _raw_request(url: str, head: bytes, *, body: bytes = b"") -> bytes:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(head + body)
        return sock.recv(65536)


def _read_answer(sock: socket.socket) -> bytes:
    """One whole HTTP/1.1 answer with a Content-Length, however the server's writes arrive."""
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += sock.recv(65536)
    head, _, body = answer.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)[1])
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


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


def test_a_60_mb_header_sent_slowly_is_cut_off_early_costing_no_memory_nor_others_service(
    start_server: Callable[..., LiveServer],
) -> None:
    """Unbounded, httptools gathered such a header in memory and held the process for seconds
    parsing it; refused at 16 KiB, the process never holds more than the socket buffers, and
    another client is served throughout."""
    server = start_server()
    rss_before = _rss_kib(server.process.pid)
    sent = 0
    statuses: list[int] = []

    def others() -> None:
        with httpx.Client(base_url=server.url, timeout=10) as http:
            for _ in range(20):
                statuses.append(http.get("/healthz").status_code)
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
    assert statuses == [200] * 20
    assert any("request_headers_too_large" in line for line in server.log_lines())
