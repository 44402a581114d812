"""Per-provider scenario selection for the engine-wide tests."""

from __future__ import annotations

import pytest

from withdrawal_apis.providers import PROVIDERS, Provider

from .scenarios import SCENARIOS, Scenario


@pytest.fixture(params=PROVIDERS, ids=lambda p: p.name)
def scenario(request: pytest.FixtureRequest) -> Scenario:
    provider: Provider = request.param
    assert provider.name in SCENARIOS, f"add a Scenario for {provider.name} in tests/sandbox/scenarios.py"
    return SCENARIOS[provider.name]
