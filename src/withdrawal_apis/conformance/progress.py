"""What a pass shows while it runs: a live table on a terminal, plain lines in CI logs."""

from __future__ import annotations

import sys
import threading
import time
from typing import TYPE_CHECKING, Protocol, TextIO

from .calls import OperationTally
from .findings import Findings
from .plan import Pass

if TYPE_CHECKING:
    from .runner import PassResult


class Progress(Protocol):
    def start(self, plan: Pass) -> None: ...
    def update(self, plan: Pass, tallies: dict[str, OperationTally], findings: Findings) -> None: ...
    def finish(self, result: PassResult) -> None: ...


def for_stream(stream: TextIO = sys.stdout, *, live: bool = True) -> Progress:
    """A live table on a terminal (when one pass runs at a time), plain lines otherwise."""
    return LiveTable(stream) if live and stream.isatty() else PlainLines(stream)


def operation_line(tally: OperationTally, width: int) -> str:
    return f"{tally.label:<{width}} {tally.cases:>6} cases  {tally.statuses_text()}"


def operation_lines(tallies: dict[str, OperationTally]) -> list[str]:
    width = max([len(label) for label in tallies] + [20])
    return [operation_line(tally, width) for _, tally in sorted(tallies.items())]


class LiveTable:
    """One row per operation, redrawn in place: cases so far and every status seen."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._drawn = 0
        self._started = 0.0
        self._last = 0.0

    def start(self, plan: Pass) -> None:
        self._drawn, self._started = 0, time.monotonic()
        self.stream.write(f"{plan.title}\n")

    def update(self, plan: Pass, tallies: dict[str, OperationTally], findings: Findings) -> None:
        now = time.monotonic()
        if now - self._last < 0.25:
            return
        self._last = now
        rows = operation_lines(tallies)
        failed = len(findings.failures)
        rows.append(f"  {now - self._started:5.1f} s, {sum(t.cases for t in tallies.values())} cases, {failed} failed")
        self._redraw(rows)

    def finish(self, result: PassResult) -> None:
        rows = operation_lines(result.tallies)
        rows.append(f"  {_verdict(result)} in {result.seconds:.1f} s, {result.cases} cases")
        self._redraw(rows)
        self._drawn = 0

    def _redraw(self, rows: list[str]) -> None:
        if self._drawn:
            self.stream.write(f"\x1b[{self._drawn}F\x1b[J")  # back to the first row, clear below
        self.stream.write("".join(f"  {row}\n" for row in rows))
        self.stream.flush()
        self._drawn = len(rows)


class PlainLines:
    """For logs: a line when a pass starts, a heartbeat every 30 s, one line per operation at the end."""

    HEARTBEAT = 30.0

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._lock = threading.Lock()
        self._started: dict[str, float] = {}
        self._beat: dict[str, float] = {}

    def start(self, plan: Pass) -> None:
        self._started[plan.title] = self._beat[plan.title] = time.monotonic()
        self._print(f"{plan.title}: started")

    def update(self, plan: Pass, tallies: dict[str, OperationTally], findings: Findings) -> None:
        now = time.monotonic()
        if now - self._beat[plan.title] >= self.HEARTBEAT:
            self._beat[plan.title] = now
            cases = sum(t.cases for t in tallies.values())
            self._print(f"{plan.title}: {now - self._started[plan.title]:.0f} s, {cases} cases so far")

    def finish(self, result: PassResult) -> None:
        for line in operation_lines(result.tallies):
            self._print(f"{result.plan.title}: {line}")
        self._print(f"{result.plan.title}: {_verdict(result)} in {result.seconds:.1f} s, {result.cases} cases")

    def _print(self, line: str) -> None:
        with self._lock:  # passes of several providers may run at once
            self.stream.write(line + "\n")
            self.stream.flush()


def _verdict(result: PassResult) -> str:
    return "passed" if result.passed else "FAILED"
