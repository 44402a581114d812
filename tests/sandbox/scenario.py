"""What one race / crash / auth-attack test needs of each emulator, so it runs against every provider.

Each provider contributes a `Scenario` (`tests/providers/<name>/scenario.py`): how to seed an account
with a given withdrawable balance, how to authenticate, how to make one withdrawal (and what it holds),
and which forged or malformed credentials must be refused with which documented answer. The tests
themselves are written once.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx

from withdrawal_apis.registry import PROVIDERS


@dataclass(frozen=True)
class AuthAttack:
    name: str
    headers: dict[str, str]  # replaces the provider's auth headers on an authenticated read
    status: int
    body: dict[str, Any]  # expected subset of the error body


@dataclass(frozen=True)
class Scenario:
    provider: str
    account_id: str
    asset: str
    unit: Decimal  # what one successful create takes out of `available`
    frozen_per_success: Decimal  # what it leaves in `frozen` until the withdrawal finishes
    success_status: int
    seed: Callable[[Decimal], dict[str, Any]]
    auth: Callable[[], httpx.Auth]
    create: Callable[[httpx.Client, int], httpx.Response]
    created_id: Callable[[httpx.Response], str]
    get: Callable[[httpx.Client, str], httpx.Response]
    read_path: str  # an authenticated, side-effect-free GET for auth probes
    auth_attacks: Callable[[], list[AuthAttack]] = field(default=lambda: [])
    # False where a create holds no fixed amount (SmartyPay sweeps whole balances): the ledger race
    # and crash tests then do not apply, and the provider's own suite carries its versions of them.
    fixed_unit: bool = True
    wallet: str = ""  # the wallet (sub-account) `asset` is held in, where the provider has several


@functools.cache
def scenarios() -> dict[str, Scenario]:
    """Every registered provider's scenario, by name."""
    return {p.name: importlib.import_module(f"tests.providers.{p.name}.scenario").SCENARIO for p in PROVIDERS}
