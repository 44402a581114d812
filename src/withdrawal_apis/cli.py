"""`withdrawal-apis`: run an emulator, fuzz a sandbox, or run the whole conformance suite.

withdrawal-apis sandbox PROVIDER [--port P] [--db PATH|postgresql://...] [--workers N] [--credentials K:S] [...]
withdrawal-apis fuzz PROVIDER [--base-url URL] [--allow-withdrawals] [--seed N] [--max-examples N] [-- ST_RUN_ARGS]
withdrawal-apis conformance [PROVIDER ...] [--deep] [--seed N] [--max-examples N] [-- ST_RUN_ARGS]
withdrawal-apis proxy <provider> --upstream URL [--host H] [--port P] [--enforce] [--report-dir DIR]
withdrawal-apis drift check <provider> TRAFFIC [--base-url URL] [--report-dir DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
from pathlib import Path
from typing import NoReturn

from . import __version__
from .conformance import fuzz, suite
from .conformance.options import split_passthrough
from .drift import commands as drift
from .registry import get, names

ADVANCE_POLICIES = ("manual", "instant", "realistic")
# What each command imports beyond the clients, and the extra that installs it.
NEEDS = {
    "sandbox": ("sandbox", ("uvicorn", "httptools")),
    "fuzz": ("conformance", ("schemathesis",)),
    "conformance": ("conformance", ("schemathesis", "uvicorn", "httptools")),
    "proxy": ("sandbox", ("uvicorn", "httptools")),
}


class Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr (and exit status 2), not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a TCP port (0-65535)")
    return value


def add_sandbox_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    sandbox = commands.add_parser("sandbox", help="run a provider's emulator on loopback")
    sandbox.add_argument("provider", choices=names())
    sandbox.add_argument("--host", default="127.0.0.1", help="a non-loopback host needs a control token")
    sandbox.add_argument("--port", type=port, default=8000)
    sandbox.add_argument(
        "--db",
        default=":memory:",
        help="SQLite file, or postgresql://USER@HOST/DB for a sandbox several processes share (default: in memory)",
    )
    sandbox.add_argument(
        "--workers", type=int, default=1, help="processes serving the one port (needs --db FILE or postgresql://)"
    )
    sandbox.add_argument("--advance", choices=ADVANCE_POLICIES, default="manual")
    sandbox.add_argument("--seed", type=Path, help="JSON or YAML seed (the control API's Seed schema)")
    sandbox.add_argument(
        "--credentials",
        metavar="KEY:SECRET",
        help="the demo account's key id (or user) and secret; default: the provider's environment variables "
        "(as `fuzz` reads them), else a fresh secret",
    )
    sandbox.add_argument("--rate-limit", type=int, help="requests per the provider's window; 0 = off")
    sandbox.add_argument("--test-mode", action="store_true", help="validate every response against the spec")
    sandbox.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=JSON",
        help='a provider option, e.g. --option fee_mode="inclusive" or --option \'fee={"TRC20": "2.00"}\'',
    )
    sandbox.add_argument("--control-token", help="require `Authorization: Bearer TOKEN` on /_sandbox/ (env "
                         "WITHDRAWAL_APIS_CONTROL_TOKEN)")  # fmt: skip
    sandbox.add_argument("--access-log", action="store_true", help="log one line per request")


def parser() -> Parser:
    found = Parser(prog="withdrawal-apis", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    found.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    found.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    commands = found.add_subparsers(dest="command", required=True, parser_class=Parser)
    add_sandbox_parser(commands)
    fuzz.add_parser(commands)
    suite.add_parser(commands)
    drift.add_parsers(commands, names(), port)
    return found


def missing_extra(command: str) -> str | None:
    """One line naming the extra to install, when the command's dependencies are not installed."""
    extra, modules = NEEDS.get(command, ("", ()))
    absent = [name for name in modules if importlib.util.find_spec(name) is None]
    if not absent:
        return None
    return (
        f"withdrawal-apis {command} needs {', '.join(absent)}, which is not installed: "
        f"pip install 'withdrawal-apis[{extra}]' (or [all])"
    )


def main(argv: list[str] | None = None) -> int:
    ours, passthrough = split_passthrough(sys.argv[1:] if argv is None else argv)
    args = parser().parse_args(ours)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    problem = missing_extra(args.command)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if args.command == "sandbox":
        from . import launch  # the emulator's dependencies load only for the commands that need them

        args.provider = get(args.provider)
        return launch.main(args)
    if args.command == "fuzz":
        return fuzz.main(args, passthrough)
    if args.command in ("proxy", "drift"):
        return drift.main(args)
    unknown = [name for name in args.providers if name not in names()]
    if unknown:
        parser().error(f"unknown provider {unknown[0]!r} (choose from {', '.join(names())})")
    return suite.main(args, passthrough)


if __name__ == "__main__":
    sys.exit(main())
