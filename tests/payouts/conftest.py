"""Emulators in-process for the payouts tests, and the client under test in sync or async mode.

`Emulator` (below) is the one place these tests build an emulator.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from withdrawal_apis import payouts, testing
from withdrawal_apis.payouts import flow
from withdrawal_apis.registry import PROVIDERS
from withdrawal_apis.sandbox import SandboxConfig

from .profiles import PROFILES, Profile

FAST = payouts.RetryPolicy(initial_delay=0.01, max_delay=0.05)


class Emulator(testing.Emulator):
    """An in-process emulator in test mode (every answer checked against the spec), without a rate limit."""

    def __init__(self, provider: str, **config: Any) -> None:
        super().__init__(provider, SandboxConfig(test_mode=True, rate_limit=0, **config), seed=None)
        self.raw = self.http()

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        answer = self.raw.post(f"/_sandbox/{path}", json=body)
        answer.raise_for_status()
        return answer.json() if answer.content else {}

    def fault(self, **fault: Any) -> None:
        self.post("faults", fault)

    def transition(self, withdrawal_id: str, *names: str) -> None:  # type: ignore[override]
        for name in names:
            self.post(f"withdrawals/{withdrawal_id}/transitions", {"transition": name})

    def close(self) -> None:
        self.raw.close()
        super().close()


class App:
    """The payouts client as an app holds it, called the same way in either mode.

    In async mode every call runs on one event loop that lives as long as the test.
    """

    def __init__(self, mode: str, emulator: Emulator, provider: str, credentials: dict[str, str]) -> None:
        self.mode = mode
        options: dict[str, Any] = {"base_url": emulator.base_url, "retry": FAST, "httpx_args": emulator.httpx_args}
        if mode == "sync":
            self.sync: payouts.Payouts | None = payouts.connect(provider, **options, **credentials)
            self.runner: asyncio.Runner | None = None
        else:
            self.sync = None
            self.runner = asyncio.Runner()
            self.async_ = payouts.connect_async(provider, **options, **credentials)

    @property
    def capabilities(self) -> payouts.Capabilities:
        return (self.sync or self.async_).capabilities

    def __getattr__(self, name: str) -> Any:
        if self.sync is not None:
            return getattr(self.sync, name)
        method = getattr(self.async_, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            assert self.runner is not None
            return self.runner.run(method(*args, **kwargs))

        return call

    def list(self) -> list[payouts.Payout]:
        if self.sync is not None:
            return list(self.sync.list())
        assert self.runner is not None
        return self.runner.run(_collect(self.async_.list()))

    def close(self) -> None:
        if self.sync is not None:
            self.sync.close()
        else:
            assert self.runner is not None
            self.runner.run(self.async_.close())
            self.runner.close()


async def _collect(items: AsyncIterator[payouts.Payout]) -> list[payouts.Payout]:
    return [item async for item in items]


@pytest.fixture(params=[p.name for p in PROVIDERS])
def profile(request: pytest.FixtureRequest) -> Profile:
    assert request.param in PROFILES, f"add a Profile for {request.param} in tests/payouts/profiles.py"
    return PROFILES[request.param]


@pytest.fixture
def emulator(profile: Profile) -> Iterator[Emulator]:
    emulator = Emulator(profile.provider)
    yield emulator
    violations = emulator.violations
    emulator.close()
    assert not violations, violations


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def connect(mode: str, emulator: Emulator, profile: Profile) -> Iterator[Any]:
    """`connect(**credentials)`: an App on the test's emulator, closed after the test."""
    opened: list[App] = []

    def make(**credentials: str) -> App:
        app = App(mode, emulator, profile.provider, credentials or profile.credentials)
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the retry policy asked for, recorded instead of waited."""
    recorded: list[float] = []

    async def async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(flow, "sleep", recorded.append)
    monkeypatch.setattr(flow, "async_sleep", async_sleep)
    return recorded
