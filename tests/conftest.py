"""Shared fixtures: specs and providers from the registry; emulators served over real HTTP on loopback."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from withdrawal_apis.providers import PROVIDERS, Provider
from withdrawal_apis.emulators import build_app
from withdrawal_apis.sandbox import SandboxApp, SandboxConfig
from withdrawal_apis.sandbox.server import serve_in_thread
from withdrawal_apis.spec import SpecDocument

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


class Running:
    """A started emulator: its app (for white-box checks), base URL and a control-API client."""

    def __init__(self, app: SandboxApp, base_url: str) -> None:
        self.app = app
        self.base_url = base_url
        self.control = httpx.Client(base_url=base_url, timeout=10)

    def client(self, auth: httpx.Auth | None = None) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, auth=auth, timeout=10)

    def balance(self, account_id: str, asset: str) -> tuple[Decimal, Decimal]:
        state = self.control.get(f"/_sandbox/accounts/{account_id}").json()
        entry = state["balances"].get(asset, {"available": "0", "frozen": "0"})
        return Decimal(entry["available"]), Decimal(entry["frozen"])


@pytest.fixture
def serve() -> Iterator[object]:
    """`serve(provider, **config)` starts an emulator in test mode for the rest of the test."""
    stack: list[tuple[object, Running]] = []

    def start(provider: str, **options: object) -> Running:
        config = SandboxConfig(test_mode=True, **options)  # type: ignore[arg-type]
        app = build_app(provider, config)
        context = serve_in_thread(app)
        running = Running(app, context.__enter__())
        stack.append((context, running))
        return running

    yield start
    for context, running in reversed(stack):
        running.control.close()
        context.__exit__(None, None, None)  # type: ignore[attr-defined]
        assert not running.app.violations, running.app.violations


def start_emulator_process(provider: str, db: Path, port: int, seed: Path | None) -> subprocess.Popen[bytes]:
    """`withdrawal-apis sandbox` in its own process (so a test can SIGKILL it), ready when this returns."""
    args = [sys.executable, "-m", "withdrawal_apis.cli", "sandbox", provider, "--db", str(db), "--port", str(port)]
    args += ["--rate-limit", "0", *(["--seed", str(seed)] if seed is not None else [])]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/_sandbox/clock", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"the {provider} emulator did not start")
