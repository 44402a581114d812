"""Shared fixtures: specs and providers from the registry; emulators in-process (or on loopback when asked)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from withdrawal_apis.registry import PROVIDERS, Provider
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.spec import SpecDocument
from withdrawal_apis.testing import Emulator
from withdrawal_apis.testing.services import PostgresCluster, ServiceMissing

REPO = Path(__file__).resolve().parent.parent


def all_spec_paths() -> list[Path]:
    """Every OpenAPI document the project publishes: one per provider, plus any extra under specs/."""
    provider_specs = [p.spec_path for p in PROVIDERS]
    extra = sorted(set(REPO.glob("specs/*.yaml")) - set(provider_specs))
    return provider_specs + extra


@pytest.fixture(params=all_spec_paths(), ids=lambda p: p.stem)
def spec(request: pytest.FixtureRequest) -> SpecDocument:
    return SpecDocument(request.param)


@pytest.fixture(params=PROVIDERS, ids=lambda p: p.name)
def provider(request: pytest.FixtureRequest) -> Provider:
    return request.param  # type: ignore[no-any-return]


Serve = Callable[..., Emulator]


@pytest.fixture
def serve() -> Iterator[Serve]:
    """`serve(provider, serve=False, **config)` starts an emulator in test mode for the rest of the test.

    In-process by default; `serve=True` puts it on a free loopback port (for what needs a real socket);
    `capture_webhooks=False` sends webhooks over the network to the seeded URLs instead of the inbox.
    Every answer is checked against the spec, and the test fails if one broke it.
    """
    started: list[Emulator] = []

    def start(provider: str, *, serve: bool = False, capture_webhooks: bool = True, **options: Any) -> Emulator:
        config = SandboxConfig(test_mode=True, **options)
        running = Emulator(provider, config, serve=serve, seed=None, capture_webhooks=capture_webhooks)
        started.append(running)
        return running

    yield start
    for running in reversed(started):
        violations = running.violations
        running.close()
        assert not violations, violations


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL cluster on loopback for this test process (fails, never skips, without one)."""
    try:
        cluster = PostgresCluster()
    except ServiceMissing as missing:
        pytest.fail(f"{missing}; the shared-sandbox tests need a real one", pytrace=False)
    yield cluster
    cluster.close()


def start_emulator_process(
    provider: str, db: Path | str, port: int, seed: Path | None, *extra: str
) -> subprocess.Popen[bytes]:
    """`withdrawal-apis sandbox` in its own process (so a test can SIGKILL it), ready when this returns.

    `db` is a SQLite file or a PostgreSQL address; `extra` more command-line options (`--workers 3`).
    """
    args = [sys.executable, "-m", "withdrawal_apis.cli", "sandbox", provider, "--db", str(db), "--port", str(port)]
    args += ["--rate-limit", "0", *(["--seed", str(seed)] if seed is not None else []), *extra]
    log = tempfile.TemporaryFile()  # noqa: SIM115 - not a pipe: a chatty server must never block on a full one
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/_sandbox/clock", timeout=1)
            return process
        except httpx.HTTPError:
            if process.poll() is not None:
                break
            time.sleep(0.02)
    process.kill()
    process.wait()
    log.seek(0)
    raise RuntimeError(f"the {provider} emulator did not start: {log.read().decode()[-2000:]}")
