"""The soak: each emulator under steady mixed traffic for a long run, its memory and latency sampled every minute.

    python -m scripts.bench --soak SECONDS [--providers a,b] [--fraction 0.8] [--connections 16]
    nox -s bench -- --soak 600                         ten minutes per provider (optional, not in CI)

A team sandbox runs for weeks; this is the run that shows whether an emulator stays steady. For each
provider its emulator starts as `withdrawal-apis sandbox <p>` does, on a SQLite file (a sandbox that
keeps its data), rate limit off, state machines on `--advance instant` (each withdrawal moves through
its lifecycle right after it is made, and its webhooks go out), every seeded account's webhook pointed
at a receiver in this process. Every connection cycles through the provider's create, a read of what
it created, the first page of its list (where it has one) and its balance read, each signed with the
provider's own auth; the first connection also sends, between its own, control-API requests: a
one-second clock advance, a one-request latency fault, and now and then a one-request 503 fault
(those 503s are expected, and counted apart).

First a closed-loop run measures the mix's maximum rate; the soak then paces every connection to
`--fraction` of it (80 % by default) for SECONDS, as consecutive one-minute wrk runs. After each minute:
the emulator's RSS, that minute's p99 and rate, and the errors (any unexpected answer or lost request).
Then the hostile-input suite's catalogue (tests/sandbox/test_hostile_input.py) is thrown at the same
emulator, and its worst answer time reported: that figure belongs to a benchmark, not a test.

Targets (reported, not asserted): RSS growth under 50 MB over the run, no minute's p99 above 1.5x the
first minute's, no errors. Figures go to reports/soak.json; the exit status is 1 when a run had errors.
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import PROVIDERS, get

from .. import REPO
from .report import machine
from .run import Runner, emulator_command, require_tools
from .scale import rss_mib
from .servers import HOST, Running, cpu_seconds, load_average, stop, wait_answer
from .workloads import Bench, Step, Workload, bench_for
from .wrk import MutableClock, WrkResult, run_wrk, write_plan

TARGET_RSS_GROWTH_MIB = 50.0
TARGET_P99_GROWTH = 1.5
FAULT_STATUS = 503
MINUTE = 60
CONTROL_EVERY = 200  # the first connection sends a control request after every this many of its own


class Receiver:
    """A webhook endpoint on loopback that accepts every delivery and counts them."""

    def __init__(self) -> None:
        self.count = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length") or 0))
                owner.count += 1
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.url = f"http://{HOST}:{self.server.server_address[1]}/webhooks"
        self.thread = threading.Thread(target=self.server.serve_forever, name="soak-webhooks", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def soak_seed(bench: Bench, receiver: Receiver) -> dict[str, Any]:
    """The benchmark seed, every account's webhook going to the receiver."""
    seed: dict[str, Any] = json.loads(json.dumps(bench.seed))
    for account in seed.get("accounts", []):
        account.setdefault("webhook", {"url": receiver.url, "secret": "soak-webhook-secret"})
    return seed


def mix(bench: Bench) -> Workload:
    """Create, read it back, the list's first page (where there is one), the balance."""
    steps: list[Step] = [bench.create, bench.readback]
    paging = bench.scale.paging
    if paging is not None and paging.first not in steps:
        steps.append(paging.first)
    if bench.read not in steps:
        steps.append(bench.read)
    return Workload("soak", tuple(steps), ", ".join(f"{s.method} {s.path}" for s in steps))


def control_requests() -> list[dict[str, Any]]:
    """What the first connection sends to the control API, in turn (one 503 fault in every ten)."""
    advance = {"method": "POST", "path": "/_sandbox/clock/advance", "body": '{"seconds":1}', "fault": False}
    latency = {"method": "POST", "path": "/_sandbox/faults", "body": '{"count":1,"latency_ms":1}', "fault": False}
    outage = {"method": "POST", "path": "/_sandbox/faults", "body": f'{{"count":1,"status":{FAULT_STATUS}}}'}
    return [advance, latency] * 4 + [advance, {**outage, "fault": True}]


def rss_total(running: Running) -> float | None:
    """The emulator's resident memory in MiB (the launcher's process)."""
    return rss_mib(running.process.pid)


