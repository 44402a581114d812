"""Ours, Prism's proxy and Redocly's drift, side by side: what each reports of injected drift, and of clean traffic.

    python -m scripts.drift_compare [--providers mpchat,bigone] [--max-examples N] [--no-schemathesis] [--json PATH]

Needs `npm install` at the top (Redocly CLI) and in bench/ (Prism 5.16), as `nox -s specs` and
`nox -s bench` do. For each provider, its emulator runs in-process behind
`withdrawal_apis.testing.drifting.DriftingApp`, which changes its answers by one kind of drift at a
time (or none). The same workload (`withdrawal_apis.testing.workload.drive`: every request example,
the links of the answers, unauthenticated refusals, the payouts reads) goes through:

- ours: `withdrawal-apis proxy`'s app, in front of the emulator;
- Prism: `prism proxy SPEC UPSTREAM --errors`, in front of the same emulator (a recording pass-through
  in front of Prism keeps its answers, `sl-violations` headers included);
- Redocly: `redocly drift` over the HAR our proxy captured of that traffic (schemathesis's own
  `X-Schemathesis-TestCaseId` request header ignored).

Clean traffic adds a schemathesis run in positive mode through ours and through Prism. Per kind,
"detected" counts the changed answers a tool reported (any finding on the response side of that
exchange: an `sl-violations` entry located in the response, a Redocly finding on the response, a
response finding of ours at the kind's rule); per provider, "false alarms" counts the clean answers
a tool reported anyway. A tool's own refusals (Prism answers a request without credentials itself)
and its request-side findings are counted apart. Nothing here passes or fails: it prints what each
tool says.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from withdrawal_apis.core.profile import profile_of
from withdrawal_apis.drift.findings import generic
from withdrawal_apis.drift.proxy import DriftProxy
from withdrawal_apis.drift.report import KeepingRecorder, Run
from withdrawal_apis.drift.traffic import Exchange, har_document
from withdrawal_apis.drift.validation import Checked, TrafficValidator
from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import PROVIDERS, Provider
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.sandbox.server import serve_in_thread
from withdrawal_apis.spec import spec_document
from withdrawal_apis.testing import Emulator
from withdrawal_apis.testing.drifting import KINDS, DriftingApp, Mutation
from withdrawal_apis.testing.workload import credentials, drive

from . import REPO

PRISM = REPO / "bench" / "node_modules" / ".bin" / "prism"
REDOCLY = REPO / "node_modules" / ".bin" / "redocly"
TOOLS = ("ours", "prism", "redocly")
BODY_RULES = {"required", "type", "enum", "open-set", "undocumented-field", "closed-object"}


@dataclass
class Count:
    detected: int = 0
    of: int = 0

    def __str__(self) -> str:
        return f"{self.detected}/{self.of}" if self.of else "n/a"


@dataclass
class Clean:
    exchanges: int = 0
    false_alarms: int = 0  # clean answers the tool reported
    request_findings: int = 0  # requests the tool reported (the client's traffic, not the provider's)
    request_rules: dict[str, int] = field(default_factory=dict)  # ... by the tool's rule
    answered_itself: int = 0  # requests the tool refused instead of forwarding
    examples: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.false_alarms}/{self.exchanges}"


@dataclass
class ProviderResult:
    kinds: dict[str, dict[str, Count]] = field(default_factory=dict)
    clean: dict[str, Clean] = field(default_factory=lambda: {tool: Clean() for tool in TOOLS})


# -- the tools ----------------------------------------------------------------------------------
@contextmanager
def prism_proxy(provider: Provider, upstream: str, workdir: Path) -> Iterator[str]:
    port = free_port()
    log = (workdir / f"prism-{provider.name}.log").open("w")
    command = [str(PRISM), "proxy", str(provider.spec_path), upstream, "--errors", "-p", str(port), "-v", "warn"]
    env = {**os.environ, "SCARF_ANALYTICS": "false"}
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url, timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"Prism did not start (see {log.name})") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def redocly_findings(har: Path, provider: Provider, server: str) -> list[dict[str, str]]:
    """Redocly drift's findings over a HAR file, one row per finding (the CSV report)."""
    command = [str(REDOCLY), "drift", str(har), "--api", str(provider.spec_path), "--server", server, "--format", "csv"]
    command += ["--ignore-headers", "x-schemathesis-*"]  # schemathesis's own request header is not the spec's business
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO, timeout=300)
    if not done.stdout.startswith("run_id"):
        raise RuntimeError(f"redocly drift gave no report: {done.stderr[-500:]}")
    return list(csv.DictReader(io.StringIO(done.stdout)))


