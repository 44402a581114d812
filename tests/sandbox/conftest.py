"""Per-provider scenario selection for the engine-wide tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from withdrawal_apis.registry import PROVIDERS, Provider
from withdrawal_apis.testing.services import PostgresCluster

from .scenario import Scenario, scenarios

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database on each backend: a SQLite file, or a database in the test PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.database()


@pytest.fixture(params=PROVIDERS, ids=lambda p: p.name)
def scenario(request: pytest.FixtureRequest) -> Scenario:
    provider: Provider = request.param
    assert provider.name in scenarios(), f"add tests/providers/{provider.name}/scenario.py"
    return scenarios()[provider.name]


@pytest.fixture(params=[s for s in scenarios().values() if s.fixed_unit], ids=lambda s: s.provider)
def ledger_scenario(request: pytest.FixtureRequest) -> Scenario:
    """Providers whose create holds a fixed amount: the ledger race and crash tests apply to them."""
    return request.param  # type: ignore[no-any-return]