def figures(result: WrkResult) -> dict[str, Any]:
    raw = result.raw
    return {
        "requests_per_second": round(result.requests_per_second, 1),
        "p50_ms": result.latency_ms("p50"),
        "p99_ms": result.latency_ms("p99"),
        "max_ms": result.latency_ms("max"),
        "requests": result.requests,
        "non2xx": raw["non2xx"],
        "statuses": raw["statuses"],
        "socket_errors": result.socket_errors,
        "missing_ids": raw["missing_ids"],
        "not_found": raw["not_found"],
        "stale": raw["stale"],
        "faulted": raw.get("faulted", 0),
        "injected": raw.get("injected", 0),
        "sample": raw["sample"],
    }


def hostile_worst(name: str, running: Running, bench: Bench) -> dict[str, Any]:
    """The hostile-input catalogue against the running emulator: its worst answer time, and what it found."""
    try:
        from tests.sandbox import test_hostile_input as hostile  # the catalogue has one home: the suite
    except ImportError as error:  # pytest missing: `nox -s bench` installs it
        return {"error": f"the hostile-input suite could not be loaded: {error}"}
    from withdrawal_apis.spec import SpecDocument

    provider = get(name)
    accounts = httpx.get(f"{running.base_url}/_sandbox/accounts", timeout=10).json()["accounts"]
    holder = next(a["id"] for a in accounts if a["key_ids"])
    other = next((a["id"] for a in accounts if not a["key_ids"]), holder)
    port = int(running.base_url.rsplit(":", 1)[1])
    auth = bench.auth(bench.credentials, time.time)
    target = hostile.Target(
        provider, running.process, running.base_url, port, auth, SpecDocument(provider.spec_path), {}
    )
    target.ids = {"accountId": holder, "merchantId": other}
    failure = ""
    try:
        hostile.test_the_catalogue_gets_no_5xx_no_stall_and_no_leak(target)
    except AssertionError as error:
        failure = str(error)[:500] or "an assertion of the suite failed"
    worst = max(target.answers, key=lambda answer: answer[2])
    return {
        "requests": len(target.answers),
        "worst_ms": round(worst[2] * 1000, 1),
        "worst_case": worst[0],
        "server_errors": sum(1 for _, status, _ in target.answers if status >= 500),
        "unanswered": sum(1 for _, status, _ in target.answers if status == 0),
        "failure": failure,
    }


