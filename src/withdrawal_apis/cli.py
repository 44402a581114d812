"""`withdrawal-apis`: run an emulator, fuzz a sandbox, or run the whole conformance suite.

withdrawal-apis sandbox mpchat [--host H] [--port P] [--db PATH] [--advance manual|instant|realistic] [--seed FILE]
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
from typing import Any

import httpx

from . import __version__
from .emulators import build_app
from .providers import PROVIDERS, Provider, get
from .sandbox import AdvancePolicy, ApiError, SandboxConfig
from .sandbox.app import SandboxApp
from .sandbox.server import make_server, serve_in_thread
from .spec import load_yaml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="withdrawal-apis", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    names = [p.name for p in PROVIDERS]

    sandbox = commands.add_parser("sandbox", help="run a provider's emulator on loopback")
    sandbox.add_argument("provider", choices=names)
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--port", type=int, default=8000)
    sandbox.add_argument("--db", default=":memory:", help="SQLite file (default: in memory)")
    sandbox.add_argument("--advance", choices=[p.value for p in AdvancePolicy], default="manual")
    sandbox.add_argument("--seed", type=Path, help="JSON or YAML seed (the control API's Seed schema)")
    sandbox.add_argument("--rate-limit", type=int, help="requests per the provider's window; 0 = off")
    sandbox.add_argument("--test-mode", action="store_true", help="validate every response against the spec")
    sandbox.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=JSON",
        help='a provider option, e.g. --option fee_mode="inclusive" or --option \'fee={"TRC20": "2.00"}\'',
    )

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
    # The emulator logs one line per request; during a conformance run that is thousands of lines.
    level = logging.INFO if args.command == "sandbox" else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(name)s %(message)s")
    if args.command == "sandbox":
        return run_sandbox(args)
    if args.command == "fuzz":
        return run_fuzz(args)
    return run_conformance([get(n) for n in args.providers] or list(PROVIDERS), args.max_examples, args.report_dir)


def run_sandbox(args: argparse.Namespace) -> int:
    config = SandboxConfig(
        db=args.db,
        advance=AdvancePolicy(args.advance),
        test_mode=args.test_mode,
        rate_limit=args.rate_limit,
        options=dict(parse_option(text) for text in args.option),
    )
    app = build_app(args.provider, config)
    seed = load_yaml(args.seed) if args.seed else None
    if seed is None and app.engine.store.accounts():
        print("store already seeded; keeping its accounts")
    else:
        seed_app(app, seed or app.provider.demo_seed())
    base_url = f"http://{args.host}:{args.port}"
    print(f"{args.provider} sandbox on {base_url} (control API: {base_url}/_sandbox/, advance: {config.advance})")
    for credential in app.engine.store.credentials():
        print(f"  account {credential.account_id}: key id {credential.key_id}  secret {credential.secret}")
    make_server(app, args.host, args.port).run()
    return 0


def parse_option(text: str) -> tuple[str, Any]:
    """`name=value`, the value read as JSON (a bare word is taken as a string)."""
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise SystemExit(f"--option wants NAME=VALUE, got {text!r}")
    try:
        return name, json.loads(value)
    except json.JSONDecodeError:
        return name, value


def seed_app(app: SandboxApp, seed: dict[str, Any]) -> None:
    """Seed as the control API would, so a seed file is validated like a request."""
    try:
        app.seed(seed)
    except ApiError as error:
        raise SystemExit(f"seed rejected: {error.message}") from None


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
    from . import conformance

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
