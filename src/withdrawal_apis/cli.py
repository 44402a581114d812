"""`withdrawal-apis`: run an emulator, fuzz a sandbox, or run the whole conformance suite.

withdrawal-apis sandbox mpchat [--port P] [--db PATH] [--advance manual|instant|realistic] [--credentials KEY:SECRET]
withdrawal-apis fuzz mpchat --base-url URL [--allow-withdrawals] [--max-examples N] [--report-dir DIR]
withdrawal-apis conformance [PROVIDER ...] [--max-examples N] [--report-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import logging
import secrets
import sys
from pathlib import Path
from typing import NoReturn

from . import __version__
from .providers import PROVIDERS, Provider, get

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

    fuzz = commands.add_parser("fuzz", help="run the conformance harness against a real sandbox")
    fuzz.add_argument("provider", choices=names)
    fuzz.add_argument("--base-url", required=True)
    fuzz.add_argument("--allow-withdrawals", action="store_true", help="also run operations that move money")
    fuzz.add_argument("--max-examples", type=int, default=10)
    fuzz.add_argument("--rate-limit", default="30/m")
    fuzz.add_argument("--report-dir", type=Path, default=Path("reports"))

    suite = commands.add_parser("conformance", help="start every emulator and run the conformance suite against it")
    suite.add_argument("providers", nargs="*", metavar="PROVIDER", help=f"default: all ({', '.join(names)})")
    suite.add_argument("--max-examples", type=int, default=25)
    suite.add_argument("--report-dir", type=Path, default=Path("reports"))

    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command == "sandbox":
        return run_sandbox(args)
    if args.command == "fuzz":
        return run_fuzz(args)
    unknown = [name for name in args.providers if name not in names]
    if unknown:
        parser.error(f"unknown provider {unknown[0]!r} (choose from {', '.join(names)})")
    return run_conformance([get(n) for n in args.providers] or list(PROVIDERS), args.max_examples, args.report_dir)


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


def run_fuzz(args: argparse.Namespace) -> int:
    from . import conformance  # schemathesis is heavy: only the commands that fuzz load it

    provider = get(args.provider)
    credentials = conformance.credentials_from_env(provider)
    result = conformance.run(
        provider,
        args.base_url,
        credentials,
        emulator=False,
        report_dir=args.report_dir,
        max_examples=args.max_examples,
        allow_withdrawals=args.allow_withdrawals,
        rate_limit=args.rate_limit,
    )
    print(result.summary())
    print(f"JUnit: {result.junit}\nreport: {result.report}")
    return result.exit_code


def run_conformance(providers: list[Provider], max_examples: int, report_dir: Path) -> int:
    """The main job: every emulator over real HTTP on loopback, the full harness against each."""
    import httpx

    from . import conformance
    from .emulators import build_app
    from .sandbox import SandboxConfig
    from .sandbox.server import serve_in_thread

    failed = 0
    for provider in providers:
        app = build_app(provider.name, SandboxConfig(test_mode=True, rate_limit=0))
        credentials = {name: secrets.token_hex(16) for name in conformance.profile(provider).credentials_env}
        with serve_in_thread(app) as base_url:
            seed = conformance.profile(provider).emulator_seed(credentials)
            httpx.post(f"{base_url}/_sandbox/seed", json=seed, timeout=10).raise_for_status()
            result = conformance.run(
                provider, base_url, credentials, emulator=True, report_dir=report_dir, max_examples=max_examples
            )
        print(result.summary())
        if app.violations:
            print(f"  {len(app.violations)} responses violated the spec:\n    " + "\n    ".join(app.violations[:10]))
        if not result.passed or app.violations:
            failed += 1
            print(result.output[-4000:])
    print(json.dumps({"providers": len(providers), "failed": failed}))
    print(f"conformance: {len(providers) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
