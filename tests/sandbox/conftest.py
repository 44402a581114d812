"""Per-provider scenario selection for the engine-wide tests."""

from __future__ import annotations

import pytest

from withdrawal_apis.registry import PROVIDERS, Provider

from .scenarios import SCENARIOS, Scenario


@pytest.fixture(params=PROVIDERS, ids=lambda p: p.name)
def scenario(request: pytest.FixtureRequest) -> Scenario:
    provider: Provider = request.param
    assert provider.name in SCENARIOS, f"add a Scenario for {provider.name} in tests/sandbox/scenarios.py"
    return SCENARIOS[provider.name]


@pytest.fixture(params=[s for s in SCENARIOS.values() if s.fixed_unit], ids=lambda s: s.provider)
def ledger_scenario(request: pytest.FixtureRequest) -> Scenario:
    """Providers whose create holds a fixed amount: the ledger race and crash tests apply to them."""
    return request.param  # type: ignore[no-any-return]
