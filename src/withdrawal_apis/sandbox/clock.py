"""The one clock of an emulator: wall time plus an offset that the control API moves forward.

Everything the emulator decides by time reads it: lifecycle schedules, webhook retries, the expiry of
tokens the emulator itself issued, and the timestamps it writes. Advancing it therefore expires those
tokens and runs due transitions, as waiting would. Signature windows checked against a timestamp the
*client* chose (an HMAC over a timestamp, a signed token's nonce) stay on wall time:
clients sign with their own wall clock, which the virtual offset does not move.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from .store import Store


class VirtualClock:
    """`now()` is `wall()` shifted by an offset kept in the store, so moving time survives a restart and
    every process of a shared sandbox keeps one clock (the engine reloads the offset when it moves)."""

    def __init__(self, store: Store, wall: Callable[[], float] = time.time) -> None:
        self._store = store
        self._wall = wall
        self.offset = store.state().clock_offset

    def now(self) -> float:
        return self._wall() + self.offset

    def wall(self) -> float:
        """Real time, for checking timestamps that clients signed with their own clocks."""
        return self._wall()

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        self.offset = self._store.advance_clock(seconds)  # added in the store: concurrent advances add up
        return self.now()

    def reset(self) -> None:
        self.offset = 0.0

    def datetime(self, at: float | None = None) -> datetime:
        return datetime.fromtimestamp(self.now() if at is None else at, tz=UTC)

    def iso(self, at: float | None = None, *, digits: int = 0, utc: str = "Z") -> str:
        """An ISO 8601 UTC timestamp as providers print them.

        `digits` fractional-second digits (0 to 7; a seventh digit is always 0, as .NET prints it) and
        the UTC designator `Z` or `+00:00`: `2024-01-15T10:00:00Z`, `2020-06-03T00:50:57+00:00`,
        `2023-12-15T20:08:16.640232Z`, `2023-02-21T22:07:38.6325460Z`.
        """
        moment = self.datetime(at)
        text = moment.strftime("%Y-%m-%dT%H:%M:%S")
        if digits:
            text += "." + f"{moment.microsecond:06d}0"[:digits]
        return text + utc
