"""Per-request guards that sit in front of the provider handlers: injected faults and rate limits."""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass


@dataclass
class Fault:
    """The next `count` provider requests answer `status` (with `retry_after` on 429) and/or wait `latency_ms`.

    `drop` closes the connection without an answer instead of answering `status`. With `commit` the
    request is handled first (its changes are kept) and only then is its answer replaced or dropped:
    a response lost after the provider acted on it.
    """

    count: int
    status: int | None = None
    latency_ms: int = 0
    retry_after: int = 1
    commit: bool = False
    drop: bool = False


class Faults:
    def __init__(self) -> None:
        self.pending: list[Fault] = []

    def add(self, fault: Fault) -> None:
        self.pending.append(fault)

    def clear(self) -> None:
        self.pending.clear()

    def take(self) -> Fault | None:
        """The fault that applies to this request, if any (consumes one use of it)."""
        if not self.pending:
            return None
        fault = self.pending[0]
        fault.count -= 1
        if fault.count <= 0:
            self.pending.pop(0)
        return fault


class RateLimiter:
    """A sliding window per key: at most `limit` requests in any `window` seconds (0 disables)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}

    def check(self, key: str) -> int | None:
        """None if the request may proceed, else the seconds to wait (for `Retry-After`)."""
        if self.limit <= 0:
            return None
        now = time.monotonic()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return max(1, math.ceil(hits[0] + self.window - now))
        hits.append(now)
        return None

    def reset(self) -> None:
        self._hits.clear()