def schemathesis(provider: Provider, url: str, account: dict[str, str], max_examples: int, workdir: Path) -> None:
    """A positive schemathesis run through `url`, signed as the provider signs (every credential variant)."""
    profile = profile_of(provider)
    st = Path(sys.executable).parent / "st"
    for variant in list(profile.variants) or [""]:
        env = {
            **os.environ,
            "SCHEMATHESIS_HOOKS": "withdrawal_apis.schemathesis_hooks",
            "WITHDRAWAL_APIS_PROVIDER": provider.name,
            "WITHDRAWAL_APIS_VARIANT": variant,
            **{provider.env_name(k): v for k, v in account.items()},
        }
        command = [str(st), "run", str(provider.spec_path), "--url", url, "--mode", "positive", "--seed", "1"]
        command += ["--phases", "examples,coverage,fuzzing,stateful", "--max-examples", str(max_examples)]
        command += ["--checks", "not_a_server_error", "--no-color"]
        subprocess.run(command, env=env, cwd=workdir, capture_output=True, check=False, timeout=900)


# -- one run ------------------------------------------------------------------------------------
@dataclass
class Traffic:
    """One tool's view of one run: each exchange, its findings (ours) and the mutation behind it."""

    kept: list[tuple[Exchange, Checked]]
    mutations: list[Mutation | None]


def through(
    url_for: str, emulator: Emulator, app: DriftingApp, validator: TrafficValidator, extra: Any, prism: bool = False
) -> Traffic:
    """The workload (and `extra`) through a recording proxy at `url_for(upstream)`, matched to the mutations."""
    emulator.reset()
    emulator.seed(emulator.app.provider.demo_seed())
    app.log, app.requests = [], []
    run = Run(emulator.provider.name, emulator.provider.spec_path.name, "", "compare")
    recorder = KeepingRecorder(run, validator.policy, None, capture=True)
    with serve_in_thread(DriftProxy(validator, url_for, recorder)) as url:
        drive(emulator, url)
        if extra is not None:
            extra(url)
    return Traffic(recorder.kept, match(recorder.kept, app, prism))


def match(kept: list[tuple[Exchange, Checked]], app: DriftingApp, prism: bool) -> list[Mutation | None]:
    """The mutation behind each exchange: the upstream's requests in order, skipping what never reached it
    (what Prism answered itself)."""
    found: list[Mutation | None] = []
    index = 0
    for exchange, _ in kept:
        forwarded = not (prism and prism_verdict(exchange)[2])
        if forwarded and index < len(app.requests) and app.requests[index] == (exchange.method, exchange.path):
            found.append(app.log[index])
            index += 1
        else:
            found.append(None)
    return found


def ours_reported(mutation: Mutation, checked: Checked) -> bool:
    for finding in checked.findings:
        if finding.direction != "response" or finding.rule not in mutation.rules:
            continue
        if finding.rule in BODY_RULES and mutation.pointer and generic(finding.pointer) != generic(mutation.pointer):
            continue
        return True
    return False


def prism_verdict(exchange: Exchange) -> tuple[bool, bool, bool]:
    """(reported the response, reported the request, answered itself) from Prism's answer."""
    raw = exchange.response_header("sl-violations")
    violations = json.loads(raw) if raw else []
    response = any((v.get("location") or [""])[0] == "response" for v in violations)
    request = any((v.get("location") or [""])[0] == "request" for v in violations)
    body = (exchange.response_body or b"")[:200]
    itself = b"stoplight.io/prism/errors#" in body and b"#VIOLATIONS" not in body
    return response, request, itself


