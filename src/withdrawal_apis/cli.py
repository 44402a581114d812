"""`withdrawal-apis`: run an emulator, fuzz a sandbox, or run the whole conformance suite.

withdrawal-apis sandbox mpchat [--port P] [--db PATH] [--advance manual|instant|realistic] [--credentials KEY:SECRET]
withdrawal-apis fuzz mpchat --base-url URL [--allow-withdrawals] [--seed N] [--max-examples N] [-- ST_RUN_ARGS]
withdrawal-apis conformance [PROVIDER ...] [--deep] [--seed N] [--max-examples N] [-- ST_RUN_ARGS]
withdrawal-apis proxy mpchat --upstream URL [--host H] [--port P] [--enforce] [--report-dir DIR]
withdrawal-apis drift check mpchat TRAFFIC [--base-url URL] [--report-dir DIR]
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import NoReturn

from . import __version__
from .conformance import fuzz, suite
from .conformance.options import split_passthrough
from .drift import commands as drift
from .providers import PROVIDERS, get

ADVANCE_POLICIES = ("manual", "instant", "realistic")


class Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr (and exit status 2), not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a TCP port (0-65535)")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="withdrawal-apis", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    names = [p.name for p in PROVIDERS]

    sandbox = commands.add_parser("sandbox", help="run a provider's emulator on loopback")
    sandbox.add_argument("provider", choices=names)
    sandbox.add_argument("--host", default="127.0.0.1", help="a non-loopback host needs a control token")
    sandbox.add_argument("--port", type=port, default=8000)
    sandbox.add_argument("--db", default=":memory:", help="SQLite file (default: in memory)")
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

    fuzz.add_parser(commands)
    suite.add_parser(commands)
    drift.add_parsers(commands, names, port)

    ours, passthrough = split_passthrough(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(ours)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command == "sandbox":
        return run_sandbox(args)
    if args.command == "fuzz":
        return fuzz.main(args, passthrough)
    if args.command in ("proxy", "drift"):
        return drift.main(args)
    unknown = [name for name in args.providers if name not in names]
    if unknown:
        parser.error(f"unknown provider {unknown[0]!r} (choose from {', '.join(names)})")
    return suite.main(args, passthrough)


def run_sandbox(args: argparse.Namespace) -> int:
    from . import launch  # the emulator's dependencies load only for the commands that need them

    return launch.main(
        launch.Launch(
            provider=get(args.provider),
            host=args.host,
            port=args.port,
            db=args.db,
            advance=args.advance,
            seed=args.seed,
            credentials=args.credentials,
            rate_limit=args.rate_limit,
            test_mode=args.test_mode,
            options=args.option,
            control_token=args.control_token,
            access_log=args.access_log,
        )
    )


if __name__ == "__main__":
    sys.exit(main())
