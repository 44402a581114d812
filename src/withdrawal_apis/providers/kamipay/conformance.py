"""How the conformance harness and plain `st run` drive kamiPay: login, the seed, the body rules."""

from __future__ import annotations

import random
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import httpx

from ...chains import random_ethereum_address
from ...core.profile import BodyRule, ConformanceProfile, own_login
from .auth import KamipayAuth

# -- conformance ------------------------------------------------------------------------------
_rng = random.Random(20250101)
CONFORMANCE_WALLET = random_ethereum_address(_rng)
CONFORMANCE_DESTINATIONS = tuple(random_ethereum_address(_rng) for _ in range(3))
_MAX_FUZZ_AMOUNT = Decimal(1_000_000)


# The withdraw example in the spec sends from and to these (the docs' redacted addresses, completed).
EXAMPLE_WALLET, EXAMPLE_DESTINATION = (
    "0x1C0Ac0fFee00000000000000000000000488fedc",
    "0x6FE712C0000000000000000000000000E72988e6",
)


def _emulator_seed(credentials: Mapping[str, str]) -> dict[str, Any]:
    # Balances no amount the body rules allow (at most 1,000,000 plus gas) can exhaust in a fuzzing run.
    wallets = (CONFORMANCE_WALLET, EXAMPLE_WALLET)
    rich = "1" + "0" * 15
    return {
        "accounts": [
            {
                "id": "conformance-merchant",
                "credentials": [{"key_id": credentials["username"], "secret": credentials["password"]}],
                "extra": {"merchant_id": 1, "wallets": [{"address": w, "wallet_desc": "Main wallet"} for w in wallets]},
                "wallets": {w.lower(): {"USDT": rich, "MATIC": rich} for w in wallets},
                "whitelist": [
                    {"network": "polygon", "address": a} for a in (*CONFORMANCE_DESTINATIONS, EXAMPLE_DESTINATION)
                ],
            }
        ]
    }


def _merchant_wallet(body: dict[str, Any]) -> bool:
    if "from_address" not in body or str(body["from_address"]).lower() == CONFORMANCE_WALLET.lower():
        return False
    body["from_address"] = CONFORMANCE_WALLET
    return True


def _whitelisted_destination(body: dict[str, Any]) -> bool:
    if "to_address" not in body or body["to_address"] in CONFORMANCE_DESTINATIONS:
        return False
    body["to_address"] = _rng.choice(CONFORMANCE_DESTINATIONS)
    return True


def _payable_amount(body: dict[str, Any]) -> bool:
    """Within what the conformance wallet holds: at most 1,000,000 (the schema keeps the decimals)."""
    amount = body.get("amount")
    if not isinstance(amount, (int, float)) or isinstance(amount, bool):
        return False
    value = Decimal(repr(amount)) if isinstance(amount, float) else Decimal(amount)
    if value <= _MAX_FUZZ_AMOUNT:
        return False
    body["amount"] = int(_MAX_FUZZ_AMOUNT)
    return True


_LOGIN: dict[str, str] = {}
"""The credentials of the running conformance session, for `own_login` to log in with."""


def _make_auth(credentials: Mapping[str, str]) -> httpx.Auth:
    """The client's own auth; the harness drives its login against the base URL under test."""
    _LOGIN.update(username=credentials["username"], password=credentials["password"])
    return KamipayAuth(credentials["username"], credentials["password"])


CONFORMANCE = ConformanceProfile(
    make_auth=_make_auth,
    emulator_seed=_emulator_seed,
    body_rules=(
        own_login("create_access_token", "valid-credentials", _LOGIN, _rng),
        BodyRule("create_withdrawal", "merchant-wallet", _merchant_wallet),
        BodyRule("create_withdrawal", "whitelisted-destination", _whitelisted_destination),
        BodyRule("create_withdrawal", "covered-by-balance", _payable_amount),
    ),
    money_moving=frozenset({"create_withdrawal"}),
)
