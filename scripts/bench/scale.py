"""What each operation costs as an emulator's store grows: 10 k, 100 k and 1 M withdrawals in a SQLite file.

    python -m scripts.bench --scale [--sizes 10000,100000,1000000] [--samples 300] [--providers mpchat]
    python -m scripts.bench --scale --backend postgresql [--postgres URL]     the same on PostgreSQL

For each provider: the emulator starts on a fresh SQLite file with the benchmark seed, makes one
withdrawal through its API (or uses a seeded one), and stops. The store is then filled in bulk to each
size with copies of that withdrawal, each with its own id (`Store.copy_object`: the store's own schema
and indexes, one transaction), and the emulator is started again on the file (that start is timed too).
One client, one request at a time, with the provider's own auth, then measures p50/p99 of:

- create: the workload's create;
- get: a read of one withdrawal by id, a different random copy each time;
- first page: the first page of the withdrawal list (20 items);
- deep page: a page 90 % of the way down the list, the way the provider pages: keyset cursors where it
  pages by token (BigONE's `page_token`, reached by following the tokens), offsets where it documents
  offsets (MPChat, SmartyPay);
- balance: the workload's authenticated read.

Operations a provider does not have are left out. Latency is measured at the client (httpx, signing
included), so it carries a constant client cost on top of the server's; RSS is the emulator's after
the run and the database size includes its WAL. Figures go to reports/bench-scale.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import secrets
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from rich.text import Text

from withdrawal_apis.core.workload import OFFSET, TOKEN, Paging
from withdrawal_apis.emulators import sandbox_class
from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import PROVIDERS
from withdrawal_apis.sandbox.store import Filter, Store, StoredObject

from .. import REPO
from .console import Cell, Output, figure, verdict
from .report import machine
from .servers import HOST, Pinning, Running, load_average, start, stop, wait_answer
from .workloads import ID, UUID, Bench, Step, bench_for

DEEP = 0.9  # how far down the list the deep page is
TARGET_P99_MS = {"get": 10.0, "first page": 10.0, "deep page": 10.0, "create": 20.0}
TARGET_GROWTH = 1.5  # p99 at the largest size over p99 at the smallest
TARGET_DEEP_OVER_FIRST = 1.5  # at the largest size: the deep page's p50 over the first page's
TARGET_DEEP_P99_MS = 5.0  # at the largest size: the deep page's p99


def copy_id(template: str, n: int) -> str:
    """The n-th copy's id, shaped like the template's (digits stay digits; otherwise the last 12 characters
    become n in base 9 over 1-9, which every id alphabet here contains)."""
    if template.isdigit():
        return str(10**12 + n)
    digits = ""
    for _ in range(12):
        n, rest = divmod(n, 9)
        digits = "123456789"[rest] + digits
    return template[:-12] + digits


def copy_body(template: StoredObject, new_id: str) -> dict[str, Any]:
    numeric = template.id.isdigit()
    body = {}
    for key, value in template.body.items():
        if value == template.id:
            value = new_id
        elif numeric and value == int(template.id) and not isinstance(value, bool):
            value = int(new_id)
        body[key] = value
    return body


def newest(path: Path | str, kind: str) -> StoredObject:
    store = Store(str(path))
    try:
        return store.find(Filter(kind), limit=1)[0]
    finally:
        store.close()


def fill(path: Path | str, template: StoredObject, copies: int, size: int) -> int:
    """Add copies of `template` until the store holds `size` objects of its kind; returns the copies made so far."""
    store = Store(str(path))
    try:
        wanted = size - store.count(Filter(template.kind))
        if wanted > 0:
            ids = (copy_id(template.id, n) for n in range(copies, copies + wanted))
            store.copy_object(template, ((i, copy_body(template, i)) for i in ids))
            copies += wanted
        return copies
    finally:
        store.close()  # the last connection to close checkpoints the WAL into the file


@dataclass
class OpFigures:
    samples_ms: list[float]
    problems: list[str]

    def percentile(self, q: float) -> float | None:
        if not self.samples_ms:
            return None
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(client: httpx.Client, build: Callable[[], httpx.Request], count: int, warmup: int) -> OpFigures:
    figures = OpFigures([], [])
    for n in range(warmup + count):
        request = build()
        started = time.perf_counter()
        response = client.send(request)
        elapsed = (time.perf_counter() - started) * 1000
        if not 200 <= response.status_code < 300:
            if len(figures.problems) < 3:
                figures.problems.append(f"{request.method} {request.url.path} -> {response.status_code}")
            continue
        if n >= warmup:
            figures.samples_ms.append(elapsed)
    return figures


def _request(step: Step, base_url: str, path: str | None = None, body: str | None = None) -> httpx.Request:
    content = (step.body if body is None else body).replace(UUID, str(uuid.uuid4()))
    headers = {"Content-Type": step.content_type} if content else {}
    url = base_url + (step.path if path is None else path)
    return httpx.Request(step.method, url, content=content.encode() or None, headers=headers)


def deep_token(client: httpx.Client, base_url: str, paging: Paging, depth: int) -> str:
    """Follow the keyset tokens down `depth` items with the largest pages, as a client paging would."""
    assert paging.walk is not None
    seen, token = 0, ""
    pattern = re.compile(paging.token)
    while seen < depth:
        path = paging.walk.path.replace(TOKEN, token) if token else paging.walk.path.split("&page_token")[0]
        response = client.send(_request(paging.walk, base_url, path=path))
        response.raise_for_status()
        match = pattern.search(response.text)
        if match is None:
            break
        token = match.group(1)
        seen += 200
    return token


def measure(
    bench: Bench, running: Running, copies: int, template: StoredObject, args: argparse.Namespace
) -> dict[str, Any]:
    ops = bench.scale
    base = running.base_url
    auth = bench.auth(bench.credentials, time.time)
    rng = random.Random(copies)
    samples, warmup = args.samples, max(5, args.samples // 20)
    found: dict[str, OpFigures] = {}
    with httpx.Client(base_url=base, auth=auth, timeout=60) as client:
        found["create"] = timed(client, lambda: _request(bench.create, base), samples, warmup)
        if ops.get is not None:
            get = ops.get

            def one() -> httpx.Request:
                target = copy_id(template.id, rng.randrange(copies))
                return _request(get, base, path=get.path.replace(ID, target))

            found["get"] = timed(client, one, samples, warmup)
        if ops.paging is not None:
            paging = ops.paging
            found["first page"] = timed(client, lambda: _request(paging.first, base), samples, warmup)
            depth, deep = int(copies * DEEP), paging.deep
            if deep is not None and paging.walk is not None:
                path = deep.path.replace(TOKEN, deep_token(client, base, paging, depth))
                found["deep page"] = timed(client, lambda: _request(deep, base, path=path), samples, warmup)
            elif deep is not None:
                path, body = deep.path.replace(OFFSET, str(depth)), deep.body.replace(OFFSET, str(depth))
                found["deep page"] = timed(client, lambda: _request(deep, base, path=path, body=body), samples, warmup)
        found["balance"] = timed(client, lambda: _request(bench.read, base), samples, warmup)
    return {
        name: {
            "p50_ms": round(f.percentile(0.5) or 0, 3),
            "p99_ms": round(f.percentile(0.99) or 0, 3),
            "samples": len(f.samples_ms),
            "problems": f.problems,
        }
        for name, f in found.items()
    }


def rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def db_mib(location: Path | str) -> float:
    from .cluster import database_mib  # the file and its WAL, or the PostgreSQL database

    return database_mib(location)


def emulator(name: str, port: int, db: Path | str, seed: Path | None) -> list[str]:
    script = Path(sys.executable).parent / "withdrawal-apis"
    launcher = [str(script)] if script.exists() else [sys.executable, "-m", "withdrawal_apis.cli"]
    command = [*launcher, "sandbox", name, "--host", HOST, "--port", str(port), "--rate-limit", "0", "--db", str(db)]
    return command + (["--seed", str(seed)] if seed else [])


def run_provider(name: str, args: argparse.Namespace, workdir: Path, pinning: Pinning) -> dict[str, Any]:
    bench = bench_for(name, secrets.token_hex(24))
    kind = sandbox_class(name).lifecycles[0].kind
    from .cluster import fresh_database  # PostgreSQL: a new database on the run's server

    seed = workdir / f"{name}-seed.json"
    db: Path | str = workdir / f"{name}.db" if args.backend == "sqlite" else fresh_database(args.postgres)
    seed.write_text(json.dumps(bench.seed))
    port = free_port(HOST)
    with (workdir / f"{name}.log").open("a") as log:
        running = start(emulator(name, port, db, seed), port, log, pinning)
    try:
        wait_answer(running)
        auth = bench.auth(bench.credentials, time.time)
        with httpx.Client(base_url=running.base_url, auth=auth, timeout=30) as client:
            response = client.send(_request(bench.create, running.base_url))
            response.raise_for_status()
    finally:
        stop(running)
    template, copies = newest(db, kind), 0
    sizes: dict[str, Any] = {}
    for size in args.sizes:
        started = time.monotonic()
        copies = fill(db, template, copies, size)
        seeded_s = time.monotonic() - started
        print(f"bench --scale: {name}: {size:,} withdrawals (filled in {seeded_s:.1f} s), measuring...", flush=True)
        port = free_port(HOST)
        with (workdir / f"{name}.log").open("a") as log:
            running = start(emulator(name, port, db, None), port, log, pinning)
        try:
            startup = wait_answer(running)
            ops = measure(bench, running, copies, template, args)
            rss = rss_mib(running.process.pid)
        finally:
            stop(running)
        sizes[str(size)] = {
            "operations": ops,
            "fill_s": round(seeded_s, 1),
            "startup_s": round(startup, 3),
            "rss_mib": None if rss is None else round(rss, 1),
            "db_mib": round(db_mib(db), 1),
            "backend": args.backend,
            "load_average": round(load_average(), 2),
        }
    if not args.keep and isinstance(db, Path):
        db.unlink(missing_ok=True)
    return {"sizes": sizes, "growth": growth(sizes), "depth": depth(sizes)}


def depth(sizes: dict[str, Any]) -> dict[str, Any]:
    """At the largest size: the page 90 % down the list against the first page, and the targets."""
    if not sizes:
        return {}
    largest = sizes[max(sizes, key=int)]["operations"]
    first, deep = largest.get("first page"), largest.get("deep page")
    if not first or not deep or not first["p50_ms"]:
        return {}
    ratio = deep["p50_ms"] / first["p50_ms"]
    return {
        "size": max(int(size) for size in sizes),
        "deep_over_first_p50": round(ratio, 2),
        "deep_p99_ms": deep["p99_ms"],
        "within_1_5x_of_first": ratio <= TARGET_DEEP_OVER_FIRST,
        "deep_p99_under_5ms": deep["p99_ms"] < TARGET_DEEP_P99_MS,
    }


def growth(sizes: dict[str, Any]) -> dict[str, Any]:
    """Per operation: p50 and p99 at the largest size over the smallest, and the targets.

    Growth is judged on the median: a p99 of 300 samples on a shared machine moves with whatever else
    ran in that second, which the median shrugs off. The p99 target is judged at the largest size.
    """
    if len(sizes) < 2:
        return {}
    smallest, largest = sizes[min(sizes, key=int)], sizes[max(sizes, key=int)]
    found: dict[str, Any] = {}
    for op, big in largest["operations"].items():
        small = smallest["operations"].get(op)
        if not small or not small["p50_ms"] or not small["p99_ms"]:
            continue
        limit = TARGET_P99_MS.get(op)
        found[op] = {
            "p50_ratio": round(big["p50_ms"] / small["p50_ms"], 2),
            "p99_ratio": round(big["p99_ms"] / small["p99_ms"], 2),
            "within_growth": big["p50_ms"] / small["p50_ms"] <= TARGET_GROWTH,
            "under_p99_target": None if limit is None else big["p99_ms"] < limit,
        }
    return found


def table_rows(doc: dict[str, Any]) -> tuple[list[str], list[list[Cell]], list[int]]:
    """The columns, one row per provider and operation (then its RSS, database size and start-up), and
    the rows each provider's part begins at."""
    sizes = [str(s) for s in doc["sizes"]]
    columns = ["provider", "operation", *(_size(s) for s in sizes), "p50 x", "p99 x", "target"]
    rows: list[list[Cell]] = []
    starts: list[int] = []
    for name, entry in doc["providers"].items():
        starts.append(len(rows))
        for op in entry["sizes"][sizes[0]]["operations"]:
            cells: list[Cell] = [name, op]
            for size in sizes:
                figures = entry["sizes"][size]["operations"].get(op)
                cells.append(f"{figures['p50_ms']:.2f} / {figures['p99_ms']:.2f}" if figures else "-")
            grown = entry["growth"].get(op, {})
            cells += [figure(grown.get(k), ".2f") for k in ("p50_ratio", "p99_ratio")]
            words = []
            if grown.get("under_p99_target") is not None:
                words.append("p99 ok" if grown["under_p99_target"] else "p99 MISSED")
            if "within_growth" in grown:
                words.append("flat" if grown["within_growth"] else "GROWS")
            cells.append(Text(", ").join(verdict(word) for word in words))
            rows.append(cells)
        for label, key, spec in (
            ("RSS MiB", "rss_mib", ".0f"),
            ("DB MiB", "db_mib", ".0f"),
            ("start s", "startup_s", ".2f"),
        ):
            rows.append([name, label, *(figure(entry["sizes"][s][key], spec) for s in sizes), "", "", ""])
    return columns, rows, starts


