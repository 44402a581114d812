"""Emulators for the main job, started the way users start them: `withdrawal-apis sandbox <provider>`.

`as_started` runs the command with no option but the port (demo seed, the provider's documented
rate limit) and reads the credentials it prints. `seeded` adds the conformance seed (fresh random
credentials, balances no fuzzing run can exhaust), test mode (every answer checked against the
spec; a violation is answered 500) and no rate limit, so deep fuzzing reaches business logic.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from ..core.profile import profile_of
from ..reachability import free_port
from ..registry import Provider

# The line `withdrawal-apis sandbox` prints for each seeded key.
CREDENTIAL_LINE = re.compile(r"key id (?P<key_id>\S+)\s+secret (?P<secret>\S+)")
STARTUP_SECONDS = 20.0


@dataclass
class Emulator:
    provider: Provider
    base_url: str
    process: subprocess.Popen[bytes] = field(repr=False)
    credentials: dict[str, str] = field(default_factory=dict, repr=False)

    def exit_problem(self) -> str | None:
        """Why the emulator is no longer serving, when it stopped on its own."""
        if self.process.poll() is None:
            return None
        return f"the emulator exited on its own (code {self.process.returncode}) while it was being fuzzed"


@contextmanager
def as_started(provider: Provider) -> Iterator[Emulator]:
    with _sandbox(provider, []) as (base_url, banner, process):
        match = CREDENTIAL_LINE.search(banner)
        if match is None:
            raise RuntimeError(f"`withdrawal-apis sandbox {provider.name}` printed no credentials")
        credentials = provider.settings.from_key(match["key_id"], match["secret"])
        yield Emulator(provider, base_url, process, credentials)


def conformance_seed(provider: Provider) -> tuple[dict[str, Any], dict[str, str]]:
    """The provider's conformance seed with fresh random credentials, and those credentials."""
    settings = provider.settings
    credentials = {name: secrets.token_hex(16) for name in (settings.key, settings.secret)}
    return profile_of(provider).emulator_seed(credentials), credentials


@contextmanager
def seeded(provider: Provider) -> Iterator[Emulator]:
    content, credentials = conformance_seed(provider)
    with tempfile.TemporaryDirectory(prefix="withdrawal-apis-seed-") as work:
        seed = Path(work) / "seed.json"
        seed.write_text(json.dumps(content), encoding="utf-8")
        options = ["--seed", str(seed), "--rate-limit", "0", "--test-mode"]
        with _sandbox(provider, options) as (base_url, _, process):
            yield Emulator(provider, base_url, process, credentials)


@contextmanager
def plain(provider: Provider) -> Iterator[Emulator]:
    """The demo seed, in test mode, without a rate limit: the target for the control API's spec."""
    with _sandbox(provider, ["--rate-limit", "0", "--test-mode"]) as (base_url, _, process):
        yield Emulator(provider, base_url, process)


@contextmanager
def _sandbox(provider: Provider, options: list[str]) -> Iterator[tuple[str, str, subprocess.Popen[bytes]]]:
    """Run the sandbox command on a free loopback port; yields its base URL, what it printed, the process."""
    with tempfile.TemporaryFile() as log:
        # One start at a time: two emulators handed the same free port would answer for each other.
        with _starting:
            port = free_port()
            argv = [*_command(), "sandbox", provider.name, "--port", str(port), *options]
            process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=_without_credentials(provider))
            base_url = f"http://127.0.0.1:{port}"
            try:
                _wait_until_serving(process, base_url)
            except RuntimeError:
                _stop(process)
                raise
        try:
            log.seek(0)
            yield base_url, log.read().decode("utf-8", "replace"), process
        finally:
            _stop(process)


_starting = threading.Lock()


def _without_credentials(provider: Provider) -> dict[str, str]:
    """The environment minus the provider's credential variables, which the sandbox command may adopt:
    the emulator must hold the credentials the harness chose (or print its own), not the caller's."""
    names = set(provider.env_names(optional=True).values()) | {provider.base_url_env}
    return {name: value for name, value in os.environ.items() if name not in names}


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_serving(process: subprocess.Popen[bytes], base_url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the emulator exited with code {process.returncode} before serving {base_url}")
        try:
            if httpx.get(f"{base_url}/_sandbox/clock", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the emulator did not answer on {base_url} within {STARTUP_SECONDS:.0f} s")


def _command() -> list[str]:
    beside = Path(sys.executable).parent / "withdrawal-apis"
    found = str(beside) if beside.exists() else shutil.which("withdrawal-apis")
    return [found] if found else [sys.executable, "-m", "withdrawal_apis.cli"]
