"""wrk under a plan: the authentication headers for every second of a run, and the run itself.

`write_plan` signs each step of a workload once per second of the run with the provider's own
`httpx.Auth` (its clock set to that second) and writes a Lua table that `bench/workload.lua` loads.
A step whose path holds a captured id can only be precomputed if the scheme does not sign the path;
that is checked, not assumed.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from .. import REPO
from .workloads import Step, Workload

LUA = REPO / "bench" / "workload.lua"
RESULT_LINE = re.compile(r"^BENCH_RESULT (\{.*\})$", re.MULTILINE)


class MutableClock:
    """A clock the benchmark sets: each signer reads the second being precomputed."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def signed_headers(auth: httpx.Auth, request: httpx.Request) -> dict[str, str]:
    """The headers `auth` adds or changes on `request` (it must sign without a round trip)."""
    before = dict(request.headers)
    signed = next(auth.sync_auth_flow(request))
    if signed is not request:
        raise RuntimeError(f"{type(auth).__name__} wants another request first (log in before precomputing)")
    return {name: value for name, value in signed.headers.items() if before.get(name) != value}


def _lua(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\{ord(c):03d}" for c in value)
        return f'"{escaped}"'
    if isinstance(value, dict):
        items = ", ".join(f"[{_lua(k)}] = {_lua(v)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, list | tuple):
        return "{" + ", ".join(_lua(v) for v in value) + "}"
    raise TypeError(f"no Lua form for {value!r}")


def write_plan(
    path: Path,
    workload: Workload,
    base_url: str,
    auth: httpx.Auth,
    clock: MutableClock,
    seconds: range,
    extra: dict[str, Any] | None = None,
) -> None:
    """Sign every step for each second in `seconds` and write the plan `bench/workload.lua` reads.

    `extra` adds plan fields as they are (the soak's pacing, control requests and expected fault status).
    """
    tables: list[dict[int, dict[str, str]]] = []
    for step in workload.steps:
        per_second: dict[int, dict[str, str]] = {}
        for second in seconds:
            clock.now = float(second)
            headers = signed_headers(auth, step.request(base_url))
            if "{id}" in step.path and headers != signed_headers(auth, step.request(base_url, "other")):
                raise RuntimeError(f"{step.path}: the scheme signs the path, so the id cannot be filled in later")
            per_second[second] = headers
        tables.append(per_second)
    plan = {
        "steps": [_step(step) for step in workload.steps],
        "auth": tables,
        "first": seconds.start,
        "last": seconds.stop - 1,
        **(extra or {}),
    }
    path.write_text("return " + _lua(plan) + "\n")


def _step(step: Step) -> dict[str, Any]:
    return {
        "method": step.method,
        "path": step.path,
        "body": step.body,
        "content_type": step.content_type,
        "capture": step.capture,
        "expect_id": step.expect_id,
    }


@dataclass(frozen=True)
class WrkResult:
    raw: dict[str, Any]

    @property
    def requests(self) -> int:
        return int(self.raw["requests"])

    @property
    def requests_per_second(self) -> float:
        return self.requests / (float(self.raw["duration_us"]) / 1e6)

    def latency_ms(self, percentile: str) -> float:
        return float(self.raw["latency_us"][percentile]) / 1000

    @property
    def socket_errors(self) -> int:
        errors = self.raw["errors"]
        return sum(int(errors[name]) for name in ("connect", "read", "write", "timeout"))

    def problems(self) -> list[str]:
        found = []
        raw = self.raw
        if not self.requests:
            found.append("no request completed")
        if raw["non2xx"]:
            found.append(f"{raw['non2xx']} non-2xx answers {raw['statuses']}, e.g. {raw['sample']}")
        if self.socket_errors:
            found.append(f"{self.socket_errors} requests without an answer {raw['errors']}")
        if raw["missing_ids"]:
            found.append(f"{raw['missing_ids']} creates without an id, e.g. {raw['sample']}")
        if raw["not_found"]:
            found.append(f"{raw['not_found']} reads that lacked the created id, e.g. {raw['sample']}")
        if raw["stale"]:
            found.append(f"{raw['stale']} requests outside the precomputed seconds")
        if raw.get("faulted", 0) > raw.get("injected", 0):
            found.append(f"{raw['faulted']} answers of the injected fault's status, {raw['injected']} faults injected")
        return found


def run_wrk(wrk: Sequence[str], base_url: str, seconds: int, connections: int, plan: Path, timeout: float) -> WrkResult:
    """One wrk run, one connection per thread (so the Lua state is per connection)."""
    command = [*wrk, f"-t{connections}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(LUA)]
    command += [base_url, "--", str(plan)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    match = RESULT_LINE.search(completed.stdout)
    if completed.returncode != 0 or match is None:
        detail = completed.stderr.strip() or completed.stdout[-2000:]
        raise RuntimeError(f"wrk failed ({completed.returncode}): {detail}")
    return WrkResult(json.loads(match.group(1)))
