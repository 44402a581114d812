"""What a pass shows while it runs: a live table on a terminal (rich), plain lines in CI logs."""

from __future__ import annotations

import sys
import threading
import time
from typing import TYPE_CHECKING, Protocol, TextIO

from .calls import OperationTally
from .findings import Findings
from .plan import Pass

if TYPE_CHECKING:
    from rich.live import Live
    from rich.table import Table
    from rich.text import Text

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
    """One row per operation, redrawn in place by rich: cases so far and every status seen.

    rich is imported here, not at the top: it comes with the conformance extra (schemathesis needs it),
    and the CLI that imports this module also serves `sandbox`, which must start without that extra.
    """

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console

        self.console = Console(file=stream, force_terminal=True, highlight=False)
        self._live: Live | None = None
        self._started = 0.0
        self._last = 0.0

    def start(self, plan: Pass) -> None:
        from rich.live import Live

        self._stop()  # a pass that raised never finished: its table stays as it was
        self._started, self._last = time.monotonic(), 0.0
        # Neither stdout redirected nor the cursor hidden: an interrupted pass leaves the terminal usable.
        self._live = Live(console=self.console, auto_refresh=False, redirect_stdout=False, redirect_stderr=False)
        self._live.start()
        self.console.show_cursor(True)
        self._live.update(_table(plan, {}, _text("starting")), refresh=True)

    def update(self, plan: Pass, tallies: dict[str, OperationTally], findings: Findings) -> None:
        now = time.monotonic()
        if self._live is None or now - self._last < 0.25:
            return
        self._last = now
        cases = sum(t.cases for t in tallies.values())
        footer = _text(f"{now - self._started:.1f} s, {cases} cases, {len(findings.failures)} failed")
        self._live.update(_table(plan, tallies, footer), refresh=True)

    def finish(self, result: PassResult) -> None:
        if self._live is None:
            return
        footer = _text(_verdict(result), "green" if result.passed else "bold red")
        footer.append(f" in {result.seconds:.1f} s, {result.cases} cases")
        self._live.update(_table(result.plan, result.tallies, footer), refresh=True)
        self._stop()

    def _stop(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None


def _text(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(text, style=style)


def _table(plan: Pass, tallies: dict[str, OperationTally], footer: Text) -> Table:
    from rich.table import Table

    table = Table(title=_text(plan.title, "bold"), title_justify="left", caption=footer, caption_justify="left")
    # The table must fit the terminal to be redrawn in place: a long operation folds, the figures stay whole.
    table.add_column("operation", overflow="fold")
    table.add_column("cases", justify="right", no_wrap=True)
    table.add_column("statuses", no_wrap=True)
    for _, tally in sorted(tallies.items()):
        table.add_row(_text(tally.label), str(tally.cases), status_text(tally))
    return table


def status_text(tally: OperationTally) -> Text:
    """`OperationTally.statuses_text` coloured by class: 2xx green, 4xx yellow, 5xx and no answer red."""
    from rich.text import Text

    text = Text()
    for status, n in sorted(tally.statuses.items()):
        if text:
            text.append(" ")
        text.append(f"{status or 'no-answer'}x{n}", style=_status_style(status))
    return text


def _status_style(status: int) -> str:
    if 200 <= status < 300:
        return "green"
    if 400 <= status < 500:
        return "yellow"
    return "red" if status == 0 or status >= 500 else ""


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
