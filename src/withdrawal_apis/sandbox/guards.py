"""Per-request guards in front of the provider handlers: injected faults and rate limits."""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass


@dataclass
class Fault:
    """What the next `count` provider requests meet.

    Without `commit` the fault stands in for the handler: the request answers `status` (with
    `retry_after` on 429) or, with `drop`, the connection closes unanswered; nothing changes. With
    `commit` the handler runs and commits first, and only then is its answer replaced by `status` or
    dropped: the client cannot tell whether its request took effect. `latency_ms` delays either.
    """

    count: int
    status: int | None = None
    latency_ms: int = 0
    retry_after: int = 1
    commit: bool = False
    drop: bool = False

    @property
    def replaces_answer(self) -> bool:
        return self.status is not None or self.drop


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
    """A sliding window per key: at most `limit` requests in any `window` seconds (0 disables).

    It runs on the monotonic clock: a rate limit is about real request bursts, not virtual time.
    """

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
