"""Emulators served over real HTTP on loopback, one per test, seeded through the control API."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest

from withdrawal_apis.providers import PROVIDERS, Provider
from withdrawal_apis.sandbox import SandboxApp, SandboxConfig, build_app
from withdrawal_apis.sandbox.server import serve_in_thread

from .scenarios import SCENARIOS, Scenario


@pytest.fixture(params=PROVIDERS, ids=lambda p: p.name)
def scenario(request: pytest.FixtureRequest) -> Scenario:
    provider: Provider = request.param
    assert provider.name in SCENARIOS, f"add a Scenario for {provider.name} in tests/sandbox/scenarios.py"
    return SCENARIOS[provider.name]


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
