"""The shared sandbox under load: req/s and p99 by process count on PostgreSQL, and each store on one process.

    python -m scripts.bench.cluster [--processes 1,2] [--providers mpchat] [--duration 10] [--connections 16]
                                    [--postgres postgresql://USER@HOST/DB]
    nox -s bench -- --backend postgresql [--processes 1,2]       the same through the benchmark's session

For each provider, its emulator (as `withdrawal-apis sandbox` starts it, seeded with the benchmark seed,
rate limit off) is driven by wrk through the two workloads of `bench.py` (`read`, `create-then-get`),
once per row:

- one process on each store: SQLite in memory, a SQLite file, PostgreSQL;
- N processes on PostgreSQL for each N in `--processes` (`--workers N`: one port, one database).

Each row gets a fresh database. Without `--postgres`, a throwaway PostgreSQL cluster is started for
the run (Debian's `postgresql` package; `withdrawal_apis.testing.services`). Servers and wrk are not
pinned to cores: N processes need them all, and PostgreSQL shares them too, so every row runs alike.
Figures go to reports/bench-cluster.json. The same module gives `python -m scripts.bench --scale --backend postgresql`
its database. Target (reported, not asserted): two processes on PostgreSQL serve at least 1.6x what one
does, on each workload.
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import PROVIDERS
from withdrawal_apis.sandbox.store import is_postgres
from withdrawal_apis.testing.services import PostgresCluster

from .. import REPO
from .report import machine
from .run import Runner, emulator_command, require_tools
from .servers import HOST, load_average, stop, wait_answer
from .workloads import bench_for
from .wrk import MutableClock

TARGET_TWO_PROCESSES = 1.6  # two processes on PostgreSQL over one, req/s


# -- PostgreSQL for a benchmark run ----------------------------------------------------------------
@contextmanager
def postgres_server(given: str | None) -> Iterator[str]:
    """The address of a PostgreSQL server to make databases on: `given`, or a throwaway cluster."""
    if given:
        yield given
        return
    cluster = PostgresCluster()
    try:
        yield cluster.dsn()
    finally:
        cluster.close()


def fresh_database(server: str) -> str:
    """A new, empty database on `server` (an address whose user may create databases); its address."""
    from withdrawal_apis.sandbox.store.postgres import create_database

    return create_database(server, f"bench_{uuid.uuid4().hex[:12]}")


def database_mib(location: str | Path) -> float:
    """A store's size on disk: the SQLite file and its WAL, or the PostgreSQL database."""
    if isinstance(location, Path) or not is_postgres(location):
        path = Path(location)
        files = [path, path.with_name(path.name + "-wal")]
        return sum(f.stat().st_size for f in files if f.exists()) / 2**20
    from withdrawal_apis.sandbox.store.postgres import database_bytes

    return database_bytes(location) / 2**20


# -- the runs ------------------------------------------------------------------------------------------
def rows_for(processes: list[int]) -> list[tuple[str, str, int]]:
    """(label, store, processes) of every row: each store on one process, then PostgreSQL by count."""
    rows = [("SQLite in memory", "memory", 1), ("SQLite file", "file", 1), ("PostgreSQL", "postgresql", 1)]
    rows += [(f"PostgreSQL x{n}", "postgresql", n) for n in processes if n > 1]
    return rows


def run_row(
    runner: Runner, name: str, label: str, store: str, processes: int, server: str, workdir: Path
) -> dict[str, Any]:
    bench = bench_for(name, secrets.token_hex(24))
    seed = workdir / f"{name}-seed.json"
    seed.write_text(json.dumps(bench.seed))
    db = {"memory": ":memory:", "file": str(workdir / f"{name}-{uuid.uuid4().hex[:8]}.db")}.get(store)
    db = db or fresh_database(server)
    port = free_port(HOST)
    command = emulator_command(name, port, seed, db) + (["--workers", str(processes)] if processes > 1 else [])
    running = runner.start(command, port, f"{name}-{store}-{processes}.log")
    clock = MutableClock()
    auth = bench.auth(bench.credentials, clock)
    found: dict[str, Any] = {"store": label, "processes": processes, "workloads": {}}
    try:
        found["startup_s"] = round(wait_answer(running), 3)
        if processes > 1:
            time.sleep(1.0)  # the workers start after the first answer of none: let all of them listen
        runner.check(bench, running, auth, clock)
        for workload in bench.workloads():
            measured = runner.measure("emulator", running, workload, auth, clock)
            found["workloads"][workload.name] = {
                "requests_per_s": round(measured.result.requests_per_second, 1),
                "p50_ms": round(measured.result.latency_ms("p50"), 3),
                "p99_ms": round(measured.result.latency_ms("p99"), 3),
                "cpu_us_per_request": None
                if measured.cpu_us_per_request is None
                else round(measured.cpu_us_per_request, 1),
                "load_average": round(measured.load, 2),
                "problems": measured.problems,
            }
    finally:
        stop(running)
    return found