def run_provider(args: argparse.Namespace, runner: Runner, name: str, workdir: Path) -> dict[str, Any]:
    bench = bench_for(name, secrets.token_hex(24))
    receiver = Receiver()
    seed = workdir / f"{name}-seed.json"
    seed.write_text(json.dumps(soak_seed(bench, receiver)))
    db = workdir / f"{name}.db"
    port = free_port(HOST)
    command = [*emulator_command(name, port, seed, str(db)), "--advance", "instant"]
    running = runner.start(command, port, f"{name}-soak.log")
    clock = MutableClock()
    auth = bench.auth(bench.credentials, clock)
    workload = mix(bench)
    entry: dict[str, Any] = {"workload": workload.description, "minutes": []}
    try:
        wait_answer(running)
        runner.check(bench, running, auth, clock)
        now = int(time.time())
        seconds = range(now - 2, now + args.calibrate + args.soak + args.hostile_margin + 120)
        plan = workdir / f"plan-{name}.lua"
        write_plan(plan, workload, running.base_url, auth, clock, seconds)
        timeout = args.calibrate + MINUTE + 120
        calibration = run_wrk(runner.wrk, running.base_url, args.calibrate, args.connections, plan, timeout)
        maximum = calibration.requests_per_second
        rate = args.fraction * maximum
        entry.update(max_requests_per_second=round(maximum, 1), target_requests_per_second=round(rate, 1))
        print(f"bench --soak: {name}: maximum {maximum:.0f} req/s; soaking at {rate:.0f} req/s", flush=True)
        extra = {
            "interval_ms": args.connections * 1000.0 / rate,
            "control": control_requests(),
            "control_every": CONTROL_EVERY,
            "fault_status": FAULT_STATUS,
        }
        write_plan(plan, workload, running.base_url, auth, clock, seconds, extra)
        entry["rss_start_mib"] = rss_total(running)
        remaining = args.soak
        while remaining > 0:
            length = min(MINUTE, remaining)
            remaining -= length
            cpu_before = cpu_seconds(running.process.pid)
            result = run_wrk(runner.wrk, running.base_url, length, args.connections, plan, timeout)
            cpu_after = cpu_seconds(running.process.pid)
            minute = {"seconds": length, **figures(result), "rss_mib": rss_total(running)}
            minute["webhooks_delivered"] = receiver.count
            if cpu_before is not None and cpu_after is not None and result.requests:
                minute["server_cpu_us_per_request"] = round((cpu_after - cpu_before) * 1e6 / result.requests, 1)
            minute["load_average"] = round(load_average(), 2)
            entry["minutes"].append(minute)
            print(
                f"bench --soak: {name}: minute {len(entry['minutes'])}: {minute['requests_per_second']:.0f} req/s, "
                f"p99 {minute['p99_ms']:.2f} ms, RSS {minute['rss_mib'] or 0:.0f} MiB, errors "
                f"{minute['non2xx'] + minute['socket_errors']}, webhooks {receiver.count}",
                flush=True,
            )
            if running.process.poll() is not None:
                entry["failure"] = "the emulator exited during the soak"
                break
        entry["webhooks_delivered"] = receiver.count
        entry["hostile_input"] = hostile_worst(name, running, bench) if running.process.poll() is None else {}
    finally:
        stop(running)
        receiver.close()
    entry["db_mib"] = round(db.stat().st_size / 2**20, 1) if db.exists() else None
    entry["targets"] = targets(entry)
    return entry


def errors_of(entry: dict[str, Any]) -> int:
    """Unexpected answers and lost requests over the whole run (injected 503s beyond those injected count)."""
    minutes = entry["minutes"]
    faulted: int = sum(m["faulted"] for m in minutes)
    injected: int = sum(m["injected"] for m in minutes)
    plain: int = sum(m["non2xx"] + m["socket_errors"] + m["missing_ids"] + m["not_found"] + m["stale"] for m in minutes)
    return plain + max(0, faulted - injected)


def targets(entry: dict[str, Any]) -> dict[str, Any]:
    minutes = entry["minutes"]
    if not minutes:
        return {"rss_growth_under_50mb": None, "p99_steady": None, "no_errors": None}
    start = entry.get("rss_start_mib")
    end = minutes[-1]["rss_mib"]
    growth = None if start is None or end is None else round(end - start, 1)
    first = minutes[0]["p99_ms"]
    worst = max(m["p99_ms"] for m in minutes)
    entry["rss_growth_mib"] = growth
    entry["p99_ratio"] = round(worst / first, 2) if first else None
    entry["errors"] = errors_of(entry)
    return {
        "rss_growth_under_50mb": None if growth is None else growth < TARGET_RSS_GROWTH_MIB,
        "p99_steady": None if not first else worst <= TARGET_P99_GROWTH * first,
        "no_errors": entry["errors"] == 0 and "failure" not in entry,
    }


