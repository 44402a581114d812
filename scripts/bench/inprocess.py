"""The request path alone: each emulator's ASGI app driven in-process, no sockets, no HTTP parser, no load generator.

    python -m scripts.bench.inprocess [--providers a,b] [--requests 2000] [--rounds 5] [--store memory|file]
    python -m scripts.bench.inprocess --instructions [--providers a,b] [--requests 1000]

What the wall-clock benchmark cannot tell on a busy machine: what one request costs the emulator.
Each provider's app is built as `withdrawal-apis sandbox` builds it (rate limit off, the benchmark
seed) and sent its two workloads (`read`, `create-then-get`, from its `bench.py`) straight through the
ASGI interface, one request at a time on one event loop. The app's wall clock is frozen, so the
signatures made once at the start stay valid and no signing happens while it is timed, and every run
does the same work.

The default reports microseconds per request: the best and the median of `--rounds` rounds, each of
`--requests` requests per workload (the best is the figure least disturbed by other work). With
`--instructions` each provider is run under valgrind (cachegrind, no cache simulation) twice, once
with a few requests and once with `--requests` more, and the difference per request is reported: a
count of executed instructions that other work on the machine does not change. Needs valgrind.

`--json FILE` writes the figures. A non-2xx answer fails the run (exit status 1): a fast error is no figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from withdrawal_apis.emulators import build_app
from withdrawal_apis.registry import PROVIDERS
from withdrawal_apis.sandbox import SandboxConfig

from .workloads import ID, UUID, Bench, Step, bench_for
from .wrk import MutableClock, signed_headers

HOST = "127.0.0.1:8000"
Answer = tuple[int, bytes]


@dataclass(frozen=True)
class Prepared:
    """One step as it goes on the wire: its signed headers are computed once."""

    step: Step
    headers: list[tuple[bytes, bytes]]
    capture: re.Pattern[bytes] | None


def lua_to_regex(pattern: str) -> re.Pattern[bytes]:
    """The few Lua pattern classes the workloads use (`%s`, `%d`), as a Python regex."""
    return re.compile(pattern.replace("%s", r"\s").replace("%d", r"\d").encode())


class Driver:
    """Sends requests into an ASGI app on a private event loop, as uvicorn would hand them over."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()

    async def send(self, method: str, target: str, headers: list[tuple[bytes, bytes]], body: bytes) -> Answer:
        path, _, query = target.partition("?")
        scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": query.encode(),
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
        }
        sent = False
        status, chunks = 0, []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def reply(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            else:
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, reply)
        return status, b"".join(chunks)

    def run(self, coroutine: Any) -> Any:
        return self.loop.run_until_complete(coroutine)

    def close(self) -> None:
        self.loop.close()


class DriverTransport(httpx.BaseTransport):
    """httpx through the driver: the one real client exchange (a login, where the scheme has one)."""

    def __init__(self, driver: Driver) -> None:
        self.driver = driver

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        headers = [(k.lower(), v) for k, v in request.headers.raw]
        target = request.url.raw_path.decode()
        status, body = self.driver.run(self.driver.send(request.method, target, headers, request.read()))
        return httpx.Response(status, content=body, headers={"content-type": "application/json"})


def wire_headers(headers: dict[str, str], body: str, content_type: str) -> list[tuple[bytes, bytes]]:
    found = [(b"host", HOST.encode())]
    found += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    if body:
        found += [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]
    return found


class Emulator:
    """One provider's app, seeded and logged in, with its workloads' steps signed."""

    def __init__(self, name: str, db: str) -> None:
        self.name = name
        self.bench: Bench = bench_for(name, secrets.token_hex(24))
        frozen = float(int(time.time()))  # the app's wall clock: the signed headers stay valid however long it runs
        self.app = build_app(name, SandboxConfig(db=db, rate_limit=0), wall=lambda: frozen)
        self.app.seed(self.bench.seed)
        self.driver = Driver(self.app)
        clock = MutableClock()
        clock.now = frozen
        auth = self.bench.auth(self.bench.credentials, clock)
        # One real read through the client's own auth: proves the seed took, and logs in where there is a login.
        with httpx.Client(base_url="http://" + HOST, transport=DriverTransport(self.driver), auth=auth) as client:
            response = client.send(self.bench.read.request("http://" + HOST))
        if response.status_code != 200:
            raise RuntimeError(f"{name}: {self.bench.read.path} answered {response.status_code}: {response.text[:300]}")
        self.sent = 0
        self.workloads: dict[str, list[Prepared]] = {}
        for workload in self.bench.workloads():
            steps = []
            for step in workload.steps:
                signed = signed_headers(auth, step.request("http://" + HOST))
                capture = lua_to_regex(step.capture) if step.capture else None
                steps.append(Prepared(step, wire_headers(signed, step.body, step.content_type), capture))
            self.workloads[workload.name] = steps

    async def cycle(self, steps: list[Prepared], requests: int) -> list[str]:
        """`requests` requests through the workload's steps in turn; the unexpected answers."""
        problems: list[str] = []
        captured = ""
        send = self.driver.send
        for n in range(requests):
            prepared = steps[n % len(steps)]
            step = prepared.step
            self.sent += 1
            body = step.body.replace(UUID, _uuid(self.sent)).encode()
            status, answer = await send(step.method, step.path.replace(ID, captured), prepared.headers, body)
            if not 200 <= status < 300:
                if len(problems) < 3:
                    problems.append(f"{step.method} {step.path} -> {status}: {answer[:200]!r}")
                continue
            if prepared.capture is not None:
                match = prepared.capture.search(answer)
                captured = match.group(1).decode() if match else ""
        return problems

    def time(self, workload: str, requests: int) -> tuple[float, list[str]]:
        """Microseconds per request over one round."""
        steps = self.workloads[workload]
        requests -= requests % len(steps)
        started = time.perf_counter_ns()
        problems = self.driver.run(self.cycle(steps, requests))
        return (time.perf_counter_ns() - started) / requests / 1000, problems

    def close(self) -> None:
        self.driver.close()
        self.app.engine.store.close()


