"""Per-request guards in front of the provider handlers: injected faults and rate limits.

Both are counted in the store when it is shared, so the next `count` requests of the whole sandbox
meet a fault and a key's rate window is one window across every process; a private (`:memory:`)
store keeps the rate windows in memory. The store is asked about faults only while some wait.
"""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from .store import Store


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
    def __init__(self, store: Store) -> None:
        self.store = store
        self.waiting = store.state().faults > 0  # whether a request must ask the store (the engine keeps it current)

    def add(self, fault: Fault) -> None:
        self.store.add_fault(
            {
                "remaining": fault.count,
                "status": fault.status,
                "latency_ms": fault.latency_ms,
                "retry_after": fault.retry_after,
                "after_commit": fault.commit,
                "drop_connection": fault.drop,
            }
        )
        self.waiting = True

    def clear(self) -> None:
        self.store.clear_faults()
        self.waiting = False

    @property
    def pending(self) -> list[Fault]:
        return [_fault(row, row["remaining"]) for row in self.store.faults()]

    def take(self) -> Fault | None:
        """The fault that applies to this request, if any (consumes one use of it)."""
        if not self.waiting:
            return None
        row = self.store.take_fault()
        if row is None:
            self.waiting = False
            return None
        return _fault(row, row["remaining"] - 1)


def _fault(row: dict[str, Any], count: int) -> Fault:
    return Fault(
        count=count,
        status=row["status"],
        latency_ms=row["latency_ms"],
        retry_after=row["retry_after"],
        commit=row["after_commit"],
        drop=row["drop_connection"],
    )


class RateLimiter:
    """A sliding window per key: at most `limit` requests in any `window` seconds (0 disables).

    It runs on real time, not the virtual clock: a rate limit is about real request bursts. In memory
    it is the monotonic clock; in a shared store the windows are counted in the store on wall time
    (every process has its own monotonic clock, but they share the wall's).
    """

    def __init__(self, limit: int, window: float, store: Store | None = None) -> None:
        self.limit = limit
        self.window = window
        self.store = store  # a shared store to count in; None: in memory
        self._hits: dict[str, deque[float]] = {}

    def check(self, key: str) -> int | None:
        """None if the request may proceed, else the seconds to wait (for `Retry-After`)."""
        if self.limit <= 0:
            return None
        if self.store is not None:
            return self.store.rate_hit(key, time.time(), self.limit, self.window)
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
        if self.store is not None:
            self.store.clear_rate_windows()
