"""Benchmark every provider's emulator against Prism's mock of the same spec and a bare ASGI app.

    python -m scripts.bench [--duration S] [--warmup S] [--connections N] [--providers a,b] [--quick]
    python -m scripts.bench --scale [--sizes 10000,100000,1000000] [--samples N]     (see scripts.bench.scale)
    python -m scripts.bench --soak SECONDS [--fraction 0.8]                           (see scripts.bench.soak)
    python -m scripts.bench --backend postgresql [--processes 1,2]                    (see scripts.bench.cluster)

`nox -s bench` runs it (and installs wrk and Prism first). In one run, for each provider in the
registry: its emulator as `withdrawal-apis sandbox <p>` starts it (real auth, rate limit off, seeded
with the conformance profile's seed) and Prism 5.16 (bench/node_modules) mocking specs/<p>.yaml, each
driven by wrk with bench/workload.lua through two workloads, `read` (one authenticated read) and
`create-then-get` (a create and a read of what it created; `workloads` says which read where
the provider has none). Before them, a bare ASGI app on the same server settings sets the ceiling.
Requests carry the provider's real authentication, precomputed per second by its own signer.

The server runs on one core and wrk on the other (`--server-cpu`, `--load-cpu`; taskset). It prints,
per provider and workload: req/s, p50/p99/max latency, the server's CPU time per request, the ratio to
Prism, the share of the bare-ASGI ceiling and the load average; then the start-up time of each
emulator (spawn to first answered request). Targets are reported, not asserted; the exit status is 1
when an emulator answered a non-2xx, dropped a request or did not start. Figures go to
reports/bench.json (`--json`).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import PROVIDERS

from .. import REPO
from . import report, scale
from .results import Measured, ProviderRun
from .servers import HOST, Pinning, Running, cpu_seconds, load_average, start, stop, wait_answer
from .workloads import Bench, Step, Workload, bench_for
from .wrk import MutableClock, run_wrk, write_plan

PRISM = REPO / "bench" / "node_modules" / ".bin" / "prism"
PRISM_VERSION = "5.16.0"  # bench/package.json pins it
BARE = "scripts.bench.asgi"  # run with -m from the repository root


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "10")), help="seconds")
    parser.add_argument("--warmup", type=int, default=int(os.environ.get("BENCH_WARMUP", "2")), help="seconds")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--providers", default="", help="comma-separated (default: every provider)")
    parser.add_argument("--no-prism", action="store_true", help="skip Prism (no ratios)")
    parser.add_argument("--store", choices=["memory", "file"], default="memory", help="the emulators' SQLite store")
    parser.add_argument("--startup-runs", type=int, default=3, help="extra starts per emulator for start-up time")
    parser.add_argument(
        "--quick", action="store_true", help="1 s runs, a warm-up for Prism only, one start each: under a minute"
    )
    parser.add_argument("--server-cpu", default="0", help="cores for the server (taskset -c); '' for no pinning")
    parser.add_argument("--load-cpu", default="1", help="cores for wrk (taskset -c); '' for no pinning")
    parser.add_argument("--json", default=str(REPO / "reports" / "bench.json"), help="figures file; '' for none")
    parser.add_argument("--profile", type=Path, help="run the emulators under py-spy, stacks in this folder")
    parser.add_argument("--keep-logs", action="store_true", help="keep the servers' logs and print where")
    parser.add_argument("--scale", action="store_true", help="the store-growth benchmark instead (scripts.bench.scale)")
    parser.add_argument("--soak", type=int, help="the soak instead, SECONDS per provider (scripts.bench.soak)")
    parser.add_argument(
        "--backend",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="postgresql: by store and process count instead (scripts.bench.cluster; with --scale, its store)",
    )
    parser.add_argument("--processes", help="process counts on PostgreSQL, e.g. 1,2 (scripts.bench.cluster)")
    args, rest = parser.parse_known_args(argv)
    if args.scale or args.soak is not None or args.backend == "postgresql" or args.processes:
        return args  # each of those parses the rest
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.quick:
        # Python has no JIT to warm up; Node does, and gets what little time there is.
        args.duration, args.warmup, args.prism_warmup, args.startup_runs = 1, 0, 1, 0
    else:
        args.prism_warmup = args.warmup
    names = [p.name for p in PROVIDERS]
    args.providers = [n.strip() for n in args.providers.split(",") if n.strip()] or names
    unknown = sorted(set(args.providers) - set(names))
    if unknown:
        parser.error(f"--providers takes names from {', '.join(names)}; got {unknown}")
    if args.duration < 1 or args.warmup < 0 or args.connections < 1 or args.startup_runs < 0:
        parser.error("--duration must be >= 1, --warmup and --startup-runs >= 0, --connections >= 1")
    return args


def without(argv: list[str], option: str) -> list[str]:
    """`argv` less `option` and its value (`--option VALUE` or `--option=VALUE`)."""
    found: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == option:
            skip = True
        elif not arg.startswith(option + "="):
            found.append(arg)
    return found


def require_tools(prism: bool) -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("bench: `wrk` is not on PATH; install Debian's `wrk` package (apt-get install wrk)")
    if prism and not PRISM.exists():
        raise SystemExit(f"bench: {PRISM.relative_to(REPO)} missing; run `npm install` in bench/ (nox -s bench does)")
    return wrk


def emulator_command(name: str, port: int, seed: Path, db: str) -> list[str]:
    script = Path(sys.executable).parent / "withdrawal-apis"
    launcher = [str(script)] if script.exists() else [sys.executable, "-m", "withdrawal_apis.cli"]
    options = ["--host", HOST, "--port", str(port), "--rate-limit", "0", "--seed", str(seed), "--db", db]
    return [*launcher, "sandbox", name, *options]


class Runner:
    def __init__(self, args: argparse.Namespace, wrk: str, workdir: Path) -> None:
        self.args = args
        self.workdir = workdir
        self.pinning = Pinning(args.server_cpu or None, args.load_cpu or None)
        self.wrk = [*self.pinning.prefix(self.pinning.load), wrk]

    def measure(
        self, server: str, running: Running, workload: Workload, auth: httpx.Auth, clock: MutableClock
    ) -> Measured:
        args = self.args
        plan = self.workdir / f"plan-{server}-{workload.name}.lua"
        now = int(time.time())
        warmup = args.prism_warmup if server == "prism" else args.warmup
        seconds = range(now - 2, now + warmup + args.duration + 60)
        write_plan(plan, workload, running.base_url, auth, clock, seconds)
        timeout = warmup + args.duration + 120
        if warmup:
            run_wrk(self.wrk, running.base_url, warmup, args.connections, plan, timeout)
        before = cpu_seconds(running.process.pid)
        result = run_wrk(self.wrk, running.base_url, args.duration, args.connections, plan, timeout)
        after = cpu_seconds(running.process.pid)
        cpu = None
        if before is not None and after is not None and result.requests:
            cpu = (after - before) * 1e6 / result.requests
        problems = result.problems()
        if running.process.poll() is not None:
            problems.append("the server exited during the run")
        return Measured(server, workload.name, result, load_average(), cpu, problems)

    def start(self, command: list[str], port: int, log_name: str) -> Running:
        log = (self.workdir / log_name).open("w")
        try:
            return start(command, port, log, self.pinning)
        finally:
            log.close()  # the child has its own descriptor

    def bare(self) -> dict[str, Measured]:
        """The ceiling: the bare ASGI app under both workload shapes (it ignores what they ask)."""
        port = free_port(HOST)
        running = self.start([sys.executable, "-m", BARE, "--port", str(port)], port, "bare.log")
        try:
            wait_answer(running)
            clock = MutableClock()
            shapes = bench_for(PROVIDERS[0].name, "unused").workloads()
            bare_steps = {"read": (Step("GET", "/bare"),), "create-then-get": None}
            found = {}
            for workload in shapes:
                steps = bare_steps[workload.name] or workload.steps
                plain = Workload(workload.name, steps, workload.description)
                found[workload.name] = self.measure("bare-asgi", running, plain, httpx.Auth(), clock)
            return found
        finally:
            stop(running)

    def provider(self, name: str) -> ProviderRun:
        bench = bench_for(name, secrets.token_hex(24))
        run = ProviderRun(name, {w.name: w.description for w in bench.workloads()})
        seed = self.workdir / f"{name}-seed.json"
        seed.write_text(json.dumps(bench.seed))
        clock = MutableClock()
        auth = bench.auth(bench.credentials, clock)
        db = str(self.workdir / f"{name}.db") if self.args.store == "file" else ":memory:"
        port = free_port(HOST)
        command = emulator_command(name, port, seed, db)
        if self.args.profile:
            self.args.profile.mkdir(parents=True, exist_ok=True)
            spy = shutil.which("py-spy") or "py-spy"
            output = self.args.profile / f"{name}.txt"
            command = [spy, "record", "--format", "raw", "--rate", "250", "--output", str(output), "--", *command]
        running = self.start(command, port, f"{name}-emulator.log")
        try:
            run.startup_s.append(wait_answer(running))
            self.check(bench, running, auth, clock)
            for workload in bench.workloads():
                run.emulator[workload.name] = self.measure("emulator", running, workload, auth, clock)
        finally:
            stop(running, signal.SIGINT if self.args.profile else signal.SIGTERM)  # py-spy writes on SIGINT
        if not self.args.no_prism:
            port = free_port(HOST)
            command = [str(PRISM), "mock", "-h", HOST, "-p", str(port), str(REPO / "specs" / f"{name}.yaml")]
            running = self.start(command, port, f"{name}-prism.log")
            try:
                wait_answer(running)
                for workload in bench.workloads():
                    run.prism[workload.name] = self.measure("prism", running, workload, auth, clock)
            except RuntimeError as error:
                run.failures.append(f"Prism: {error}")
            finally:
                stop(running)
        for attempt in range(self.args.startup_runs):
            port = free_port(HOST)
            fresh = self.workdir / f"{name}-startup-{attempt}.db" if db != ":memory:" else ":memory:"
            running = self.start(emulator_command(name, port, seed, str(fresh)), port, f"{name}-startup.log")
            try:
                run.startup_s.append(wait_answer(running))
            finally:
                stop(running)
        return run

    @staticmethod
    def check(bench: Bench, running: Running, auth: httpx.Auth, clock: MutableClock) -> None:
        """One real read with the client's own auth: proves the seed took, and logs in where there is a login."""
        clock.now = time.time()
        with httpx.Client(base_url=running.base_url, auth=auth, timeout=10) as client:
            response = client.send(bench.read.request(running.base_url))
        if response.status_code != 200:
            raise RuntimeError(f"{bench.read.path} answered {response.status_code}: {response.text[:300]}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    given = sys.argv[1:] if argv is None else argv
    if args.scale:
        return scale.main([a for a in given if a != "--scale"])
    if args.soak is not None:
        from . import soak  # it builds on this module's runner

        return soak.main(given)
    if args.backend == "postgresql" or args.processes:
        from . import cluster  # it builds on this module's runner

        return cluster.main(without(given, "--backend"))
    wrk = require_tools(prism=not args.no_prism)
    workdir = Path(tempfile.mkdtemp(prefix="withdrawal-apis-bench-"))
    runner = Runner(args, wrk, workdir)
    started_load = load_average()
    runs: list[ProviderRun] = []
    bare: dict[str, Measured] = {}
    failed = False
    try:
        print(f"bench: bare ASGI ceiling ({args.warmup} s warm-up, {args.duration} s per workload)...", flush=True)
        bare = runner.bare()
        for name in args.providers:
            print(f"bench: {name}: emulator{'' if args.no_prism else ', Prism'}, start-up...", flush=True)
            try:
                runs.append(runner.provider(name))
            except (RuntimeError, subprocess.TimeoutExpired, httpx.HTTPError) as error:
                logs = sorted(workdir.glob(f"{name}-*.log"))
                tail = logs[0].read_text(errors="replace")[-2000:] if logs else ""
                print(f"bench: {name} failed: {error}\n{tail}", flush=True)
                failed = True
    finally:
        if args.keep_logs:
            print(f"server logs: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    document = report.document(args, runs, bare, started_load, PRISM_VERSION)
    report.print_tables(document)
    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, indent=2) + "\n")
        print(f"figures: {path}")
    emulator_problems = any(m.problems for run in runs for m in run.emulator.values())
    return 1 if failed or emulator_problems else 0
