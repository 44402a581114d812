"""Shared fixtures: the registry is the only source of which specs and providers exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from withdrawal_apis.providers import PROVIDERS, Provider
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
