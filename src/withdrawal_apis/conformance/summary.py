"""The end-of-run summary: a table per target, then why it failed, with a curl line per failure."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path

from .findings import Request
from .runner import PassResult

# A longer body goes to a file beside the JUnit file, so the curl line stays one readable line.
INLINE_BODY = 1000
MAX_ERRORS = 5


def table(results: Sequence[PassResult]) -> list[str]:
    """Operation, cases, 2xx/4xx/5xx and failed checks, one row per operation of each pass."""
    width = max([len(label) for r in results for label in r.tallies] + [len("operation")])
    lines = [f"  {'pass':<22} {'operation':<{width}} {'cases':>6} {'2xx':>5} {'4xx':>5} {'5xx':>5}  checks failed"]
    for result in results:
        failed: dict[str, set[str]] = {}
        for failure in result.findings.failures.values():
            failed.setdefault(failure.operation, set()).add(failure.check)
        name = f"{result.plan.name} ({result.plan.variant})" if result.plan.variant else result.plan.name
        for label, tally in sorted(result.tallies.items()):
            checks = ", ".join(sorted(failed.get(label, ()))) or "-"
            counts = f"{tally.cases:>6} {tally.count(200):>5} {tally.count(400):>5} {tally.count(500):>5}"
            lines.append(f"  {name:<22} {label:<{width}} {counts}  {checks}")
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


def render(title: str, results: Sequence[PassResult], report: Path | None = None) -> str:
    passed = all(r.passed for r in results)
    cases = sum(r.cases for r in results)
    lines = [f"{title}: {'PASSED' if passed else 'FAILED'} ({cases} cases)", *table(results)]
    examples = sum(t.examples for r in results for t in r.tallies.values())
    lines.append(f"  request examples of the spec sent as written: {examples}")
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
    return "\n".join(lines)


def write_report(path: Path, summary: str, results: Sequence[PassResult]) -> None:
    """The summary followed by schemathesis's own output of every pass (credentials redacted)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = [summary, ""]
    for result in results:
        parts += [f"==== {result.plan.title} ({result.plan.target.base_url}) ====", result.output]
    path.write_text("\n".join(parts), encoding="utf-8")
