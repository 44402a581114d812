"""The end-of-run summary: a table per target, then why it failed, with a curl line per failure.

One `Summary` is made per run; its plain text goes into the report file and to logs, and `show`
prints it through rich where the output is a terminal.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .findings import Request
from .runner import PassResult

# A longer body goes to a file beside the JUnit file, so the curl line stays one readable line.
INLINE_BODY = 1000
MAX_ERRORS = 5

Row = tuple[str, str, int, int, int, int, str]  # pass, operation, cases, 2xx, 4xx, 5xx, failed checks
COLUMNS = ("pass", "operation", "cases", "2xx", "4xx", "5xx", "checks failed")


@dataclass(frozen=True)
class Summary:
    title: str
    passed: bool
    cases: int
    rows: list[Row]
    details: list[str]  # examples sent, body rules, problems with their curl lines, seeds, files

    @property
    def verdict(self) -> str:
        return "PASSED" if self.passed else "FAILED"

    def text(self) -> str:
        """The plain text: for the report file, and for the output where it is not a terminal."""
        return "\n".join([f"{self.title}: {self.verdict} ({self.cases} cases)", *table(self.rows), *self.details])


def summarize(title: str, results: Sequence[PassResult], report: Path | None = None) -> Summary:
    """The summary of a run. A failure's long request body is written beside its JUnit file here."""
    passed = all(r.passed for r in results)
    return Summary(title, passed, sum(r.cases for r in results), rows(results), details(results, report))


def rows(results: Sequence[PassResult]) -> list[Row]:
    """One row per operation of each pass."""
    found = []
    for result in results:
        failed: dict[str, set[str]] = {}
        for failure in result.findings.failures.values():
            failed.setdefault(failure.operation, set()).add(failure.check)
        name = f"{result.plan.name} ({result.plan.variant})" if result.plan.variant else result.plan.name
        for label, tally in sorted(result.tallies.items()):
            checks = ", ".join(sorted(failed.get(label, ()))) or "-"
            found.append((name, label, tally.cases, tally.count(200), tally.count(400), tally.count(500), checks))
    return found


def table(found: Sequence[Row]) -> list[str]:
    """The rows as plain, aligned lines under a header."""
    width = max([len(row[1]) for row in found] + [len("operation")])
    lines = [f"  {'pass':<22} {'operation':<{width}} {'cases':>6} {'2xx':>5} {'4xx':>5} {'5xx':>5}  checks failed"]
    for name, label, cases, ok, client, server, checks in found:
        lines.append(f"  {name:<22} {label:<{width}} {cases:>6} {ok:>5} {client:>5} {server:>5}  {checks}")
    return lines


def details(results: Sequence[PassResult], report: Path | None = None) -> list[str]:
    """What follows the table: examples sent, body rules applied, problems, seeds and where the files are."""
    examples = sum(t.examples for r in results for t in r.tallies.values())
    lines = [f"  request examples of the spec sent as written: {examples}"]
    rules = body_rules(results)
    if rules:
        lines += ["  business rules applied to generated bodies (never to the spec's examples):", *rules]
    for result in results:
        found = problems(result)
        if found:
            lines.append(f"  {result.plan.title}:")
            lines += [f"    {line}" for line in found]
    seeds = sorted({r.plan.seed for r in results})
    lines.append(f"  seed{'s' if len(seeds) > 1 else ''} {', '.join(map(str, seeds))} (repeat with --seed)")
    lines += [f"  JUnit: {r.junit}" for r in results]
    if report is not None:
        lines.append(f"  report: {report}")
    return lines


