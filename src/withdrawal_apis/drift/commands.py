"""`withdrawal-apis proxy` and `withdrawal-apis drift check`: the command lines of the drift tools.

Both write the same report to `--report-dir`: `drift.ndjson` (one line per finding, as it happens),
`summary.json` and `summary.html` at the end; the proxy also writes `traffic.har`, its capture with
every secret redacted. Exit status: 0 no drift, 1 drift (an error finding the spec does not
document as a known deviation), 2 could not run (one line on stderr).

This module only defines the arguments; the proxy, the validators and the server load when a
command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded when a command runs, not when the parser is built
    from .report import Run
    from .validation import TrafficValidator

DEFAULT_REPORT_DIR = "reports/drift"


def add_parsers(commands: argparse._SubParsersAction[Any], providers: list[str], port: Any) -> None:
    proxy = commands.add_parser(
        "proxy",
        help="a validating reverse proxy in front of a provider's API (its sandbox, or production)",
        description="Forwards every request to --upstream byte for byte and checks both directions against "
        "the provider's spec. Traffic is unchanged but for an x-drift-findings header on answers with "
        "findings; --enforce answers 502 (problem+json) when the upstream's answer leaves the spec. "
        "Stop it with Ctrl-C: the summary is printed and written.",
    )
    proxy.add_argument("provider", choices=providers)
    proxy.add_argument("--upstream", required=True, metavar="URL", help="the provider's base URL")
    proxy.add_argument("--host", default="127.0.0.1")
    proxy.add_argument("--port", type=port, default=8080)
    proxy.add_argument("--enforce", action="store_true", help="answer 502 when the upstream's answer leaves the spec")
    proxy.add_argument(
        "--report-dir", type=Path, default=Path(DEFAULT_REPORT_DIR), help=f"default: {DEFAULT_REPORT_DIR}"
    )
    proxy.add_argument("--no-capture", action="store_true", help="write no traffic.har")

    drift = commands.add_parser("drift", help="check captured traffic against a provider's spec")
    actions = drift.add_subparsers(dest="drift_command", required=True, parser_class=type(drift))
    check = actions.add_parser(
        "check",
        help="validate a HAR, VCR cassette or NDJSON event stream",
        description="Reads HAR (browsers, mitmproxy, Playwright, Redocly's proxy, `withdrawal-apis proxy`), "
        "a schemathesis VCR cassette or its NDJSON events (what `withdrawal-apis fuzz` writes), a file or "
        "every file in a folder, and checks each exchange as the proxy would.",
    )
    check.add_argument("provider", choices=providers)
    check.add_argument("traffic", type=Path, help="a file, or a folder of them")
    check.add_argument(
        "--base-url",
        metavar="URL",
        help="only requests under this URL, its path taken off theirs (for captures that hold other sites)",
    )
    check.add_argument(
        "--report-dir", type=Path, default=Path(DEFAULT_REPORT_DIR), help=f"default: {DEFAULT_REPORT_DIR}"
    )


def main(args: argparse.Namespace) -> int:
    if args.command == "proxy":
        return run_proxy(args)
    return run_check(args)


def _fail(command: str, message: str) -> int:
    print(f"withdrawal-apis {command}: error: {message}", file=sys.stderr)
    return 2


def _validator_and_run(provider_name: str, source: str) -> tuple[TrafficValidator, Run]:
    from ..registry import get
    from ..resources import REPO_ROOT
    from ..spec import spec_document
    from .report import Run
    from .validation import TrafficValidator

    provider = get(provider_name)
    spec = spec_document(provider.spec_path)
    try:
        shown = str(provider.spec_path.relative_to(REPO_ROOT))
    except ValueError:
        shown = provider.spec_path.name
    run = Run(provider.name, shown, str(spec.raw["info"]["version"]), source)
    return TrafficValidator(spec), run


def run_check(args: argparse.Namespace) -> int:
    from .report import NDJSON_NAME, Recorder, render_text
    from .traffic import TrafficError, read_traffic

    validator, run = _validator_and_run(args.provider, str(args.traffic))
    try:
        args.report_dir.mkdir(parents=True, exist_ok=True)
        stream = (args.report_dir / NDJSON_NAME).open("w", encoding="utf-8")
    except OSError as error:
        return _fail("drift check", f"--report-dir {args.report_dir}: {error.strerror or error}")
    with stream:
        recorder = Recorder(run, validator.policy, stream)
        try:
            for exchange in read_traffic(args.traffic, args.base_url):
                recorder.record(exchange, validator.check(exchange))
        except TrafficError as error:
            return _fail("drift check", str(error))
    if recorder.tally.exchanges == 0:
        hint = f" under {args.base_url}" if args.base_url else ""
        return _fail("drift check", f"{args.traffic}: no exchange{hint} to check")
    document = recorder.document()
    written = [args.report_dir / NDJSON_NAME, *recorder.write(args.report_dir, document)]
    print(render_text(document, written))
    return 1 if document["drift"] else 0


def run_proxy(args: argparse.Namespace) -> int:
    import gc
    import json

    from ..reachability import unreachable

    try:
        from ..sandbox.server import CannotListen, listen, make_server, run
        from .proxy import DriftProxy
    except ImportError as error:
        return _fail("proxy", f"{error.name} is missing: the proxy needs pip install 'withdrawal-apis[sandbox]'")
    from .report import CAPTURE_NAME, NDJSON_NAME, Recorder, render_text
    from .traffic import har_document

    problem = unreachable(args.upstream)
    if problem:
        return _fail("proxy", problem)
    address = f"http://{args.host}:{args.port}"
    validator, run_info = _validator_and_run(args.provider, f"proxy {address} -> {args.upstream}")
    try:
        args.report_dir.mkdir(parents=True, exist_ok=True)
        stream = (args.report_dir / NDJSON_NAME).open("w", encoding="utf-8")
    except OSError as error:
        return _fail("proxy", f"--report-dir {args.report_dir}: {error.strerror or error}")
    with stream:
        try:
            sock = listen(args.host, args.port)
        except CannotListen as error:
            return _fail("proxy", str(error))
        port = sock.getsockname()[1]
        run_info.source = f"proxy http://{args.host}:{port} -> {args.upstream}"
        recorder = Recorder(run_info, validator.policy, stream, capture=not args.no_capture)
        app = DriftProxy(validator, args.upstream, recorder, enforce=args.enforce)
        # The spec and its compiled validators live as long as the process: out of the collector's way,
        # so that a full collection does not walk them in the middle of a request.
        gc.collect()
        gc.freeze()
        mode = "enforcing (502 on drift)" if args.enforce else "reporting"
        print(f"withdrawal-apis proxy: http://{args.host}:{port} -> {args.upstream} ({args.provider}, {mode})")
        print(f"  findings stream to {args.report_dir / NDJSON_NAME}; Ctrl-C ends the run and writes the summary")
        sys.stdout.flush()
        run(make_server(app, args.host, port, sock=sock))
    document = recorder.document()
    written = [args.report_dir / NDJSON_NAME, *recorder.write(args.report_dir, document)]
    if recorder.captured is not None:
        capture = args.report_dir / CAPTURE_NAME
        har = har_document(list(recorder.captured), validator.policy, app.capture_origin)
        capture.write_text(json.dumps(har, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(capture)
    print(render_text(document, written))
    if recorder.dropped:
        print(
            f"  the capture kept the last {len(recorder.captured or ())} exchanges ({recorder.dropped} older dropped)"
        )
    return 1 if document["drift"] else 0