def print_table(doc: dict[str, Any]) -> None:
    m = doc["machine"]
    print()
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['system']}, Python {m['python']}")
    print(
        f"soak: {doc['seconds']} s per provider at {doc['fraction']:.0%} of the measured maximum, "
        f"{doc['connections']} connections; load average at start {doc['load_average_at_start']}"
    )
    header = f"{'provider':<10}{'max r/s':>9}{'r/s':>8}{'p99 1st':>9}{'p99 max':>9}{'x':>6}"
    header += f"{'RSS MiB':>9}{'growth':>8}{'errors':>8}{'hooks':>8}{'hostile worst ms':>18}"
    print(header)
    print("-" * len(header))
    for name, e in doc["providers"].items():
        minutes = e["minutes"]
        if not minutes:
            print(f"{name:<10} no minute completed: {e.get('failure', '')}")
            continue
        rate = sum(m["requests_per_second"] for m in minutes) / len(minutes)
        hostile = e.get("hostile_input") or {}
        print(
            f"{name:<10}{e['max_requests_per_second']:>9.0f}{rate:>8.0f}{minutes[0]['p99_ms']:>9.2f}"
            f"{max(m['p99_ms'] for m in minutes):>9.2f}{e['p99_ratio'] or 0:>6.2f}{minutes[-1]['rss_mib'] or 0:>9.0f}"
            f"{e['rss_growth_mib'] if e['rss_growth_mib'] is not None else '-':>8}{e['errors']:>8}"
            f"{e['webhooks_delivered']:>8}{hostile.get('worst_ms', '-'):>18}"
        )
    print()
    labels = {
        "rss_growth_under_50mb": f"RSS growth < {TARGET_RSS_GROWTH_MIB:g} MB",
        "p99_steady": f"per-minute p99 <= {TARGET_P99_GROWTH:g}x the first minute's",
        "no_errors": "0 errors",
    }
    for key, label in labels.items():
        verdicts = []
        for name, e in doc["providers"].items():
            value = e["targets"].get(key)
            verdicts.append(f"{name} {'met' if value else 'n/a' if value is None else 'MISSED'}")
        print(f"{label:<45}{', '.join(verdicts)}")
    for name, e in doc["providers"].items():
        for minute in e["minutes"]:
            if minute["sample"]:
                print(f"  {name}: {minute['sample'][:300]}")
                break
        if (e.get("hostile_input") or {}).get("failure"):
            print(f"  {name} hostile input: {e['hostile_input']['failure']}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench --soak SECONDS",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--soak", type=int, default=600, help="seconds per provider (default: ten minutes)")
    parser.add_argument("--providers", default="", help="comma-separated (default: every provider)")
    parser.add_argument("--fraction", type=float, default=0.8, help="of the measured maximum rate")
    parser.add_argument("--calibrate", type=int, default=10, help="seconds of the closed-loop run measuring it")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--server-cpu", default="0", help="cores for the emulator (taskset -c); '' for no pinning")
    parser.add_argument("--load-cpu", default="1", help="cores for wrk (taskset -c); '' for no pinning")
    parser.add_argument("--json", default=str(REPO / "reports" / "soak.json"), help="figures file; '' for none")
    parser.add_argument("--keep-logs", action="store_true", help="keep the servers' logs and print where")
    args = parser.parse_args(argv)
    names = [p.name for p in PROVIDERS]
    args.providers = [n.strip() for n in args.providers.split(",") if n.strip()] or names
    if set(args.providers) - set(names) or args.soak < 1 or not 0 < args.fraction <= 1 or args.calibrate < 1:
        parser.error(f"--providers from {', '.join(names)}; --soak >= 1 s; 0 < --fraction <= 1; --calibrate >= 1")
    args.hostile_margin = 120  # seconds of signed headers left for the hostile-input catalogue
    args.prism_warmup, args.warmup, args.duration = 0, 0, args.soak  # what bench.Runner reads
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    wrk = require_tools(prism=False)
    workdir = Path(tempfile.mkdtemp(prefix="withdrawal-apis-soak-"))
    runner = Runner(args, wrk, workdir)
    doc: dict[str, Any] = {
        "benchmark": "soak",
        "machine": machine(),
        "seconds": args.soak,
        "fraction": args.fraction,
        "connections": args.connections,
        "store": "SQLite file",
        "advance": "instant",
        "load_average_at_start": round(load_average(), 2),
        "providers": {},
    }
    try:
        for name in args.providers:
            print(f"bench --soak: {name}: {args.soak} s...", flush=True)
            try:
                doc["providers"][name] = run_provider(args, runner, name, workdir)
            except (RuntimeError, httpx.HTTPError) as error:
                doc["providers"][name] = {
                    "minutes": [],
                    "failure": str(error)[:500],
                    "targets": targets({"minutes": []}),
                }
                print(f"bench --soak: {name} failed: {error}", flush=True)
    finally:
        if args.keep_logs:
            print(f"server logs: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(doc)
    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(doc, indent=2) + "\n")
        print(f"figures: {path}")
    failed = any("failure" in e or e.get("errors") for e in doc["providers"].values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
