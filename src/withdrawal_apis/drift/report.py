"""The drift report: findings streamed as NDJSON while traffic flows, and a summary at the end
(printed, and written as JSON and as a static HTML page).

Everything written here has already been through the spec's secret policy: findings carry no
secret values, and every text is scrubbed of the secrets seen in the traffic once more on the way out.
"""

from __future__ import annotations

import html
import json
import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from .findings import Finding, Tally
from .redaction import SecretPolicy
from .traffic import Exchange
from .validation import Checked

NDJSON_NAME = "drift.ndjson"
SUMMARY_NAME = "summary.json"
HTML_NAME = "summary.html"
CAPTURE_NAME = "traffic.har"
CAPTURE_LIMIT = 10_000  # exchanges kept for the capture; older ones are dropped (and counted)
_LEVEL_ORDER = {"error": 0, "known": 1, "info": 2}


@dataclass
class Run:
    """What a report says about its run: which spec, which traffic, when."""

    provider: str
    spec: str
    spec_version: str
    source: str
    started: datetime = field(default_factory=lambda: datetime.now(UTC))


class Recorder:
    """Takes every checked exchange: tallies it, streams its findings, keeps it for the capture."""

    def __init__(self, run: Run, policy: SecretPolicy, stream: IO[str] | None, capture: bool = False) -> None:
        self.run = run
        self.policy = policy
        self.stream = stream
        self.tally = Tally()
        self.captured: deque[Exchange] | None = deque(maxlen=CAPTURE_LIMIT) if capture else None
        self.dropped = 0
        self._lock = threading.Lock()

    def record(self, exchange: Exchange, checked: Checked) -> None:
        with self._lock:
            self.tally.add(exchange.id, exchange.started, checked.operation, checked.label, checked.findings)
            if exchange.status is None:
                self.tally.unanswered += 1
            if self.captured is not None:
                if len(self.captured) == self.captured.maxlen:
                    self.dropped += 1
                self.captured.append(exchange)
            if self.stream is not None and checked.findings:
                for finding in checked.findings:
                    self.stream.write(self.line(exchange, finding) + "\n")
                self.stream.flush()

    def line(self, exchange: Exchange, finding: Finding) -> str:
        when = exchange.started.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        event = {"time": when, "exchange": exchange.id, **finding.as_dict()}
        return self.policy.text(json.dumps(event, ensure_ascii=False, separators=(",", ":")))

    # -- the summary --------------------------------------------------------------------------
    def document(self) -> dict[str, Any]:
        tally = self.tally
        entries = sorted(
            tally.entries.values(),
            key=lambda e: (_LEVEL_ORDER[e.finding.level], e.finding.label, e.finding.direction, e.finding.pointer),
        )
        operations = [
            {"operation": name, "label": op.label, "requests": op.requests, "findings": dict(sorted(op.rules.items()))}
            for name, op in sorted(tally.operations.items(), key=lambda item: item[1].label)
        ]
        counts = tally.counts()
        document = {
            "provider": self.run.provider,
            "spec": self.run.spec,
            "spec_version": self.run.spec_version,
            "source": self.run.source,
            "started": _stamp(self.run.started),
            "finished": _stamp(datetime.now(UTC)),
            "exchanges": tally.exchanges,
            "unanswered": tally.unanswered,
            "drift": tally.drift,
            "counts": {level: counts.get(level, 0) for level in ("error", "info", "known")},
            "operations": operations,
            "findings": [entry.as_dict() for entry in entries],
        }
        scrubbed: dict[str, Any] = json.loads(self.policy.text(json.dumps(document, ensure_ascii=False)))
        return scrubbed

    def write(self, directory: Path, document: dict[str, Any]) -> list[Path]:
        directory.mkdir(parents=True, exist_ok=True)
        summary = directory / SUMMARY_NAME
        summary.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        page = directory / HTML_NAME
        page.write_text(render_html(document), encoding="utf-8")
        return [summary, page]


