"""`withdrawal-apis`: run an emulator, fuzz a sandbox, or run the whole conformance suite.

withdrawal-apis sandbox mpchat [--host H] [--port P] [--db PATH] [--advance manual|instant|realistic] [--seed FILE]
withdrawal-apis fuzz mpchat --base-url URL [--allow-withdrawals] [--seed N] [--max-examples N] [-- ST_RUN_ARGS]
withdrawal-apis conformance [PROVIDER ...] [--deep] [--seed N] [--max-examples N] [-- ST_RUN_ARGS]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path
from typing import Any

import httpx

from .conformance import fuzz, suite
from .conformance.options import split_passthrough
from .providers import PROVIDERS
from .sandbox import AdvancePolicy, SandboxConfig, build_app
from .sandbox.app import SandboxApp
from .sandbox.server import make_server
from .spec import load_yaml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="withdrawal-apis", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
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

    fuzz.add_parser(commands)
    suite.add_parser(commands)

    ours, passthrough = split_passthrough(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(ours)
    # The emulator logs one line per request; during a conformance run that is thousands of lines.
    level = logging.INFO if args.command == "sandbox" else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(name)s %(message)s")
    if args.command == "sandbox":
        return run_sandbox(args)
    if args.command == "fuzz":
        return fuzz.main(args, passthrough)
    return suite.main(args, passthrough)


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
    if seed is None and app.engine.store.account_ids():
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
    """Seed through the control API's own handler, so a seed file is validated like a request."""
    transport = httpx.ASGITransport(app=app)

    async def post() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
            return await client.post("/_sandbox/seed", json=seed)

    response = asyncio.run(post())
    if response.status_code != 200:
        raise SystemExit(f"seed rejected: {response.text}")


if __name__ == "__main__":
    sys.exit(main())
