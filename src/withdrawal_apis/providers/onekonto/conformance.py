"""How the conformance harness and plain `st run` drive 1Konto: login, the seed, the body rules."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from decimal import ROUND_DOWN, Decimal
from typing import Any

from ...core.profile import BodyRule, ConformanceProfile, own_login
from ...money import format_decimal
from .amounts import AssetAmount, parse_amount
from .auth import OneKontoAuth, password_digest
from .models import ASSET_PRECISION, FIAT_ASSETS

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


def _asset_rule(asset: str, fits: Callable[[str], bool]) -> Callable[[dict[str, Any]], bool]:
    """An amount whose asset does not `fit` is sent in `asset` instead (the number kept)."""

    def apply(body: dict[str, Any]) -> bool:
        amount = _parsed(body)
        if amount is None or amount.asset is None or fits(amount.asset):
            return False
        body["amount"] = f"{format_decimal(amount.value)} {asset}"
        return True

    return apply


def _places_rule(places: int) -> Callable[[dict[str, Any]], bool]:
    """An amount with more decimal places than its asset has is cut to them (at least one unit of them)."""

    def apply(body: dict[str, Any]) -> bool:
        amount = _parsed(body)
        if amount is None or amount.asset is None or amount.decimal_places <= places:
            return False
        unit = Decimal(1).scaleb(-places)
        value = max(amount.value.quantize(unit, rounding=ROUND_DOWN), unit)
        body["amount"] = f"{format_decimal(value)} {amount.asset}"
        return True

    return apply


def _balance_rule(most: Decimal, fallback: str) -> Callable[[dict[str, Any]], bool]:
    """An amount above what the conformance account holds becomes `fallback`."""

    def apply(body: dict[str, Any]) -> bool:
        amount = _parsed(body)
        if amount is None or amount.value <= most:
            return False
        body["amount"] = fallback
        return True

    return apply


def _parsed(body: dict[str, Any]) -> AssetAmount | None:
    try:
        return parse_amount(str(body.get("amount")))
    except ValueError:
        return None


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
_DESTINATION = "whitelisted-destination"
CONFORMANCE = ConformanceProfile(
    make_auth=_make_auth,
    emulator_seed=_emulator_seed,
    body_rules=(
        own_login("login", "valid-credentials", _LOGIN, _rng),
        # The blockchain request: BTC (what the whitelisted wallet receives), within 8 decimals and the balance.
        BodyRule(_BLOCKCHAIN, "supported-asset", _asset_rule("BTC", lambda asset: asset in ASSET_PRECISION)),
        BodyRule(_BLOCKCHAIN, "blockchain-asset", _asset_rule("BTC", lambda asset: asset not in FIAT_ASSETS)),
        BodyRule(_BLOCKCHAIN, "whitelisted-destination", _asset_rule("BTC", lambda asset: asset == "BTC")),
        BodyRule(_BLOCKCHAIN, "asset-precision", _places_rule(8)),
        BodyRule(_BLOCKCHAIN, "covered-by-balance", _balance_rule(Decimal(1), "0.00001 BTC")),
        BodyRule(_BLOCKCHAIN, _DESTINATION, _field_rule("network", CONFORMANCE_WALLET["network"])),
        BodyRule(_BLOCKCHAIN, _DESTINATION, _field_rule("address", CONFORMANCE_WALLET["address"])),
        # The fiat request: USD (what the whitelisted bank account receives), within 2 decimals and the balance.
        BodyRule(_FIAT, "supported-asset", _asset_rule("USD", lambda asset: asset in ASSET_PRECISION)),
        BodyRule(_FIAT, "fiat-asset", _asset_rule("USD", lambda asset: asset in FIAT_ASSETS)),
        BodyRule(_FIAT, _DESTINATION, _asset_rule("USD", lambda asset: asset == "USD")),
        BodyRule(_FIAT, "asset-precision", _places_rule(2)),
        BodyRule(_FIAT, "covered-by-balance", _balance_rule(Decimal(1000), "1.25 USD")),
        BodyRule(_FIAT, _DESTINATION, _whitelisted_method),
        BodyRule(_FIAT, _DESTINATION, _field_rule("routingNumber", CONFORMANCE_BANK["routingNumber"])),
        BodyRule(_FIAT, _DESTINATION, _field_rule("accountNumber", CONFORMANCE_BANK["accountNumber"])),
    ),
    money_moving=frozenset({"create_blockchain_withdraw_request", "create_fiat_withdraw_request"}),
)
