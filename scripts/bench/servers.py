"""Starting, timing and stopping the servers the benchmark measures, each pinned to its own core."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import httpx

from .. import REPO

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Pinning:
    """Which cores the server and the load generator run on (`taskset -c`); None leaves it to the OS."""

    server: str | None
    load: str | None

    def prefix(self, cores: str | None) -> list[str]:
        return ["taskset", "-c", cores] if cores is not None else []


@dataclass
class Running:
    process: subprocess.Popen[bytes]
    base_url: str
    started_at: float  # time.monotonic() just before the process was spawned
    answered_after: float = 0.0  # seconds from spawn to the first answered request


def start(command: Sequence[str], port: int, log: TextIO, pinning: Pinning) -> Running:
    env = {**os.environ, "SCARF_ANALYTICS": "false", "PYTHONUNBUFFERED": "1"}
    started = time.monotonic()
    # Output goes to a file, never an unread pipe (Prism logs every request).
    process = subprocess.Popen(
        [*pinning.prefix(pinning.server), *command],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    return Running(process, f"http://{HOST}:{port}", started)


def wait_answer(running: Running, path: str = "/", timeout: float = 60.0) -> float:
    """Poll until the server answers anything at all (any status); returns seconds since spawn."""
    deadline = running.started_at + timeout
    last = "no answer"
    with httpx.Client(timeout=2) as client:
        while time.monotonic() < deadline:
            if running.process.poll() is not None:
                raise RuntimeError(f"exited with status {running.process.returncode} before it answered")
            try:
                client.get(running.base_url + path)
            except httpx.HTTPError as error:
                last = repr(error)
                time.sleep(0.005)
                continue
            running.answered_after = time.monotonic() - running.started_at
            return running.answered_after
    raise RuntimeError(f"no answer after {timeout:g} s: {last}")


def stop(running: Running, sig: signal.Signals = signal.SIGTERM) -> None:
    process = running.process
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def cpu_seconds(session: int) -> float | None:
    """User + system CPU of every live process in a session (Linux /proc), or None where unreadable."""
    total, found = 0.0, False
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # After the command name: session is field 6, utime 14 and stime 15 (1-based, as in proc(5)).
        if int(fields[3]) == session:
            total += (int(fields[11]) + int(fields[12])) / tick
            found = True
    return total if found else None


def load_average() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
