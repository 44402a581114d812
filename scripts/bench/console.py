"""The benchmark's tables: drawn by rich on a terminal, plain aligned lines in a log or a file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

Cell = str | Text  # a Text's style shows on a terminal; elsewhere only its text
UNBOUNDED = 10_000  # columns: room enough to measure any table's natural width

# Verdict words the tables use, and how a terminal shows them.
STYLES = {
    "met": "green",
    "flat": "green",
    "p99 ok": "green",
    "MISSED": "bold red",
    "p99 MISSED": "bold red",
    "GROWS": "bold red",
    "n/a": "dim",
}


def verdict(word: str) -> Text:
    return Text(word, style=STYLES.get(word, ""))


def figure(value: float | None, spec: str, suffix: str = "") -> str:
    """A number as the tables show it; `-` where there is none."""
    return "-" if value is None else format(value, spec) + suffix


class Output:
    """Where the tables go: rich when `stream` is a terminal, plain text otherwise."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = sys.stdout if stream is None else stream
        terminal = self.stream.isatty()
        self.console = Console(file=self.stream, force_terminal=True, highlight=False) if terminal else None

    def line(self, text: str = "", style: str = "") -> None:
        if self.console is not None:
            self.console.print(Text(text, style=style), soft_wrap=True)
        else:
            self.stream.write(text + "\n")

    def table(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        *,
        align: str = "l",
        title: str = "",
        sections: Sequence[int] = (),
    ) -> None:
        """`align` has an `l` for each column of text (left-aligned) or `r` for each of figures; columns past
        its end hold figures. `sections` are the row indexes a rule is drawn above (on a terminal)."""
        align = align.ljust(len(columns), "r")
        if title:
            self.line(title, "bold")
        if self.console is None:
            self._plain(columns, rows, align)
            return
        table = Table(box=box.SIMPLE_HEAD)
        for n, name in enumerate(columns):
            table.add_column(name, justify="left" if align[n] == "l" else "right", no_wrap=True)
        for n, row in enumerate(rows):
            cells = [Text(cell) if isinstance(cell, str) else cell for cell in row]
            table.add_row(*cells, end_section=n + 1 in sections)
        # As wide as the table needs, even past the terminal's edge: a figure is never cut short.
        needed = Measurement.get(self.console, self.console.options.update_width(UNBOUNDED), table).maximum
        console = self.console
        if needed > console.width:
            console = Console(file=self.stream, force_terminal=True, highlight=False, width=needed)
        console.print(table)

    def _plain(self, columns: Sequence[str], rows: Sequence[Sequence[Cell]], align: str) -> None:
        cells = [list(columns), *([cell if isinstance(cell, str) else cell.plain for cell in row] for row in rows)]
        widths = [max(len(row[n]) for row in cells) for n in range(len(columns))]

        def lay_out(row: Sequence[str]) -> str:
            parts = [
                cell.ljust(width) if align[n] == "l" else cell.rjust(width)
                for n, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            return "  ".join(parts).rstrip()

        header = lay_out(cells[0])
        self.stream.write("\n".join([header, "-" * len(header), *map(lay_out, cells[1:])]) + "\n")
