"""Emulators in-process for the payouts tests, and the client under test in sync or async mode.

Each test gets a `withdrawal_apis.testing.Emulator`: in-process, in test mode, unseeded, without a rate limit.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from withdrawal_apis import payouts
from withdrawal_apis.payouts import flow
from withdrawal_apis.registry import PROVIDERS
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.testing import Emulator

from .profile import Profile, profiles

FAST = payouts.RetryPolicy(initial_delay=0.01, max_delay=0.05)


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
    assert request.param in profiles(), f"add tests/providers/{request.param}/profile.py"
    return profiles()[request.param]


@pytest.fixture
def emulator(profile: Profile) -> Iterator[Emulator]:
    emulator = Emulator(profile.provider, SandboxConfig(test_mode=True, rate_limit=0), seed=None)
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