def scaling(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Per workload: req/s of two processes on PostgreSQL over one, and whether it reaches the target."""
    by_processes = {row["processes"]: row["workloads"] for row in rows if row["store"].startswith("PostgreSQL")}
    one, two = by_processes.get(1), by_processes.get(2)
    found: dict[str, Any] = {}
    for workload in one or {}:
        if two is None or workload not in two or not one[workload]["requests_per_s"]:  # type: ignore[index]
            continue
        ratio = two[workload]["requests_per_s"] / one[workload]["requests_per_s"]  # type: ignore[index]
        found[workload] = {"two_over_one": round(ratio, 2), "at_least_1_6x": ratio >= TARGET_TWO_PROCESSES}
    return found


def print_targets(doc: dict[str, Any]) -> None:
    print()
    for name, found in doc["targets"].items():
        if not found:
            print(f"{name}: two processes on PostgreSQL >= {TARGET_TWO_PROCESSES:g}x one: n/a (no run of 2)")
        for workload, verdict in found.items():
            word = "met" if verdict["at_least_1_6x"] else "MISSED"
            print(
                f"{name} {workload}: two processes on PostgreSQL {verdict['two_over_one']:.2f}x one "
                f"(target >= {TARGET_TWO_PROCESSES:g}x): {word}"
            )


def print_table(doc: dict[str, Any]) -> None:
    m = doc["machine"]
    print()
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['system']}, Python {m['python']}")
    print(f"wrk: {doc['connections']} connections, {doc['duration_s']} s per workload; servers and wrk unpinned")
    header = f"{'provider':<10}{'store':<20}{'workload':<17}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
    header += f"{'x 1 proc':>10}{'load':>7}"
    print(header)
    print("-" * len(header))
    for name, rows in doc["providers"].items():
        single = {w: f["requests_per_s"] for r in rows if r["store"] == "PostgreSQL" for w, f in r["workloads"].items()}
        for row in rows:
            for workload, f in row["workloads"].items():
                ratio = (
                    f["requests_per_s"] / single[workload] if row["processes"] > 1 and single.get(workload) else None
                )
                cells = f"{f['requests_per_s']:>9.0f}{f['p50_ms']:>9.2f}{f['p99_ms']:>9.2f}"
                cells += f"{'' if ratio is None else format(ratio, '.2f'):>10}{f['load_average']:>7.2f}"
                print(f"{name:<10}{row['store']:<20}{workload:<17}{cells}")
                for problem in f["problems"][:2]:
                    print(f"  {name} {row['store']} {workload}: {problem}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", default="1,2", help="process counts on PostgreSQL (any N)")
    parser.add_argument("--providers", default="", help="comma-separated (default: every provider)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per workload")
    parser.add_argument("--warmup", type=int, default=2, help="seconds")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--postgres", help="a PostgreSQL server to make databases on (default: a throwaway one)")
    parser.add_argument("--json", default=str(REPO / "reports" / "bench-cluster.json"), help="'' for none")
    parser.add_argument("--quick", action="store_true", help="2 s runs, no warm-up")
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.warmup = 2, 0
    args.processes = sorted({int(n) for n in args.processes.split(",") if n.strip()})
    names = [p.name for p in PROVIDERS]
    args.providers = [n.strip() for n in args.providers.split(",") if n.strip()] or names
    if set(args.providers) - set(names) or min(args.processes, default=0) < 1:
        parser.error(f"--providers from {', '.join(names)}; --processes counts >= 1")
    # What bench.Runner reads: no Prism here, no pinning (N processes need every core).
    args.prism_warmup, args.server_cpu, args.load_cpu = args.warmup, "", ""
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    wrk = require_tools(prism=False)
    workdir = Path(tempfile.mkdtemp(prefix="withdrawal-apis-cluster-"))
    runner = Runner(args, wrk, workdir)
    doc: dict[str, Any] = {
        "benchmark": "cluster",
        "machine": machine(),
        "duration_s": args.duration,
        "connections": args.connections,
        "load_average_at_start": round(load_average(), 2),
        "providers": {},
    }
    try:
        with postgres_server(args.postgres) as server:
            for name in args.providers:
                doc["providers"][name] = []
                for label, store, processes in rows_for(args.processes):
                    print(f"bench cluster: {name}: {label}...", flush=True)
                    row = run_row(runner, name, label, store, processes, server, workdir)
                    doc["providers"][name].append(row)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    doc["targets"] = {name: scaling(rows) for name, rows in doc["providers"].items()}
    print_table(doc)
    print_targets(doc)
    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(doc, indent=2) + "\n")
        print(f"figures: {path}")
    problems = any(f["problems"] for rows in doc["providers"].values() for r in rows for f in r["workloads"].values())
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
