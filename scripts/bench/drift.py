"""What the drift proxy costs: each emulator under wrk directly, then through `withdrawal-apis proxy`.

    python -m scripts.bench.drift [--duration S] [--connections 16] [--providers a,b] [--json reports/bench.json]

For each provider, its emulator starts as `scripts/bench.py` starts it (conformance seed, rate limit
off) on the server core; `withdrawal-apis proxy <p> --upstream EMULATOR` (reporting mode, capture on,
as users run it) starts on the load core beside wrk, since an app runs the proxy on its own side of
the wire. Both workloads of each provider (its `bench.py`) run against the emulator, then through the proxy, at
the same connection count; the row is the difference in p50 and p99 latency, the req/s of each and
the proxy's CPU time per request. Targets (reported, not asserted): < 2 ms added at p50 and < 5 ms at
p99 at 16 connections. A run in which the proxy reported drift or an answer was not 2xx is flagged.
With `--json`, the figures are added to that file under `drift_proxy`.
"""

from __future__ import annotations

import argparse
import json
import secrets
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import PROVIDERS

from .servers import HOST, Pinning, Running, cpu_seconds, load_average, start, stop, wait_answer
from .workloads import bench_for
from .wrk import MutableClock, WrkResult, run_wrk, write_plan

TARGET_P50_MS = 2.0
TARGET_P99_MS = 5.0


def wait_listening(running: Running, timeout: float = 60.0) -> None:
    port = int(running.base_url.rsplit(":", 1)[1])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise RuntimeError(f"exited with status {running.process.returncode} before it listened")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"not listening after {timeout:g} s")


def launcher() -> list[str]:
    script = Path(sys.executable).parent / "withdrawal-apis"
    return [str(script)] if script.exists() else [sys.executable, "-m", "withdrawal_apis.cli"]


def measure(wrk: list[str], running: Running, plan: Path, args: argparse.Namespace, cpu_of: Running) -> dict[str, Any]:
    if args.warmup:
        run_wrk(wrk, running.base_url, args.warmup, args.connections, plan, args.warmup + 120)
    before = cpu_seconds(cpu_of.process.pid)
    result: WrkResult = run_wrk(wrk, running.base_url, args.duration, args.connections, plan, args.duration + 120)
    after = cpu_seconds(cpu_of.process.pid)
    cpu = (
        (after - before) * 1e6 / result.requests
        if before is not None and after is not None and result.requests
        else None
    )
    return {
        "rps": round(result.requests_per_second, 1),
        "p50_ms": round(result.latency_ms("p50"), 3),
        "p99_ms": round(result.latency_ms("p99"), 3),
        "cpu_us_per_request": round(cpu, 1) if cpu is not None else None,
        "problems": result.problems(),
    }


def provider_rows(
    name: str, args: argparse.Namespace, workdir: Path, pinning: Pinning, wrk: list[str]
) -> list[dict[str, Any]]:
    bench = bench_for(name, secrets.token_hex(24))
    seed = workdir / f"{name}-seed.json"
    seed.write_text(json.dumps(bench.seed))
    port = free_port(HOST)
    options = ["--host", HOST, "--port", str(port), "--rate-limit", "0", "--seed", str(seed)]
    with (workdir / f"{name}.log").open("w") as log:  # the child keeps its own descriptor
        emulator = start([*launcher(), "sandbox", name, *options], port, log, pinning)
    load = Pinning(pinning.load, pinning.load)  # the proxy beside wrk, on the load core
    proxy_port = free_port(HOST)
    reports = workdir / f"{name}-drift"
    proxy_command = [*launcher(), "proxy", name, "--upstream", emulator.base_url, "--host", HOST]
    proxy_command += ["--port", str(proxy_port), "--report-dir", str(reports)]
    rows = []
    try:
        wait_answer(emulator)
        with (workdir / f"{name}-proxy.log").open("w") as log:
            proxy = start(proxy_command, proxy_port, log, load)
        try:
            wait_listening(proxy)  # no request: a probe of an undocumented path would be reported as drift
            clock = MutableClock()
            auth = bench.auth(bench.credentials, clock)
            with httpx.Client(base_url=emulator.base_url, auth=auth, timeout=10) as client:
                client.send(bench.read.request(emulator.base_url))  # logs in where there is a login
            for workload in bench.workloads():
                now = int(time.time())
                seconds = range(now - 2, now + 2 * (args.warmup + args.duration) + 120)
                plan = workdir / f"{name}-{workload.name}.lua"
                write_plan(plan, workload, emulator.base_url, auth, clock, seconds)
                direct = measure(wrk, emulator, plan, args, emulator)
                proxied = measure(wrk, proxy, plan, args, proxy)
                rows.append(
                    {
                        "provider": name,
                        "workload": workload.name,
                        "direct": direct,
                        "proxied": proxied,
                        "added_p50_ms": round(proxied["p50_ms"] - direct["p50_ms"], 3),
                        "added_p99_ms": round(proxied["p99_ms"] - direct["p99_ms"], 3),
                        "load_average": round(load_average(), 2),
                    }
                )
        finally:
            stop(proxy)
        summary = reports / "summary.json"
        drift = json.loads(summary.read_text())["drift"] if summary.exists() else None
        for row in rows:
            row["proxy_reported_drift"] = drift
    finally:
        stop(emulator)
    return rows


