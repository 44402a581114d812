"""Benchmark the MPChat emulator against Prism's mock server with the same create-then-get workload.

    python scripts/bench.py [--duration S] [--warmup S] [--connections N] [--servers memory,file,prism]

`nox -s bench` runs it (and installs wrk and Prism first). Each server is started on 127.0.0.1 in turn,
warmed up, then driven by wrk with bench/create_then_get.lua: every connection alternates
POST /v1/withdrawals and GET /v1/withdrawals/{the id it just created}. The emulator runs as the CLI
starts it (`withdrawal-apis sandbox mpchat --rate-limit 0 --seed FILE`), once with the default
in-memory store and once with a SQLite file; Prism (bench/node_modules) mocks specs/mpchat.yaml.

It prints req/s, p50/p99 latency and the non-2xx count per server, the emulator/Prism req/s ratio, and
whether the target holds (the in-memory emulator serves >= 1.5x Prism's req/s with p99 < 20 ms). The
target is only reported; the exit status is 1 when any emulator answered a non-2xx, dropped a request
(socket error or timeout) or did not start. Durations also come from BENCH_DURATION / BENCH_WARMUP.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from withdrawal_apis.chains import is_valid_tron_address, random_tron_address  # noqa: E402
from withdrawal_apis.providers.mpchat.auth import authorization_header  # noqa: E402
from withdrawal_apis.sandbox.server import free_port  # noqa: E402

BENCH = REPO / "bench"
LUA = BENCH / "create_then_get.lua"
PRISM = BENCH / "node_modules" / ".bin" / "prism"
SPEC = REPO / "specs" / "mpchat.yaml"
HOST = "127.0.0.1"

TARGET_RATIO = 1.5
TARGET_P99_MS = 20.0
KEY_ID = "mk_test_bench"
ACCOUNT_ID = "bench-merchant"
BALANCE = "1" + "0" * 24  # USDT; never runs out, whatever the fee rule
RESULT_LINE = re.compile(r"^BENCH_RESULT (\{.*\})$", re.MULTILINE)
SERVERS = ("memory", "file", "test-mode", "prism")
DEFAULT_SERVERS = "memory,file,prism"


@dataclass
class Server:
    key: str
    label: str
    emulator: bool
    command: list[str] = field(default_factory=list)


@dataclass
class Result:
    server: Server
    raw: dict[str, Any]
    problems: list[str]
    load: float
    """The 1-minute load average right after the run: other work on the machine skews every figure."""
    cpu_us_per_request: float | None = None
    """The server's own CPU time per request: steadier than req/s when the machine is shared."""

    @property
    def requests_per_second(self) -> float:
        return float(self.raw["requests"]) / (float(self.raw["duration_us"]) / 1e6)

    def latency_ms(self, percentile: str) -> float:
        return float(self.raw["latency_us"][percentile]) / 1000

    @property
    def non2xx(self) -> int:
        return int(self.raw["non2xx"])

    @property
    def socket_errors(self) -> int:
        errors = self.raw["errors"]
        return sum(int(errors[name]) for name in ("connect", "read", "write", "timeout"))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "15")), help="seconds")
    parser.add_argument("--warmup", type=int, default=int(os.environ.get("BENCH_WARMUP", "3")), help="seconds")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--servers",
        default=os.environ.get("BENCH_SERVERS", DEFAULT_SERVERS),
        help=f"comma-separated, from {', '.join(SERVERS)} (default: {DEFAULT_SERVERS})",
    )
    parser.add_argument("--json", default=str(REPO / "reports" / "bench.json"), help="figures file; '' for none")
    parser.add_argument("--keep-logs", action="store_true", help="print where the servers' logs are and keep them")
    args = parser.parse_args(argv)
    args.servers = [name.strip() for name in args.servers.split(",") if name.strip()]
    unknown = sorted(set(args.servers) - set(SERVERS))
    if unknown or not args.servers:
        parser.error(f"--servers takes names from {', '.join(SERVERS)}; got {args.servers}")
    if args.duration < 1 or args.warmup < 0 or args.connections < 1:
        parser.error("--duration must be >= 1, --warmup >= 0 and --connections >= 1")
    return args


def load_average() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), or None where that cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # After the command name: state is field 3, utime 14 and stime 15 (1-based, as in proc(5)).
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def require_tools() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("bench: `wrk` is not on PATH; install Debian's `wrk` package (apt-get install wrk)")
    if not PRISM.exists():
        raise SystemExit(f"bench: {PRISM.relative_to(REPO)} missing; run `npm install` in bench/ (nox -s bench does)")
    return wrk


