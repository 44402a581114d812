"""Command-line options shared by `withdrawal-apis fuzz` and `withdrawal-apis conformance`."""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .plan import PHASES

PASSTHROUGH_COMMANDS = ("fuzz", "conformance")


def split_passthrough(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """`fuzz <provider> ... -- --request-timeout 5` -> our arguments, and those handed to `st run` as they are."""
    argv = list(argv)
    # The subcommand may follow global options (`--log-level INFO fuzz ...`).
    command = next((i for i, arg in enumerate(argv) if arg in PASSTHROUGH_COMMANDS), None)
    if command is not None and "--" in argv[command:]:
        cut = argv.index("--", command)
        return argv[:cut], argv[cut + 1 :]
    return argv, []


def add_run_options(parser: argparse.ArgumentParser, *, max_examples: int, report_dir: str) -> None:
    parser.add_argument(
        "--seed",
        type=int,
        action="append",
        help="schemathesis seed; repeat for several runs (default: a random seed, printed)",
    )
    parser.add_argument("--max-examples", type=int, help=f"cases per operation and phase (default: {max_examples})")
    parser.add_argument("--phases", default=PHASES, help=f"comma-separated schemathesis phases (default: {PHASES})")
    parser.add_argument("--checks", default="all", help="comma-separated schemathesis checks (default: all)")
    parser.add_argument("--workers", default="1", help="concurrent schemathesis workers, or 'auto' (default: 1)")
    parser.add_argument(
        "--allow-untested",
        action="append",
        default=[],
        metavar="OPERATION_ID",
        help="accept that this operation got no 2xx (a known gap); repeatable",
    )
    parser.add_argument(
        "--report-dir",
        type=Path,
        default=Path(report_dir),
        help=f"where JUnit files and the report go, relative to the current directory (default: {report_dir})",
    )
    parser.epilog = "Arguments after `--` are passed to `st run` unchanged (they come last, so they win)."


@dataclass(frozen=True)
class RunOptions:
    seeds: tuple[int, ...]
    max_examples: int
    phases: str
    checks: str
    workers: str
    allow_untested: frozenset[str]
    report_dir: Path
    extra_args: tuple[str, ...]

    @classmethod
    def from_args(
        cls, args: argparse.Namespace, extra: Sequence[str], *, max_examples: int, seeds: Sequence[int] = ()
    ) -> RunOptions:
        chosen = tuple(args.seed or seeds) or (random.randrange(1, 2**31),)
        return cls(
            seeds=chosen,
            max_examples=args.max_examples or max_examples,
            phases=args.phases,
            checks=args.checks,
            workers=args.workers,
            allow_untested=frozenset(args.allow_untested),
            report_dir=args.report_dir,
            extra_args=tuple(extra),
        )