def compare(provider: Provider, args: argparse.Namespace, workdir: Path) -> ProviderResult:
    result = ProviderResult()
    spec = spec_document(provider.spec_path)
    config = SandboxConfig(test_mode=True, rate_limit=0)
    with Emulator(provider, config) as emulator:
        account = credentials(emulator)
        app = DriftingApp(emulator.app, spec, None, lifespan=False)
        with serve_in_thread(app) as upstream, prism_proxy(provider, upstream, workdir) as prism:
            for kind in (None, *KINDS):
                app.kind = kind
                fuzz = None
                if kind is None and not args.no_schemathesis:

                    def fuzz(url: str) -> None:
                        schemathesis(provider, url, account, args.max_examples, workdir)

                ours = through(upstream, emulator, app, TrafficValidator(spec), fuzz)
                har = workdir / f"{provider.name}-{kind or 'clean'}.har"
                exchanges = [exchange for exchange, _ in ours.kept]
                har.write_text(json.dumps(har_document(exchanges, TrafficValidator(spec).policy, upstream)))
                redocly = redocly_findings(har, provider, upstream)
                theirs = through(prism, emulator, app, TrafficValidator(spec), fuzz, prism=True)
                if kind is None:
                    tally_clean(result, ours, theirs, redocly)
                else:
                    result.kinds[kind] = tally_kind(ours, theirs, redocly)
                print(f"  {provider.name} {kind or 'clean'}: done", flush=True)
    return result


def tally_kind(ours: Traffic, prism: Traffic, redocly: list[dict[str, str]]) -> dict[str, Count]:
    counts = {tool: Count() for tool in TOOLS}
    responses = {int(row["exchange_index"]) for row in redocly if row["target"] != "request"}
    for index, ((_, checked), mutation) in enumerate(zip(ours.kept, ours.mutations, strict=True)):
        if mutation is None:
            continue
        counts["ours"].of += 1
        counts["ours"].detected += ours_reported(mutation, checked)
        counts["redocly"].of += 1
        counts["redocly"].detected += index in responses
    for (exchange, _), mutation in zip(prism.kept, prism.mutations, strict=True):
        if mutation is not None:
            counts["prism"].of += 1
            counts["prism"].detected += prism_verdict(exchange)[0]
    return counts


def tally_clean(result: ProviderResult, ours: Traffic, prism: Traffic, redocly: list[dict[str, str]]) -> None:
    clean = result.clean
    for _, checked in ours.kept:
        clean["ours"].exchanges += 1
        alarms = [f for f in checked.findings if f.direction == "response"]
        clean["ours"].false_alarms += bool(alarms)
        clean["ours"].request_findings += any(f.direction == "request" for f in checked.findings)
        for f in checked.findings:
            if f.direction == "request":
                clean["ours"].request_rules[f.rule] = clean["ours"].request_rules.get(f.rule, 0) + 1
        clean["ours"].examples += [f"{f.label} {f.pointer} {f.rule}" for f in alarms][:1]
    clean["redocly"].exchanges = len(ours.kept)
    by_exchange: dict[int, list[dict[str, str]]] = {}
    for row in redocly:
        by_exchange.setdefault(int(row["exchange_index"]), []).append(row)
    for rows in by_exchange.values():
        responses = [row for row in rows if row["target"] != "request"]
        clean["redocly"].false_alarms += bool(responses)
        clean["redocly"].request_findings += any(row["target"] == "request" for row in rows)
        for row in rows:
            if row["target"] == "request":
                rules = clean["redocly"].request_rules
                rules[row["rule_id"]] = rules.get(row["rule_id"], 0) + 1
        clean["redocly"].examples += [
            f"{r['method']} {r['path']} {r['rule_id']}: {r['message'][:80]}" for r in responses
        ][:1]
    for exchange, _ in prism.kept:
        response, request, itself = prism_verdict(exchange)
        clean["prism"].exchanges += 1
        clean["prism"].false_alarms += response
        clean["prism"].request_findings += request
        clean["prism"].answered_itself += itself
        if response:
            clean["prism"].examples.append(
                f"{exchange.method} {exchange.path}: {exchange.response_header('sl-violations')}"[:160]
            )


