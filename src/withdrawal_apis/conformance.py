"""The schemathesis harness: one provider's spec against a base URL, all checks, all phases.

Against an emulator (`emulator=True`) it runs every phase in positive and negative mode. Against a
real sandbox it runs positive mode only, rate-limited, and leaves out the operations that move money
unless `allow_withdrawals` is set. Either way it writes a JUnit file and a short text report and
returns the per-operation case counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from .providers import Provider
from .providers.profile import ConformanceProfile

PHASES = "examples,coverage,fuzzing,stateful"


@dataclass(frozen=True)
class Result:
    provider: str
    exit_code: int
    cases: dict[str, int]
    junit: Path
    report: Path
    output: str

    @property
    def passed(self) -> bool:
        return self.exit_code == 0

    def summary(self) -> str:
        lines = [f"{self.provider}: {'PASSED' if self.passed else 'FAILED'} ({sum(self.cases.values())} cases)"]
        lines += [f"  {operation:<32} {count:>6} cases" for operation, count in sorted(self.cases.items())]
        return "\n".join(lines)


def profile(provider: Provider) -> ConformanceProfile:
    found: ConformanceProfile = import_module(provider.module).CONFORMANCE
    return found


def credentials_from_env(provider: Provider, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    names = profile(provider).credentials_env
    missing = [env for env in names.values() if not environ.get(env)]
    if missing:
        raise SystemExit(f"set {', '.join(missing)} to fuzz {provider.name}")
    return {field: environ[env] for field, env in names.items()}


def run(
    provider: Provider,
    base_url: str,
    credentials: Mapping[str, str],
    *,
    emulator: bool,
    report_dir: Path,
    max_examples: int = 25,
    allow_withdrawals: bool = False,
    rate_limit: str | None = None,
    seed: int | None = 1,
    extra_args: Sequence[str] = (),
) -> Result:
    report_dir.mkdir(parents=True, exist_ok=True)
    junit = report_dir / f"{provider.name}-junit.xml"
    report = report_dir / f"{provider.name}-report.txt"
    counts_file = Path(tempfile.mkstemp(prefix="cases-", suffix=".json")[1])
    args = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        str(provider.spec_path),
        "--url",
        base_url,
        "--checks",
        "all",
        "--phases",
        PHASES,
        "--mode",
        "all" if emulator else "positive",
        "--max-examples",
        str(max_examples),
        "--report",
        "junit",
        "--report-junit-path",
        str(junit),
        "--request-timeout",
        "10",
        "--workers",
        "1",
    ]
    if seed is not None:
        args += ["--seed", str(seed)]
    if rate_limit or not emulator:
        args += ["--rate-limit", rate_limit or "60/m"]
    if not emulator and not allow_withdrawals:
        for operation_id in sorted(profile(provider).money_moving):
            args += ["--exclude-operation-id", operation_id]
    args += list(extra_args)
    env = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "withdrawal_apis.conformance_hooks",
        "WITHDRAWAL_APIS_PROVIDER": provider.name,
        "WITHDRAWAL_APIS_CREDENTIALS": json.dumps(dict(credentials)),
        "WITHDRAWAL_APIS_COUNTS": str(counts_file),
        "NO_COLOR": "1",
    }
    # Run from the report directory so schemathesis keeps its caches there, not in the checkout.
    completed = subprocess.run(args, env=env, capture_output=True, text=True, check=False, cwd=report_dir)
    output = completed.stdout + completed.stderr
    try:
        cases = {k: int(v) for k, v in json.loads(counts_file.read_text() or "{}").items()}
    finally:
        counts_file.unlink(missing_ok=True)
    result = Result(provider.name, completed.returncode, cases, junit, report, output)
    report.write_text(f"{result.summary()}\n\nbase URL: {base_url}\n\n{output}", encoding="utf-8")
    return result
