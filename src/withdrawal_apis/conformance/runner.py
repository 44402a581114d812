"""Run one pass: `st run` in a subprocess, its progress followed live, its outcome judged.

Schemathesis decides what failed; the harness adds what schemathesis accepts but a conformance
run must not: an operation that never got a 2xx was not tested, and a signed request answered
401 means the signer (or the server's verifier) is wrong.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..core.profile import profile_of
from .calls import CallLog, OperationTally
from .findings import Findings, FindingsReader
from .plan import UNSIGNED_CONFIG, Pass
from .progress import Progress
from .redact import Redactor


@dataclass
class PassResult:
    plan: Pass
    exit_code: int
    tallies: dict[str, OperationTally]  # by operation label
    findings: Findings
    junit: Path
    output: str  # schemathesis's own output, credentials redacted
    seconds: float
    captures: tuple[Path, ...] = ()  # the traffic, when the pass captured it (HAR, VCR; secrets redacted)

    @property
    def untested(self) -> list[OperationTally]:
        """Operations that never got a real answer (only 429s, or none), or no 2xx where one is required."""
        found = []
        for label in sorted(self.findings.operations | set(self.tallies)):
            tally = self.tallies.get(label) or OperationTally(label, _operation_id(self.plan, label))
            throttled = tally.count(200) == 0 and tally.statuses[429] + tally.statuses[0] == tally.cases
            if tally.operation_id in self.plan.allow_untested:
                continue
            if throttled or (self.plan.require_success and tally.count(200) == 0):
                found.append(tally)
        return found

    @property
    def refused(self) -> dict[str, int]:
        return {label: t.refused for label, t in sorted(self.tallies.items()) if t.refused}

    @property
    def signed(self) -> int:
        return sum(t.signed for t in self.tallies.values())

    @property
    def passed(self) -> bool:
        clean = self.exit_code == 0 and not self.findings.failures and not self.findings.errors
        return clean and not self.untested and not self.refused

    @property
    def cases(self) -> int:
        return sum(t.cases for t in self.tallies.values())


def run_pass(plan: Pass, report_dir: Path, progress: Progress) -> PassResult:
    """Run `plan`, its JUnit file written to `report_dir` (absolute, or relative to the caller's cwd)."""
    report_dir.mkdir(parents=True, exist_ok=True)
    junit = report_dir / f"{plan.slug}-junit.xml"
    redactor = Redactor.for_spec(plan.target.document, plan.target.credentials.values())
    with tempfile.TemporaryDirectory(prefix="withdrawal-apis-st-") as work:
        workdir = Path(work)
        provider = plan.target.provider
        refusals = profile_of(provider).auth_refusals if provider is not None else frozenset({401})
        calls = CallLog(workdir / "calls.jsonl", refusals)
        findings = FindingsReader(workdir / "events.ndjson", redactor)
        output_path = workdir / "output.txt"
        config = None
        if not plan.sign:
            config = workdir / "schemathesis.toml"
            config.write_text(UNSIGNED_CONFIG, encoding="utf-8")
        argv = plan.argv(junit.absolute(), findings.path, config)
        env = {**os.environ, **plan.env(calls.path), "NO_COLOR": "1"}
        progress.start(plan)
        started = time.monotonic()
        # Schemathesis keeps its caches in its working directory: a scratch one, not the caller's.
        with output_path.open("wb") as output:
            process = subprocess.Popen(argv, env=env, cwd=workdir, stdout=output, stderr=subprocess.STDOUT)
            while process.poll() is None:
                time.sleep(0.2)
                calls.read_new()
                findings.read_new()
                progress.update(plan, calls.tallies, findings.findings)
        calls.read_new()
        findings.read_new()
        text = redactor.text(output_path.read_text(encoding="utf-8", errors="replace"))
    redactor.file(junit)
    captures = _redacted_captures(plan, junit.parent) if plan.capture else ()
    result = PassResult(
        plan, process.returncode, calls.tallies, findings.findings, junit, text, time.monotonic() - started, captures
    )
    progress.finish(result)
    return result


def _redacted_captures(plan: Pass, report_dir: Path) -> tuple[Path, ...]:
    """The pass's HAR and VCR files with every secret redacted: by the spec's names, then the credentials."""
    from ..drift.redaction import SecretPolicy
    from ..drift.traffic import redact_capture

    credentials = {value for value in plan.target.credentials.values() if len(value) >= 4}
    credentials |= {hashlib.sha256(value.encode()).hexdigest() for value in credentials}

    def scrub(text: str) -> str:
        for value in sorted(credentials, key=len, reverse=True):
            text = text.replace(value, "[redacted]")
        return text

    found = tuple(path for path in plan.captures(report_dir) if path.exists())
    for path in found:
        redact_capture(path, SecretPolicy.from_spec(plan.target.document), scrub)
    return found


def _operation_id(plan: Pass, label: str) -> str:
    method, _, path = label.partition(" ")
    for operation in plan.target.document.operations:
        if operation.method.upper() == method and operation.path == path:
            return operation.operation_id or label
    return label