# -- the table ----------------------------------------------------------------------------------
def table(results: dict[str, ProviderResult]) -> str:
    lines = ["Injected drift: answers a tool reported / answers changed (per provider and kind)", ""]
    header = f"| {'provider':<10} | {'kind':<20} | {'ours':>7} | {'Prism proxy':>11} | {'redocly drift':>13} |"
    lines += [header, "|" + "|".join("-" * (len(part)) for part in header.split("|")[1:-1]) + "|"]
    totals = {tool: Count() for tool in TOOLS}
    for name, result in results.items():
        for kind, counts in result.kinds.items():
            cells = [str(counts[tool]) for tool in TOOLS]
            lines.append(f"| {name:<10} | {kind:<20} | {cells[0]:>7} | {cells[1]:>11} | {cells[2]:>13} |")
            for tool in TOOLS:
                totals[tool].detected += counts[tool].detected
                totals[tool].of += counts[tool].of
    cells = [str(totals[tool]) for tool in TOOLS]
    lines.append(f"| {'all':<10} | {'all kinds':<20} | {cells[0]:>7} | {cells[1]:>11} | {cells[2]:>13} |")
    lines += [
        "",
        "Clean traffic: answers reported anyway (false alarms) / answers; request findings; answered itself",
        "",
    ]
    header = f"| {'provider':<10} | {'ours':>16} | {'Prism proxy':>22} | {'redocly drift':>16} |"
    lines += [header, "|" + "|".join("-" * (len(part)) for part in header.split("|")[1:-1]) + "|"]
    for name, result in results.items():
        ours, prism, redocly = (result.clean[tool] for tool in TOOLS)
        lines.append(
            f"| {name:<10} | {f'{ours} ({ours.request_findings} req)':>16} "
            f"| {f'{prism} ({prism.request_findings} req, {prism.answered_itself} self)':>22} "
            f"| {f'{redocly} ({redocly.request_findings} req)':>16} |"
        )
    lines += ["", "Request findings by rule (the client's own traffic: not counted above):"]
    lines += [
        f"  {name} {tool}: " + ", ".join(f"{rule} x{n}" for rule, n in sorted(result.clean[tool].request_rules.items()))
        for name, result in results.items()
        for tool in TOOLS
        if result.clean[tool].request_rules
    ]
    examples = [
        f"  {name} {tool}: {example}"
        for name, result in results.items()
        for tool in TOOLS
        for example in result.clean[tool].examples[:3]
    ]
    if examples:
        lines += ["", "False alarms, first examples:", *examples]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--providers", default="", help="comma-separated (default: every provider)")
    parser.add_argument("--max-examples", type=int, default=10, help="schemathesis examples per operation (default 10)")
    parser.add_argument("--no-schemathesis", action="store_true", help="clean traffic without the schemathesis run")
    parser.add_argument("--json", default="", help="also write the figures here")
    args = parser.parse_args(argv)
    names = [p.name for p in PROVIDERS]
    chosen = [n.strip() for n in args.providers.split(",") if n.strip()] or names
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        parser.error(f"--providers takes names from {', '.join(names)}; got {unknown}")
    missing = [str(tool.relative_to(REPO)) for tool in (PRISM, REDOCLY) if not tool.exists()]
    if missing:
        print(
            f"drift_compare: missing {', '.join(missing)}; run `npm install` at the top and in bench/", file=sys.stderr
        )
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="withdrawal-apis-drift-compare-"))
    results: dict[str, ProviderResult] = {}
    try:
        for name in chosen:
            print(f"drift_compare: {name}...", flush=True)
            results[name] = compare(next(p for p in PROVIDERS if p.name == name), args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(table(results))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({name: asdict(r) for name, r in results.items()}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