def servers(names: list[str], workdir: Path, seed: Path) -> list[Server]:
    emulator = [sys.executable, "-m", "withdrawal_apis.cli", "sandbox", "mpchat", "--host", HOST, "--rate-limit", "0"]
    emulator += ["--seed", str(seed)]
    available = {
        "memory": Server("memory", "emulator (:memory:)", True, emulator),
        "file": Server("file", "emulator (SQLite file)", True, [*emulator, "--db", str(workdir / "bench.db")]),
        "test-mode": Server("test-mode", "emulator (--test-mode)", True, [*emulator, "--test-mode"]),
        "prism": Server("prism", "Prism 5.16.0 mock", False, [str(PRISM), "mock", "-h", HOST, str(SPEC)]),
    }
    return [available[name] for name in names]


def start(server: Server, port: int, log: TextIO) -> subprocess.Popen[bytes]:
    flag = "-p" if not server.emulator else "--port"
    command = [*server.command, flag, str(port)]
    env = {**os.environ, "SCARF_ANALYTICS": "false", "PYTHONUNBUFFERED": "1"}
    # Output goes to a file, never an unread pipe: both servers log every request.
    return subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def wait_ready(process: subprocess.Popen[bytes], base_url: str, authorization: str, emulator: bool) -> None:
    """Until the server answers GET /v1/balance (for the emulator: 200 with our key, proving the seed took)."""
    deadline = time.monotonic() + 60
    last = "no answer"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with status {process.returncode} before it was ready")
        try:
            response = httpx.get(f"{base_url}/v1/balance", headers={"Authorization": authorization}, timeout=2)
        except httpx.HTTPError as error:
            last = repr(error)
        else:
            if not emulator or response.status_code == 200:
                return
            last = f"{response.status_code} {response.text[:200]}"
        time.sleep(0.2)
    raise RuntimeError(f"not ready after 60 s: {last}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def run_wrk(wrk: str, base_url: str, seconds: int, connections: int, authorization: str, address: str) -> str:
    # One connection per thread: wrk's Lua state is per thread, so this makes the alternation per connection.
    command = [wrk, f"-t{connections}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(LUA), base_url]
    completed = subprocess.run(
        [*command, "--", authorization, address], capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    if completed.returncode != 0 or not RESULT_LINE.search(completed.stdout):
        detail = completed.stderr.strip() or completed.stdout[-2000:]
        raise RuntimeError(f"wrk failed ({completed.returncode}): {detail}")
    return completed.stdout


def bench_one(wrk: str, server: Server, args: argparse.Namespace, secret: str, address: str, log_path: Path) -> Result:
    port = free_port(HOST)
    base_url = f"http://{HOST}:{port}"
    with log_path.open("w") as log:
        process = start(server, port, log)
        try:
            # The signature covers only key id and timestamp, so one header stays valid for five minutes.
            authorization = authorization_header(KEY_ID, secret, int(time.time()))
            wait_ready(process, base_url, authorization, server.emulator)
            if args.warmup:
                run_wrk(wrk, base_url, args.warmup, args.connections, authorization, address)
            cpu_before = cpu_seconds(process.pid)
            output = run_wrk(wrk, base_url, args.duration, args.connections, authorization, address)
            cpu_after = cpu_seconds(process.pid)
            died = process.poll() is not None
        finally:
            stop(process)
    match = RESULT_LINE.search(output)
    assert match is not None
    result = Result(server, json.loads(match.group(1)), [], load_average())
    if cpu_before is not None and cpu_after is not None and result.raw["requests"]:
        result.cpu_us_per_request = (cpu_after - cpu_before) * 1e6 / result.raw["requests"]
    if died:
        result.problems.append("the server exited during the run")
    if result.raw["requests"] == 0:
        result.problems.append("no request completed")
    if result.non2xx:
        statuses, sample = result.raw["statuses"], result.raw["sample"]
        result.problems.append(f"{result.non2xx} non-2xx responses {statuses}, e.g. {sample}")
    if result.socket_errors:
        result.problems.append(f"{result.socket_errors} requests without a response {result.raw['errors']}")
    if result.raw["missing_ids"]:
        result.problems.append(f"{result.raw['missing_ids']} create responses without an id")
    return result


def report(results: list[Result], args: argparse.Namespace) -> tuple[bool, bool]:
    """Print the table and the verdict; returns (emulator clean, target met)."""
    print()
    print(f"create-then-get, {args.connections} connections, {args.duration} s after a {args.warmup} s warm-up")
    columns = [("req/s", 10), ("p50 ms", 9), ("p99 ms", 9), ("max ms", 9), ("requests", 10), ("non-2xx", 9)]
    columns += [("errors", 8), ("cpu us/req", 12), ("load", 7)]
    header = f"{'server':<26}" + "".join(f"{name:>{width}}" for name, width in columns)
    print(header)
    print("-" * len(header))
    for r in results:
        cpu = "n/a" if r.cpu_us_per_request is None else f"{r.cpu_us_per_request:.0f}"
        print(
            f"{r.server.label:<26}{r.requests_per_second:>10.1f}{r.latency_ms('p50'):>9.2f}{r.latency_ms('p99'):>9.2f}"
            f"{r.latency_ms('max'):>9.1f}{r.raw['requests']:>10}{r.non2xx:>9}{r.socket_errors:>8}{cpu:>12}{r.load:>7.1f}"
        )
    cores = os.cpu_count() or 1
    if any(r.load > cores for r in results):
        print(f"note: the load average exceeded the {cores} cores during the runs; other work skews these figures")
    prism = next((r for r in results if not r.server.emulator), None)
    emulators = [r for r in results if r.server.emulator]
    for r in results:
        for problem in r.problems:
            print(f"  {r.server.label}: {problem}")
    target_met = False
    if prism is not None and prism.requests_per_second > 0:
        for r in emulators:
            print(f"ratio {r.server.label} / Prism req/s: {r.requests_per_second / prism.requests_per_second:.2f}x")
        headline = next((r for r in emulators if r.server.key == "memory"), None)
        if headline is not None:
            ratio = headline.requests_per_second / prism.requests_per_second
            p99 = headline.latency_ms("p99")
            target_met = ratio >= TARGET_RATIO and p99 < TARGET_P99_MS and not headline.problems
            verdict = "MET" if target_met else "NOT MET"
            print(
                f"target (in-memory emulator >= {TARGET_RATIO}x Prism req/s, p99 < {TARGET_P99_MS:g} ms): {verdict}"
                f" (ratio {ratio:.2f}x, p99 {p99:.2f} ms)"
            )
    else:
        print("target: not evaluated (needs Prism's figures)")
    clean = all(not r.problems for r in emulators)
    print(f"emulator responses: {'all 2xx' if clean else 'FAILED (see above)'}")
    return clean, target_met


def write_json(path: Path, results: list[Result], args: argparse.Namespace, target_met: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "workload": "create-then-get",
        "connections": args.connections,
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "target_met": target_met,
        "servers": {
            r.server.key: {
                "label": r.server.label,
                "requests_per_second": round(r.requests_per_second, 1),
                "p50_ms": r.latency_ms("p50"),
                "p99_ms": r.latency_ms("p99"),
                "non2xx": r.non2xx,
                "load_average": r.load,
                "server_cpu_us_per_request": r.cpu_us_per_request,
                "problems": r.problems,
                "wrk": r.raw,
            }
            for r in results
        },
    }
    path.write_text(json.dumps(document, indent=2) + "\n")
    print(f"figures: {path}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    wrk = require_tools()
    secret = secrets.token_hex(32)
    address = random_tron_address(random.Random(2024))  # a fixed test address
    assert is_valid_tron_address(address)
    workdir = Path(tempfile.mkdtemp(prefix="withdrawal-apis-bench-"))
    seed = workdir / "seed.json"
    account = {"id": ACCOUNT_ID, "credentials": [{"key_id": KEY_ID, "secret": secret}], "balances": {"USDT": BALANCE}}
    seed.write_text(json.dumps({"accounts": [account]}))
    results: list[Result] = []
    failed: list[str] = []
    try:
        for server in servers(args.servers, workdir, seed):
            log_path = workdir / f"{server.key}.log"
            print(f"bench: {server.label} ({args.warmup} s warm-up, {args.duration} s run)...", flush=True)
            try:
                results.append(bench_one(wrk, server, args, secret, address, log_path))
            except (RuntimeError, subprocess.TimeoutExpired) as error:
                tail = log_path.read_text(errors="replace")[-2000:] if log_path.exists() else ""
                print(f"bench: {server.label} failed: {error}\n{tail}", flush=True)
                failed.append(server.label)
    finally:
        if args.keep_logs:
            print(f"server logs: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    clean, target_met = report(results, args)
    if args.json:
        write_json(Path(args.json), results, args, target_met)
    if failed:
        print(f"bench: could not benchmark {', '.join(failed)}")
    emulator_failed = any(name.startswith("emulator") for name in failed)
    return 1 if emulator_failed or not clean else 0


if __name__ == "__main__":
    sys.exit(main())
