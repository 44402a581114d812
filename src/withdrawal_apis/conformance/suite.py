"""`withdrawal-apis conformance`: the main job. Every emulator, started as users start it, fuzzed
against its spec and against the control API's spec.

Per provider:
- "as started": `withdrawal-apis sandbox <p>` with nothing but a port (the demo seed, the provider's
  rate limit on), fuzzed the way `withdrawal-apis fuzz` fuzzes a real sandbox: positive cases, no
  money-moving operation. A 429 is a valid answer; an operation answered only 429 is untested. The
  demo seed holds no withdrawal, so a 404 from an operation that reads one is no failure here.
- "fuzz": the same command with the conformance seed, test mode and no rate limit, once per seed
  and credential variant, so generated data reaches the ledger.
- "auth": against that emulator, unsigned: schemathesis's own values for the security scheme
  (none, empty, malformed, made up) must be refused as the spec documents.
- "control": `specs/sandbox-control.yaml` against a fresh emulator.
"""

from __future__ import annotations

import argparse
import json
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from ..core.profile import profile_of
from ..registry import PROVIDERS, Provider, get
from . import emulators, progress, summary
from .options import RunOptions, add_run_options
from .plan import Pass, Target
from .progress import Progress
from .runner import PassResult, run_pass

DEFAULT_EXAMPLES = 25
DEEP_EXAMPLES = 100
DEEP_SEEDS = (1, 2, 3)
AUTH_EXAMPLES = 10
AUTH_PHASES = "coverage,fuzzing"
AS_STARTED_PHASES = "examples,fuzzing"
AS_STARTED_EXAMPLES = 5
# A control-API-only emulator has no withdrawal to inspect or move: these can only answer 404 there.
CONTROL_UNTESTABLE = frozenset({"get_withdrawal_state", "apply_transition"})


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    names = [p.name for p in PROVIDERS]
    suite = commands.add_parser("conformance", help="start every emulator and run the conformance suite against it")
    suite.add_argument("providers", nargs="*", metavar="PROVIDER", help=f"default: all ({', '.join(names)})")
    suite.add_argument(
        "--deep",
        action="store_true",
        help=f"{DEEP_EXAMPLES} examples and seeds {', '.join(map(str, DEEP_SEEDS))} (unless --seed is given)",
    )
    suite.add_argument("--jobs", type=int, default=2, help="providers run at the same time (default: 2)")
    suite.add_argument(
        "--print-seed",
        choices=names,
        metavar="PROVIDER",
        help="print the conformance seed (fresh random credentials) for `withdrawal-apis sandbox --seed`, and exit",
    )
    add_run_options(suite, max_examples=DEFAULT_EXAMPLES, report_dir="reports/conformance")


def main(args: argparse.Namespace, extra: Sequence[str]) -> int:
    if args.print_seed:
        print(json.dumps(emulators.conformance_seed(get(args.print_seed))[0], indent=2))
        return 0
    providers = [get(name) for name in args.providers] or list(PROVIDERS)
    # A provider with several authentication schemes has the most passes: start it first, not last.
    providers.sort(key=lambda p: -len(profile_of(p).variants))
    options = RunOptions.from_args(
        args,
        extra,
        max_examples=DEEP_EXAMPLES if args.deep else DEFAULT_EXAMPLES,
        seeds=DEEP_SEEDS if args.deep else (),
    )
    jobs = max(1, min(args.jobs, len(providers)))
    seeds = ", ".join(map(str, options.seeds))
    print(f"conformance: {len(providers)} providers, {jobs} at a time, seed {seeds}, {options.max_examples} examples")
    shown = progress.for_stream(live=jobs == 1)
    printing = threading.Lock()

    def one(provider: Provider) -> int:
        """0 passed, 1 failed, 2 its emulator could not be started."""
        try:
            results = run_provider(provider, options, shown)
        except RuntimeError as error:
            with printing:
                print(f"{provider.name}: FAILED: {error}", flush=True)
            return 2
        report = options.report_dir / f"{provider.name}-report.txt"
        found = summary.summarize(provider.name, results, report)
        summary.write_report(report, found.text(), results)
        with printing:
            summary.show(found)
        return 0 if found.passed else 1

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        codes = list(pool.map(one, providers))
    failed = sum(code != 0 for code in codes)
    print(f"conformance: {len(providers) - failed} passed, {failed} failed")
    return max(codes)


def run_provider(provider: Provider, options: RunOptions, shown: Progress) -> list[PassResult]:
    results: list[PassResult] = []
    with emulators.as_started(provider) as emulator:
        plan = replace(
            _pass("as started", _target(emulator), options, phases=AS_STARTED_PHASES),
            mode="positive",
            max_examples=min(options.max_examples, AS_STARTED_EXAMPLES),
            exclude_operation_ids=tuple(sorted(profile_of(provider).money_moving)),
            require_success=False,
        )
        results.append(_run_on(emulator, plan, options, shown))
    with emulators.seeded(provider) as emulator:
        results += [_run_on(emulator, plan, options, shown) for plan in _fuzz_passes(_target(emulator), options)]
    with emulators.plain(provider) as emulator:
        plan = _pass("control", Target.control(provider, emulator.base_url), options, allow=CONTROL_UNTESTABLE)
        results.append(_run_on(emulator, plan, options, shown))
    return results


def _run_on(emulator: emulators.Emulator, plan: Pass, options: RunOptions, shown: Progress) -> PassResult:
    result = run_pass(plan, options.report_dir, shown)
    problem = emulator.exit_problem()
    if problem:
        result.findings.errors.append(problem)
    return result


def _target(emulator: emulators.Emulator) -> Target:
    provider = emulator.provider
    return Target(provider.name, provider.spec_path, emulator.base_url, provider, emulator.credentials)


def _fuzz_passes(target: Target, options: RunOptions) -> list[Pass]:
    assert target.provider is not None
    variants = list(profile_of(target.provider).variants) or [""]
    passes = [_pass("fuzz", target, options, seed=seed, variant=v) for seed in options.seeds for v in variants]
    # Made-up credentials are refused before the body is read: positive cases are enough.
    auth = replace(
        _pass("auth", target, options, sign=False, phases=AUTH_PHASES),
        mode="positive",
        max_examples=min(options.max_examples, AUTH_EXAMPLES),
    )
    return [*passes, auth]


def _pass(
    name: str,
    target: Target,
    options: RunOptions,
    *,
    seed: int | None = None,
    variant: str = "",
    sign: bool = True,
    max_examples: int | None = None,
    phases: str | None = None,
    allow: frozenset[str] = frozenset(),
) -> Pass:
    return Pass(
        name,
        target,
        options.seeds[0] if seed is None else seed,
        max_examples=max_examples or options.max_examples,
        phases=phases or options.phases,
        checks=options.checks,
        workers=options.workers,
        variant=variant,
        sign=sign,
        require_success=sign,
        allow_untested=options.allow_untested | allow,
        extra_args=options.extra_args,
    )
