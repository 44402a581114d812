"""`withdrawal-apis fuzz`: the harness against a provider's real sandbox.

Positive cases only, rate-limited, money-moving operations left out unless allowed, credentials
from the environment. Exit 2 when the base URL cannot be reached, 1 when anything failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from ..core.profile import credentials_from_env, profile_of
from ..reachability import unreachable
from ..registry import PROVIDERS, ConfigurationError, get
from . import progress, summary
from .options import RunOptions, add_run_options
from .plan import Pass, Target, without_idle_stateful
from .runner import PassResult, run_pass

DEFAULT_EXAMPLES = 10


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    credentials = "; ".join(f"{p.name}: {', '.join(p.env_names(optional=False).values())}" for p in PROVIDERS)
    fuzz = commands.add_parser(
        "fuzz",
        help="run the conformance harness against a real sandbox",
        description=f"Credentials come from the environment ({credentials}), as `payouts.from_env` reads them; "
        "the base URL from --base-url or <PROVIDER>_BASE_URL.",
    )
    fuzz.add_argument("provider", choices=[p.name for p in PROVIDERS])
    fuzz.add_argument("--base-url", help="the sandbox to fuzz (default: $<PROVIDER>_BASE_URL)")
    fuzz.add_argument("--allow-withdrawals", action="store_true", help="also run operations that move money")
    fuzz.add_argument("--rate-limit", default="30/m", help="schemathesis --rate-limit (default: 30/m)")
    fuzz.add_argument("--mode", default="positive", choices=["positive", "negative", "all"])
    add_run_options(fuzz, max_examples=DEFAULT_EXAMPLES, report_dir="reports")


def main(args: argparse.Namespace, extra: Sequence[str]) -> int:
    provider = get(args.provider)
    options = RunOptions.from_args(args, extra, max_examples=DEFAULT_EXAMPLES)
    base_url = args.base_url or os.environ.get(provider.base_url_env)
    if not base_url:
        print(f"withdrawal-apis fuzz: give --base-url or set {provider.base_url_env}", file=sys.stderr)
        return 2
    problem = unreachable(base_url)
    if problem:
        print(f"withdrawal-apis fuzz: {problem}", file=sys.stderr)
        return 2
    try:
        credentials = credentials_from_env(provider)
    except ConfigurationError as error:
        print(f"withdrawal-apis fuzz: {error}", file=sys.stderr)
        return 2
    profile = profile_of(provider)
    excluded = () if args.allow_withdrawals else tuple(sorted(profile.money_moving))
    target = Target(provider.name, provider.spec_path, base_url, provider, credentials)
    shown = progress.for_stream()
    results: list[PassResult] = []
    for seed in options.seeds:
        for variant in profile.variants or {"": {}}:
            plan = Pass(
                "fuzz",
                target,
                seed,
                max_examples=options.max_examples,
                phases=without_idle_stateful(options.phases, target.document, excluded),
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
    found = summary.summarize(f"{provider.name} at {base_url}", results, report)
    sorted_lines = _sorted(results)
    summary.write_report(report, "\n".join([found.text(), *sorted_lines]), results)
    summary.show(found)
    if sorted_lines:
        print("\n".join(sorted_lines))
    return 0 if found.passed else 1


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
