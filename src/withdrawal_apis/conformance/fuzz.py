"""`withdrawal-apis fuzz`: the harness against a provider's real sandbox.

Positive cases only, rate-limited, money-moving operations left out unless allowed, credentials
from the environment. Exit 2 when the base URL cannot be reached, 1 when anything failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from ..providers import PROVIDERS, get
from ..providers.profile import credentials_from_env, profile_of
from . import progress, summary
from .options import RunOptions, add_run_options
from .plan import Pass, Target
from .reachability import unreachable
from .runner import PassResult, run_pass

DEFAULT_EXAMPLES = 10


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    credentials = "; ".join(f"{p.name}: {', '.join(profile_of(p).credentials_env.values())}" for p in PROVIDERS)
    fuzz = commands.add_parser(
        "fuzz",
        help="run the conformance harness against a real sandbox",
        description=f"Credentials come from the environment ({credentials}).",
    )
    fuzz.add_argument("provider", choices=[p.name for p in PROVIDERS])
    fuzz.add_argument("--base-url", required=True)
    fuzz.add_argument("--allow-withdrawals", action="store_true", help="also run operations that move money")
    fuzz.add_argument("--rate-limit", default="30/m", help="schemathesis --rate-limit (default: 30/m)")
    fuzz.add_argument("--mode", default="positive", choices=["positive", "negative", "all"])
    add_run_options(fuzz, max_examples=DEFAULT_EXAMPLES, report_dir="reports")


def main(args: argparse.Namespace, extra: Sequence[str]) -> int:
    provider = get(args.provider)
    options = RunOptions.from_args(args, extra, max_examples=DEFAULT_EXAMPLES)
    problem = unreachable(args.base_url)
    if problem:
        print(f"withdrawal-apis fuzz: {problem}", file=sys.stderr)
        return 2
    credentials = credentials_from_env(provider)
    profile = profile_of(provider)
    excluded = () if args.allow_withdrawals else tuple(sorted(profile.money_moving))
    target = Target(provider.name, provider.spec_path, args.base_url, provider, credentials)
    shown = progress.for_stream()
    results: list[PassResult] = []
    for seed in options.seeds:
        for variant in profile.variants or {"": {}}:
            plan = Pass(
                "fuzz",
                target,
                seed,
                max_examples=options.max_examples,
                phases=options.phases,
                checks=options.checks,
                mode=args.mode,
                workers=options.workers,
                rate_limit=args.rate_limit,
                variant=variant,
                exclude_operation_ids=excluded,
                allow_untested=options.allow_untested,
                extra_args=options.extra_args,
                capture=True,
            )
            results.append(run_pass(plan, options.report_dir, shown))
    report = options.report_dir / f"{provider.name}-report.txt"
    text = "\n".join([summary.render(f"{provider.name} at {args.base_url}", results, report), *_sorted(results)])
    summary.write_report(report, text, results)
    print(text)
    return 0 if all(r.passed for r in results) else 1


def _sorted(results: list[PassResult]) -> list[str]:
    """Each pass's captured traffic through the drift check: server errors, drift, business rules."""
    from ..drift.traffic import TrafficError
    from ..drift.validation import TrafficValidator
    from .sorting import render, sort_capture

    lines: list[str] = []
    for result in results:
        provider = result.plan.target.provider
        refusals = profile_of(provider).auth_refusals if provider is not None else frozenset({401})
        validator = TrafficValidator(result.plan.target.document)
        for capture in result.captures[-1:]:  # the cassette: it also says which requests were meant to be valid
            try:
                found = sort_capture(validator, capture, refusals)
                lines += render(f"{result.plan.title} ({capture})", found)
            except TrafficError as error:
                lines.append(f"  {result.plan.title}: the capture could not be read: {error}")
    return lines
