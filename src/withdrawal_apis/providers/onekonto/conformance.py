"""How the conformance harness and plain `st run` drive 1Konto: login, the seed, the body rules."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from ...core.profile import BodyRule, ConformanceProfile, own_login
from .amounts import parse_amount
from .auth import OneKontoAuth, password_digest

# -- conformance ------------------------------------------------------------------------------
CONFORMANCE_ACCOUNT = "myAccountID"  # the docs' example path value, so the spec's examples reach real data
CONFORMANCE_WALLET: dict[str, Any] = {"network": "bitcoin", "address": "myWalletAddress", "data": {"asset": "BTC"}}
CONFORMANCE_BANK = {"routingNumber": "012345678", "accountNumber": "0123456789"}


def _emulator_seed(credentials: Mapping[str, str]) -> dict[str, Any]:
    # Balances far above what a fuzzing run can lock with the amounts the body rules allow.
    bank_data = {"routingNumber": CONFORMANCE_BANK["routingNumber"], "asset": "USD", "bankName": "My Bank"}
    return {
        "accounts": [
            {
                "id": CONFORMANCE_ACCOUNT,
                "credentials": [{"key_id": credentials["user"], "secret": credentials["password"]}],
                "balances": {"BTC": "1000000", "ETH": "1000000", "USDT": "1000000000", "USD": "1000000000"},
                "whitelist": [
                    CONFORMANCE_WALLET,
                    {"network": "fedwire", "address": CONFORMANCE_BANK["accountNumber"], "data": bank_data},
                    {"network": "ach", "address": CONFORMANCE_BANK["accountNumber"], "data": bank_data},
                ],
                "extra": {
                    "name": "Conformance",
                    "type": "client",
                    "credit": {"USD": "5000"},
                    "deposit_instructions": [
                        {
                            "asset": "BTC",
                            "assetType": "blockchain",
                            "networkType": "bitcoin",
                            "address": "my_bitcoin_address",
                        }
                    ],
                },
            }
        ]
    }


def _amount_rule(asset: str, places: int, most: Decimal, fallback: str) -> Callable[[dict[str, Any]], bool]:
    """The amount must be of `asset`, positive, within its decimal places and what the account holds."""

    def apply(body: dict[str, Any]) -> bool:
        try:
            amount = parse_amount(str(body.get("amount")))
            fits = amount.asset == asset and 0 < amount.value <= most and amount.decimal_places <= places
        except ValueError:
            fits = False
        if fits:
            return False
        body["amount"] = fallback
        return True

    return apply


def _field_rule(name: str, value: str) -> Callable[[dict[str, Any]], bool]:
    """A destination field, when sent, must name what the account whitelisted."""

    def apply(body: dict[str, Any]) -> bool:
        if name not in body or body[name] == value:
            return False
        body[name] = value
        return True

    return apply


def _whitelisted_method(body: dict[str, Any]) -> bool:
    if body.get("type") in ("fedwire", "ach"):
        return False
    body["type"] = "fedwire"
    return True


_LOGIN: dict[str, str] = {}
"""The user and password digest of the running conformance session, for `own_login`."""
_rng = random.Random(20240901)


def _make_auth(credentials: Mapping[str, str]) -> OneKontoAuth:
    _LOGIN.update(user=credentials["user"], password=password_digest(credentials["password"]))
    return OneKontoAuth(credentials["user"], credentials["password"])


_BLOCKCHAIN = "create_blockchain_withdraw_request"
_FIAT = "create_fiat_withdraw_request"
CONFORMANCE = ConformanceProfile(
    make_auth=_make_auth,
    emulator_seed=_emulator_seed,
    body_rules=(
        own_login("login", _LOGIN, _rng),
        BodyRule(
            _BLOCKCHAIN,
            "amount: BTC (what the wallet receives), at most 8 decimals, within the balance",
            _amount_rule("BTC", 8, Decimal(1), "0.00001 BTC"),
        ),
        BodyRule(
            _BLOCKCHAIN,
            "network: the whitelisted wallet's network",
            _field_rule("network", CONFORMANCE_WALLET["network"]),
        ),
        BodyRule(_BLOCKCHAIN, "address: the whitelisted wallet", _field_rule("address", CONFORMANCE_WALLET["address"])),
        BodyRule(
            _FIAT,
            "amount: USD (what the bank account receives), at most 2 decimals, within the balance",
            _amount_rule("USD", 2, Decimal(1000), "1.25 USD"),
        ),
        BodyRule(_FIAT, "type: a method the bank account is whitelisted for", _whitelisted_method),
        BodyRule(
            _FIAT,
            "routingNumber: the whitelisted bank's",
            _field_rule("routingNumber", CONFORMANCE_BANK["routingNumber"]),
        ),
        BodyRule(
            _FIAT,
            "accountNumber: the whitelisted bank account",
            _field_rule("accountNumber", CONFORMANCE_BANK["accountNumber"]),
        ),
    ),
    money_moving=frozenset({"create_blockchain_withdraw_request", "create_fiat_withdraw_request"}),
)