def print_table(doc: dict[str, Any], out: Output | None = None) -> None:
    out = Output() if out is None else out
    m = doc["machine"]
    out.line()
    out.line(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['system']}, Python {m['python']}", "dim")
    out.line(
        f"one client, one request at a time, {doc['samples']} samples per operation; latency in ms, p50 / p99", "dim"
    )
    columns, rows, starts = table_rows(doc)
    out.table(columns, rows, align="ll" + "r" * (len(columns) - 3) + "l", sections=starts[1:])
    for name, entry in doc["providers"].items():
        problems = [p for s in entry["sizes"].values() for f in s["operations"].values() for p in f["problems"]]
        for problem in problems[:5]:
            out.line(f"  {name}: {problem}", "red")
    for name, entry in doc["providers"].items():
        found = entry.get("depth") or {}
        if not found:
            continue
        within = "met" if found["within_1_5x_of_first"] else "MISSED"
        fast = "met" if found["deep_p99_under_5ms"] else "MISSED"
        out.line(
            f"{name} at {_size(str(found['size']))}: the page {DEEP:.0%} deep costs "
            f"{found['deep_over_first_p50']:.2f}x the first (target <= {TARGET_DEEP_OVER_FIRST:g}x): {within}; "
            f"its p99 {found['deep_p99_ms']:.2f} ms (target < {TARGET_DEEP_P99_MS:g} ms): {fast}"
        )
    loads = [size["load_average"] for entry in doc["providers"].values() for size in entry["sizes"].values()]
    out.line(f"load average after each size: {min(loads):.2f} to {max(loads):.2f}", "dim")


