"""What an app scenario needs of a provider: the account it starts from, what it pays, how it completes.

The scenarios in `test_app_scenarios.py` are written once; each provider's `Profile`
(`tests/providers/<name>/profile.py`) says what differs: the
credentials and seed, a payable destination and a bad one, what a payout holds, and the control-API
transitions that take a payout to its provider's completed state.
"""

from __future__ import annotations

import functools
import importlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from withdrawal_apis.registry import PROVIDERS

RNG = random.Random(20251130)
INITIAL = Decimal("1000")


@dataclass(frozen=True)
class Profile:
    provider: str
    credentials: dict[str, str]
    seed: Callable[[Decimal], dict[str, Any]]  # the control-API seed for a withdrawable balance
    account_id: str  # the control API's account holding the balance
    asset: str
    network: str
    address: str
    bad_address: str
    amount: Decimal = Decimal("10")
    fee: Decimal = Decimal("0")
    holds: bool = True  # False: paid at once (kamiPay), nothing is ever held
    complete: tuple[str, ...] = ()  # control-API transitions from created to completed
    sweep: bool = False  # SmartyPay: the balance is swept, not paid out by amount
    balance_filter: dict[str, Any] = field(default_factory=dict)  # picks the Balance row in balances()
    wallet: str = ""  # the emulator's wallet (sub-account) holding the balance, where the provider has several
    emulator_asset: str = ""  # the emulator's asset code, where it is not `asset` (SmartyPay's currency codes)

    @property
    def held_asset(self) -> str:
        return self.emulator_asset or self.asset

    @property
    def wrong_credentials(self) -> dict[str, str]:
        secret = "secret" if "secret" in self.credentials else "password"
        # As long as a real secret (32 bytes), so only its value is wrong.
        return {**self.credentials, secret: ("not-the-" + secret).ljust(32, "x")}


def account(account_id: str, key_id: str, secret: str, **more: Any) -> dict[str, Any]:
    return {"id": account_id, "credentials": [{"key_id": key_id, "secret": secret}], **more}


@functools.cache
def profiles() -> dict[str, Profile]:
    """Every registered provider's profile, by name."""
    return {p.name: importlib.import_module(f"tests.providers.{p.name}.profile").PROFILE for p in PROVIDERS}