def print_rows(rows: list[dict[str, Any]], connections: int) -> None:
    print(f"drift proxy cost at {connections} connections (targets: +{TARGET_P50_MS} ms p50, +{TARGET_P99_MS} ms p99)")
    print(f"  {'provider':<10} {'workload':<16} {'direct p50/p99 ms':>18} {'proxied p50/p99 ms':>19} "
          f"{'added p50/p99 ms':>17} {'req/s direct/proxied':>21} {'proxy µs/req':>12}")  # fmt: skip
    for row in rows:
        d, p = row["direct"], row["proxied"]
        flags = [*d["problems"], *p["problems"]] + (["the proxy reported drift"] if row["proxy_reported_drift"] else [])
        print(
            f"  {row['provider']:<10} {row['workload']:<16} {d['p50_ms']:>8.2f}/{d['p99_ms']:<9.2f} "
            f"{p['p50_ms']:>9.2f}/{p['p99_ms']:<9.2f} {row['added_p50_ms']:>8.2f}/{row['added_p99_ms']:<8.2f} "
            f"{d['rps']:>10.0f}/{p['rps']:<10.0f} {p['cpu_us_per_request'] or 0:>12.0f}"
            + (f"  ! {'; '.join(flags)[:200]}" if flags else "")
        )
    print(f"  load average at the end: {load_average():.2f} (figures from a loaded machine say little)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--warmup", type=int, default=2, help="seconds before each run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--providers", default="", help="comma-separated (default: every provider)")
    parser.add_argument("--server-cpu", default="0", help="the emulator's cores (taskset -c); '' for no pinning")
    parser.add_argument("--load-cpu", default="1", help="wrk's and the proxy's cores; '' for no pinning")
    parser.add_argument("--json", type=Path, help="add the figures to this JSON file under drift_proxy")
    args = parser.parse_args(argv)
    names = [p.name for p in PROVIDERS]
    chosen = [n.strip() for n in args.providers.split(",") if n.strip()] or names
    if set(chosen) - set(names):
        parser.error(f"--providers takes names from {', '.join(names)}")
    pinning = Pinning(args.server_cpu or None, args.load_cpu or None)
    wrk = [*pinning.prefix(pinning.load), "wrk"]
    workdir = Path(tempfile.mkdtemp(prefix="withdrawal-apis-bench-drift-"))
    rows = [row for name in chosen for row in provider_rows(name, args, workdir, pinning, wrk)]
    print_rows(rows, args.connections)
    if args.json:
        document = json.loads(args.json.read_text()) if args.json.exists() else {}
        document["drift_proxy"] = {"connections": args.connections, "duration_s": args.duration, "rows": rows}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(document, indent=2) + "\n")
    problems = any(row["direct"]["problems"] or row["proxied"]["problems"] for row in rows)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