def problems(result: PassResult) -> list[str]:
    """Everything that failed the pass, each reproducible from the lines printed."""
    lines: list[str] = []
    if result.exit_code not in (0, 1):
        lines.append(f"schemathesis exited {result.exit_code}; its output is in the report file")
    errors = result.findings.errors
    lines += [f"error: {error}" for error in errors[:MAX_ERRORS]]
    if len(errors) > MAX_ERRORS:
        lines.append(f"... and {len(errors) - MAX_ERRORS} more errors (all in the report file)")
    for tally in result.untested:
        seen = tally.statuses_text() or "no request sent"
        lines.append(
            f"untested: {tally.label} ({tally.operation_id}) got no 2xx [{seen}]; "
            f"accept a known gap with --allow-untested {tally.operation_id}"
        )
    if result.refused:
        where = ", ".join(f"{label} {n}" for label, n in result.refused.items())
        lines.append(
            f"refused: {sum(result.refused.values())} of {result.signed} signed positive cases answered 401 ({where})"
        )
    for n, failure in enumerate(result.findings.failures.values(), 1):
        status = f" [{failure.status}]" if failure.status else ""
        lines.append(f"{n}. {failure.operation}: {failure.title} ({failure.check}){status}")
        lines += [f"     {line}" for line in failure.message.splitlines() if line.strip()]
        if failure.request is not None:
            body_file = result.junit.with_name(f"{result.plan.slug}-failure-{n}.body")
            lines.append(f"     {curl(failure.request, body_file)}")
    return lines


def curl(request: Request, body_file: Path) -> str:
    """A one-line curl reproduction; a long body is written to `body_file` and sent from there."""
    parts = ["curl", "-X", request.method]
    for name, value in request.headers.items():
        parts += ["-H", f"{name}: {value}"]
    if request.body is not None and len(request.body) > INLINE_BODY:
        body_file.write_text(request.body, encoding="utf-8")
        parts += ["--data-binary", f"@{body_file}"]
    elif request.body:
        parts += ["--data-raw", request.body]
    return shlex.join([*parts, request.url])


def body_rules(results: Sequence[PassResult]) -> list[str]:
    """Which business rules adjusted generated bodies, and how often: nothing is changed silently."""
    counted: dict[tuple[str, str], int] = {}
    for result in results:
        for tally in result.tallies.values():
            for why, n in tally.rules.items():
                counted[(tally.operation_id, why)] = counted.get((tally.operation_id, why), 0) + n
    return [f"  {op}: {n} generated bodies adjusted: {why}" for (op, why), n in sorted(counted.items())]


def show(summary: Summary, stream: TextIO | None = None) -> None:
    """Print the summary: through rich on a terminal (a drawn table, the verdict and failures in colour),
    as plain text otherwise, where logs and scripts read it."""
    stream = sys.stdout if stream is None else stream
    if not stream.isatty():
        stream.write(summary.text() + "\n")
        stream.flush()
        return
    # rich comes with the conformance extra; imported here for the reason progress.LiveTable gives.
    from rich.console import Console
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, highlight=False)
    verdict = "bold green" if summary.passed else "bold red"
    console.print(Text.assemble(f"{summary.title}: ", (summary.verdict, verdict), f" ({summary.cases} cases)"))
    drawn = Table(*COLUMNS)
    for column in drawn.columns[2:6]:
        column.justify = "right"
    for name, label, cases, ok, client, server, checks in summary.rows:
        errors = Text(str(server), style="red" if server else "")
        failed = Text(checks, style="red" if checks != "-" else "")
        drawn.add_row(Text(name), Text(label), str(cases), str(ok), str(client), errors, failed)
    # As wide as the table needs, even past the terminal's edge: an operation is never cut short.
    needed = Measurement.get(console, console.options.update_width(10_000), drawn).maximum
    wide = console if needed <= console.width else Console(file=stream, force_terminal=True, width=needed)
    wide.print(drawn)
    for line in summary.details:  # curl lines to copy: as they are, never wrapped or read as markup
        console.print(Text(line), soft_wrap=True)


def write_report(path: Path, summary: str, results: Sequence[PassResult]) -> None:
    """The summary followed by schemathesis's own output of every pass (credentials redacted)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = [summary, ""]
    for result in results:
        parts += [f"==== {result.plan.title} ({result.plan.target.base_url}) ====", result.output]
    path.write_text("\n".join(parts), encoding="utf-8")