class KeepingRecorder(Recorder):
    """A recorder that also keeps every exchange with its findings, in the order they came (for comparisons)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kept: list[tuple[Exchange, Checked]] = []

    def record(self, exchange: Exchange, checked: Checked) -> None:
        super().record(exchange, checked)
        self.kept.append((exchange, checked))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def render_text(document: dict[str, Any], written: list[Path]) -> str:
    counts = document["counts"]
    verdict = "DRIFT" if document["drift"] else "no drift"
    lines = [
        f"drift: {document['provider']} ({document['spec']} {document['spec_version']}), "
        f"{document['exchanges']} exchanges from {document['source']}: {verdict} "
        f"({counts['error']} error, {counts['known']} known, {counts['info']} info)"
    ]
    if document["unanswered"]:
        lines.append(f"  {document['unanswered']} requests got no answer from upstream")
    width = max([len(op["label"]) for op in document["operations"]] + [len("operation")])
    lines.append(f"  {'operation':<{width}} {'requests':>8}  findings")
    for op in document["operations"]:
        rules = ", ".join(f"{rule} x{n}" for rule, n in op["findings"].items()) or "-"
        lines.append(f"  {op['label']:<{width}} {op['requests']:>8}  {rules}")
    for number, entry in enumerate(document["findings"], 1):
        lines.append(f"  {number}. {describe(entry)}")
    lines += [f"  written: {path}" for path in written]
    return "\n".join(lines)


def describe(entry: dict[str, Any]) -> str:
    """One line per distinct finding: level, where, rule, expected against seen, how often and when."""
    where = entry["direction"] + (f" {entry['status']}" if entry.get("status") else "")
    place = entry["location"] + (f" {entry['pointer']}" if entry["pointer"] else "")
    known = f" [{entry['known']}]" if entry.get("known") else ""
    seen = f"; seen {json.dumps(entry['seen'], ensure_ascii=False)}" if entry.get("seen") is not None else ""
    expected = entry.get("expected")
    wanted = f"; expected {json.dumps(expected, ensure_ascii=False)}" if expected not in (None, [], "") else ""
    when = f"x{entry['count']}, {entry['first_seen']} … {entry['last_seen']}"
    return f"{entry['level']:<5} {entry['label']} {where} {place}: {entry['rule']}{wanted}{seen}{known} ({when})"


_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1a1a1a}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;
vertical-align:top}th{background:#f3f3f3}.error{color:#b00020;font-weight:600}.known{color:#8a5a00}
.info{color:#245b9f}code{font:13px ui-monospace,monospace}.verdict{font-size:1.2rem}
"""


def render_html(document: dict[str, Any]) -> str:
    """A static page: the verdict, requests and findings per operation, then every distinct finding."""
    esc = html.escape
    counts = document["counts"]
    verdict = "Drift" if document["drift"] else "No drift"
    rows = "".join(
        f"<tr><td><code>{esc(op['label'])}</code></td><td>{esc(op['operation'])}</td><td>{op['requests']}</td>"
        f"<td>{esc(', '.join(f'{k} x{v}' for k, v in op['findings'].items()) or '-')}</td></tr>"
        for op in document["operations"]
    )
    findings = "".join(
        f"<tr><td class='{esc(e['level'])}'>{esc(e['level'])}</td><td><code>{esc(e['label'])}</code></td>"
        f"<td>{esc(e['direction'])}{' ' + str(e['status']) if e.get('status') else ''}</td>"
        f"<td>{esc(e['location'])} <code>{esc(e['pointer'])}</code></td><td>{esc(e['rule'])}</td>"
        f"<td><code>{esc(json.dumps(e['expected'], ensure_ascii=False))}</code></td>"
        f"<td><code>{esc(json.dumps(e['seen'], ensure_ascii=False))}</code></td>"
        f"<td>{e['count']}</td><td>{esc(e['first_seen'])}<br>{esc(e['last_seen'])}</td>"
        f"<td>{esc(e.get('known') or '')}</td><td>{esc(e['message'])}</td></tr>"
        for e in document["findings"]
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drift report: {esc(document["provider"])}</title>
<style>{_STYLE}</style></head><body>
<h1>Drift report: {esc(document["provider"])}</h1>
<p class="verdict">{verdict}: {counts["error"]} error, {counts["known"]} known, {counts["info"]} info
in {document["exchanges"]} exchanges.</p>
<p>Spec <code>{esc(document["spec"])}</code> {esc(document["spec_version"])} · traffic from
{esc(document["source"])} · {esc(document["started"])} to {esc(document["finished"])}</p>
<h2>Operations</h2>
<table><tr><th>operation</th><th>operationId</th><th>requests</th><th>findings</th></tr>{rows}</table>
<h2>Findings</h2>
<table><tr><th>level</th><th>operation</th><th>side</th><th>where</th><th>rule</th><th>expected</th><th>seen</th>
<th>count</th><th>first / last seen</th><th>known deviation</th><th>message</th></tr>{findings}</table>
</body></html>
"""