def _uuid(n: int) -> str:
    """A distinct UUID per request where a body takes one (an idempotency key, say): no randomness in the path."""
    return f"00000000-0000-4000-8000-{n:012x}"


def store_location(store: str, workdir: Path, name: str) -> str:
    return ":memory:" if store == "memory" else str(workdir / f"{name}-{secrets.token_hex(4)}.db")


# -- wall-clock rounds -----------------------------------------------------------------------------------
def timed(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in args.providers:
        emulator = Emulator(name, store_location(args.store, workdir, name))
        try:
            entry: dict[str, Any] = {}
            for workload in emulator.workloads:
                emulator.time(workload, max(50, args.requests // 10))  # warm-up
                rounds, problems = [], []
                for _ in range(args.rounds):
                    per_request, found_problems = emulator.time(workload, args.requests)
                    rounds.append(per_request)
                    problems += found_problems
                entry[workload] = {
                    "us_per_request_best": round(min(rounds), 1),
                    "us_per_request_median": round(statistics.median(rounds), 1),
                    "rounds": [round(r, 1) for r in rounds],
                    "problems": problems[:3],
                }
                print(
                    f"{name:<10} {workload:<16} best {min(rounds):7.1f} us  median {statistics.median(rounds):7.1f} us"
                    + (f"  PROBLEMS {problems[:1]}" if problems else ""),
                    flush=True,
                )
            found[name] = entry
        finally:
            emulator.close()
    return found


# -- instruction counts ------------------------------------------------------------------------------------
def count_once(name: str, workload: str, requests: int, store: str, workdir: Path) -> None:
    """The child under valgrind: set up, then exactly `requests` requests of one workload."""
    emulator = Emulator(name, store_location(store, workdir, name))
    try:
        problems = emulator.driver.run(emulator.cycle(emulator.workloads[workload], requests)) if requests else []
    finally:
        emulator.close()
    if problems:
        raise SystemExit(f"{name} {workload}: {problems[0]}")


def instructions(name: str, workload: str, requests: int, store: str, workdir: Path) -> int:
    """Instructions executed by a run of `requests` requests (setup included), counted by cachegrind."""
    out = workdir / f"cachegrind-{name}-{workload}-{requests}.out"
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        f"--cachegrind-out-file={out}",
        sys.executable,
        "-m",
        "scripts.bench.inprocess",
        "--count-child",
        f"{name}:{workload}:{requests}",
        "--store",
        store,
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    completed = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"{name} {workload}: valgrind run failed: {completed.stderr[-1500:]}")
    for line in out.read_text().splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise RuntimeError(f"{out}: no summary line")


def counted(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    if shutil.which("valgrind") is None:
        raise SystemExit("inprocess: --instructions needs valgrind (apt-get install valgrind)")
    base = 20  # the baseline run's requests: set-up, imports and the first requests' one-off work
    found: dict[str, Any] = {}
    for name in args.providers:
        entry = {}
        for workload in ("read", "create-then-get"):
            low = instructions(name, workload, base, args.store, workdir)
            high = instructions(name, workload, base + args.requests, args.store, workdir)
            per_request = (high - low) / args.requests
            entry[workload] = {"instructions_per_request": round(per_request), "requests": args.requests}
            print(f"{name:<10} {workload:<16} {per_request / 1000:9.1f} k instructions per request", flush=True)
        found[name] = entry
    return found


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench.inprocess",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--providers", default="", help="comma-separated (default: every provider)")
    parser.add_argument("--requests", type=int, default=2000, help="requests per round (or per counted run)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--store", choices=["memory", "file"], default="memory", help="SQLite in memory or a file")
    parser.add_argument("--instructions", action="store_true", help="count instructions under valgrind")
    parser.add_argument("--json", default="", help="write the figures to this file")
    parser.add_argument("--count-child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    names = [p.name for p in PROVIDERS]
    args.providers = [n.strip() for n in args.providers.split(",") if n.strip()] or names
    if set(args.providers) - set(names) or args.requests < 1 or args.rounds < 1:
        parser.error(f"--providers from {', '.join(names)}; --requests and --rounds >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="withdrawal-apis-inprocess-"))
    try:
        if args.count_child:
            name, workload, requests = args.count_child.split(":")
            count_once(name, workload, int(requests), args.store, workdir)
            return 0
        run: Callable[[argparse.Namespace, Path], dict[str, Any]] = counted if args.instructions else timed
        figures = run(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        document = {
            "benchmark": "inprocess",
            "measure": "instructions" if args.instructions else "microseconds",
            "store": args.store,
            "load_average": round(os.getloadavg()[0], 2),
            "providers": figures,
        }
        Path(args.json).write_text(json.dumps(document, indent=2) + "\n")
    failed = any(w.get("problems") for entry in figures.values() for w in entry.values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