def _size(size: str) -> str:
    n = int(size)
    return f"{n // 1_000_000} M" if n % 1_000_000 == 0 else f"{n // 1000} k" if n % 1000 == 0 else str(n)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench --scale",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", default="10000,100000,1000000", help="store sizes, ascending")
    parser.add_argument("--samples", type=int, default=300, help="timed requests per operation and size")
    parser.add_argument("--providers", default="", help="comma-separated (default: every provider)")
    parser.add_argument("--quick", action="store_true", help="sizes 1000,10000 and 50 samples")
    parser.add_argument("--server-cpu", default="0", help="cores for the emulator (taskset -c); '' for no pinning")
    parser.add_argument("--json", default=str(REPO / "reports" / "bench-scale.json"), help="figures file; '' for none")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (databases, logs) and print where")
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite", help="the store")
    parser.add_argument("--postgres", help="with --backend postgresql: a server to use (default: a throwaway one)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.samples = "1000,10000", 50
    args.sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    names = [p.name for p in PROVIDERS]
    args.providers = [n.strip() for n in args.providers.split(",") if n.strip()] or names
    if set(args.providers) - set(names) or not args.sizes or min(args.sizes) < 2 or args.samples < 1:
        parser.error(f"--providers from {', '.join(names)}, --sizes >= 2, --samples >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="withdrawal-apis-scale-"))
    pinning = Pinning(args.server_cpu or None, None)
    doc: dict[str, Any] = {
        "benchmark": "scale",
        "machine": machine(),
        "samples": args.samples,
        "sizes": args.sizes,
        "load_average_at_start": round(load_average(), 2),
        "providers": {},
    }
    from .cluster import postgres_server

    try:
        with postgres_server(args.postgres if args.backend == "postgresql" else "unused") as server:
            args.postgres = server
            for name in args.providers:
                doc["providers"][name] = run_provider(name, args, workdir, pinning)
    finally:
        if args.keep:
            print(f"work folder: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(doc)
    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(doc, indent=2) + "\n")
        print(f"figures: {path}")
    problems = any(
        f["problems"] for e in doc["providers"].values() for s in e["sizes"].values() for f in s["operations"].values()
    )
    return 1 if problems else 0
