"""The schemathesis harness: one provider's spec against a base URL, all checks, all phases.

Against an emulator (`emulator=True`) it runs every phase in positive and negative mode. Against a
real sandbox it runs positive mode only, rate-limited, and leaves out the operations that move money
unless `allow_withdrawals` is set. Either way it writes a JUnit file and a short text report and
returns the per-operation case counts.

A provider whose profile lists `variants` (one per authentication scheme, say) is run once per
variant, with that variant's overlay merged into the credentials; the result adds the runs up and
passes only if every variant passed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from .providers import Provider
from .providers.profile import ConformanceProfile

PHASES = "examples,coverage,fuzzing,stateful"


@dataclass(frozen=True)
class VariantResult:
    """One schemathesis run: the whole result of a provider without variants, or one of its variants."""

    name: str  # "" when the provider has no variants
    exit_code: int
    cases: dict[str, int]
    junit: Path
    output: str
    signed: int = 0  # positive cases sent with the provider's credentials
    refused: dict[str, int] = field(default_factory=dict)  # ... answered 401, per operation

    @property
    def passed(self) -> bool:
        # schemathesis accepts a 401 for any case, so a signer the server rejects would pass it.
        return self.exit_code == 0 and not self.refused


@dataclass(frozen=True)
class Result:
    provider: str
    exit_code: int
    cases: dict[str, int]
    junit: Path  # the first run's JUnit file; every run's is in `variants`
    report: Path
    output: str
    variants: tuple[VariantResult, ...] = ()

    @property
    def passed(self) -> bool:
        return self.exit_code == 0 and all(v.passed for v in self.variants)

    def summary(self) -> str:
        lines = [f"{self.provider}: {'PASSED' if self.passed else 'FAILED'} ({sum(self.cases.values())} cases)"]
        named = [v for v in self.variants if v.name]
        lines += [
            f"  under {v.name}: {'PASSED' if v.passed else 'FAILED'} ({sum(v.cases.values())} cases)" for v in named
        ]
        for v in self.variants:
            refused = sum(v.refused.values())
            where = f" ({', '.join(f'{op} {n}' for op, n in sorted(v.refused.items()))})" if refused else ""
            label = f" under {v.name}" if v.name else ""
            lines.append(f"  signed positive cases{label}: {v.signed} sent, {refused} refused with 401{where}")
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
    report = report_dir / f"{provider.name}-report.txt"
    runs = [
        _run_once(
            provider,
            base_url,
            variant_credentials,
            variant=name,
            emulator=emulator,
            report_dir=report_dir,
            max_examples=max_examples,
            allow_withdrawals=allow_withdrawals,
            rate_limit=rate_limit,
            seed=seed,
            extra_args=extra_args,
        )
        for name, variant_credentials in profile(provider).credential_variants(credentials).items()
    ]
    cases: dict[str, int] = {}
    for one in runs:
        for operation, count in one.cases.items():
            cases[operation] = cases.get(operation, 0) + count
    exit_code = next((one.exit_code for one in runs if not one.passed), 0)
    # Failed runs last: callers show the tail of the output.
    ordered = sorted(runs, key=lambda one: not one.passed)
    output = "\n".join(f"==== under {one.name} ====\n{one.output}" if one.name else one.output for one in ordered)
    result = Result(provider.name, exit_code, cases, runs[0].junit, report, output, tuple(runs))
    report.write_text(f"{result.summary()}\n\nbase URL: {base_url}\n\n{output}", encoding="utf-8")
    return result


def _run_once(
    provider: Provider,
    base_url: str,
    credentials: Mapping[str, str],
    *,
    variant: str,
    emulator: bool,
    report_dir: Path,
    max_examples: int,
    allow_withdrawals: bool,
    rate_limit: str | None,
    seed: int | None,
    extra_args: Sequence[str],
) -> VariantResult:
    junit = report_dir / (f"{provider.name}-{variant}-junit.xml" if variant else f"{provider.name}-junit.xml")
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
        "WITHDRAWAL_APIS_BASE_URL": base_url,
        "WITHDRAWAL_APIS_CREDENTIALS": json.dumps(dict(credentials)),
        "WITHDRAWAL_APIS_COUNTS": str(counts_file),
        "NO_COLOR": "1",
    }
    # Run from the report directory so schemathesis keeps its caches there, not in the checkout.
    completed = subprocess.run(args, env=env, capture_output=True, text=True, check=False, cwd=report_dir)
    output = completed.stdout + completed.stderr
    try:
        counts = json.loads(counts_file.read_text() or "{}")
    finally:
        counts_file.unlink(missing_ok=True)
    cases = {k: int(v) for k, v in counts.get("cases", {}).items()}
    signed, refused = sum(counts.get("signed", {}).values()), {k: int(v) for k, v in counts.get("refused", {}).items()}
    return VariantResult(variant, completed.returncode, cases, junit, output, signed, refused)
