"""A virtual clock: real time plus an offset that the control API can move forward."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from .store import Store


class VirtualClock:
    """`now()` is wall-clock time shifted by a persisted offset, so moving time survives a restart."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.offset = float(store.get_meta("clock_offset", "0") or 0)

    def now(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        self.offset += seconds
        self._store.set_meta("clock_offset", repr(self.offset))
        return self.now()

    def reset(self) -> None:
        self.offset = 0.0

    def iso(self, at: float | None = None) -> str:
        """`2024-01-15T10:00:00Z`: UTC, second precision, as the providers print it."""
        moment = datetime.fromtimestamp(self.now() if at is None else at, tz=UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
