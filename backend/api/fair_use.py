"""Fair use of one serving process: a request budget per user (429 `rate_limited`) and a bound
on the task API's requests in progress (503 `overloaded`, answered at once).

Both are in memory and per process, as what they protect is: the process's connections and
CPU. N replicas give one user up to N budgets; a limit for the whole deployment belongs in
front of them (the ingress or an API gateway), as the README says. Both run on the event loop
between two awaits, so they need no lock and one user never waits on another.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable

WINDOW_S = 60
# Users remembered at most. Only users seen within the last WINDOW_S can hold a used budget,
# and entries are dropped once their budget is whole again, so this bound is reached only by
# more distinct users per minute than that; then the least recently seen one is forgotten
# (given a whole budget again). An entry is about 200 bytes: at most 10 MB.
MAX_USERS = 50_000
# The task API's requests in progress in one process, beyond which a new one is refused. Each
# shares the process's CPU and 20 connections with the others, so their latency grows with
# their number: 32 keep the process at full throughput (the benchmarks' 32 clients are never
# refused) with a queue of some 30 ms at 1,000 requests a second; in a test, 64 made accepted
# requests' p99 twice 32's and refusals wait longer. Unbounded (a 3 s wait for a connection
# before) everyone was slow, then many failed.
MAX_IN_PROGRESS = 32
# Seconds a refused client is asked to wait: the queue moves in milliseconds.
OVERLOADED_RETRY_AFTER_S = 1


class Budget:
    """What one request of a user may do: `allowed`, `retry_after_s` when not, and the IETF
    RateLimit headers (draft-ietf-httpapi-ratelimit-headers) that describe the user's budget."""

    __slots__ = ("allowed", "headers", "retry_after_s")

    def __init__(self, allowed: bool, headers: list[tuple[bytes, bytes]], retry_after_s: int):
        self.allowed = allowed
        self.headers = headers
        self.retry_after_s = retry_after_s


class RateLimiter:
    """`quota` requests per WINDOW_S per user, as GCRA (the generic cell rate algorithm): a
    token bucket of `quota` that refills one request every WINDOW_S / quota seconds, kept as
    one number per user, the time at which their bucket would be full again."""

    def __init__(self, quota: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.quota = quota
        self._interval = WINDOW_S / quota
        self._clock = clock
        # user -> when their budget is whole again; oldest change first.
        self._full_at: OrderedDict[str, float] = OrderedDict()
        self._policy = (b"ratelimit-policy", f'"default";q={quota};w={WINDOW_S}'.encode())

    def take(self, user: str) -> Budget:
        """Spend one request of `user`'s budget, if they have one left."""
        now = self._clock()
        full_at = max(self._full_at.get(user, now), now)
        after = full_at + self._interval
        ahead = after - now  # how much of the window this user has used, in seconds
        if ahead > WINDOW_S:
            # Refused: the budget stays as it is, and the next request fits once the bucket
            # has refilled by one.
            headers = self._headers(0, full_at - now)
            return Budget(False, headers, max(1, math.ceil(ahead - WINDOW_S)))
        self._full_at[user] = after
        self._full_at.move_to_end(user)
        self._forget(now)
        # The small epsilon keeps 599.0000001 requests' worth from reading as 598.
        remaining = math.floor((WINDOW_S - ahead) / self._interval + 1e-9)
        return Budget(True, self._headers(remaining, ahead), 0)

    def _headers(self, remaining: int, refill_s: float) -> list[tuple[bytes, bytes]]:
        # `t`: seconds until the budget is whole again.
        state = f'"default";r={remaining};t={math.ceil(refill_s)}'.encode()
        return [self._policy, (b"ratelimit", state)]

    def _forget(self, now: float) -> None:
        """Drop users whose budget is whole again (the oldest changed come first), and the
        least recently seen beyond MAX_USERS."""
        entries = self._full_at
        while entries:
            user, full_at = next(iter(entries.items()))
            if full_at > now and len(entries) <= MAX_USERS:
                return
            del entries[user]

    def __len__(self) -> int:
        return len(self._full_at)


class InProgress:
    """The task API's requests in progress in this process, bounded by `limit`."""

    def __init__(self, limit: int = MAX_IN_PROGRESS) -> None:
        self.limit = limit
        self.count = 0

    def enter(self) -> bool:
        """Count one more request in progress; False (and not counted) when it is full."""
        if self.count >= self.limit:
            return False
        self.count += 1
        return True

    def leave(self) -> None:
        self.count -= 1
