"""How the conformance harness and plain `st run` drive BigONE: signing, the seed, the body rules."""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any

from ...chains import random_ethereum_address, random_tron_address
from ...core.profile import BodyRule, ConformanceProfile
from ...money import format_decimal
from .auth import BigONEAuth
from .gateways import ASSETS, GATEWAYS

# -- conformance ----------------------------------------------------------------------------------
_rng = random.Random(20240603)
# One trusted destination per gateway; the seed whitelists them and the body rules send to them.
DESTINATIONS: dict[str, str] = {
    "Bitcoin": "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    "Ethereum": random_ethereum_address(_rng),
    "Tron": random_tron_address(_rng),
    "EOS": "bigonewallet",
    "Mixin": str(uuid.UUID(int=_rng.getrandbits(128), version=4)),
}
# The create examples in the spec send to these.
EXAMPLE_DESTINATIONS = (
    ("Bitcoin", "3PumsXwUSakZomHXMcY93RrVRJ7PAi2ida"),
    ("Ethereum", "0x52908400098527886E0F7030069857D2E4169EE7"),
)


def _emulator_seed(credentials: Mapping[str, str]) -> dict[str, Any]:
    # Balances no schema-valid amount (at most 20 integer digits) can exhaust in a fuzzing run, in every
    # account a withdrawal or a transfer can draw on.
    wallets = {wallet: dict.fromkeys(ASSETS, "1" + "0" * 30) for wallet in ("fund", "spot", "contract")}
    return {
        "accounts": [
            {
                "id": "conformance-account",
                "credentials": [{"key_id": credentials["api_key"], "secret": credentials["secret"]}],
                "wallets": wallets,
                "whitelist": [
                    {"network": gateway, "address": address}
                    for gateway, address in (*DESTINATIONS.items(), *EXAMPLE_DESTINATIONS)
                ],
            }
        ]
    }


def _listed_asset(body: dict[str, Any]) -> bool:
    if body.get("symbol") in ASSETS:
        return False
    body["symbol"] = _rng.choice(sorted(ASSETS))
    return True


def _asset_gateway(body: dict[str, Any]) -> bool:
    fees = ASSETS[str(body["symbol"])].fees if body.get("symbol") in ASSETS else {}
    if "gateway_name" not in body or not fees or body["gateway_name"] in fees:
        return False
    body["gateway_name"] = _rng.choice(sorted(fees))
    return True


def _gateway_of(body: dict[str, Any]) -> str | None:
    asset = ASSETS.get(str(body.get("symbol")))
    return str(body.get("gateway_name") or asset.default_gateway) if asset else None


def _trusted_destination(body: dict[str, Any]) -> bool:
    gateway = _gateway_of(body)
    trusted = {address for name, address in EXAMPLE_DESTINATIONS if name == gateway}
    if gateway not in DESTINATIONS or body.get("target_address") in {DESTINATIONS[gateway], *trusted}:
        return False
    body["target_address"] = DESTINATIONS[gateway]
    return True


def _memo_where_required(body: dict[str, Any]) -> bool:
    gateway = GATEWAYS.get(_gateway_of(body) or "")
    if gateway is None or not gateway.memo_required or body.get("memo"):
        return False
    body["memo"] = "104779213"
    return True


def _within_scale(amount: object, scale: int) -> Decimal:
    try:
        return Decimal(str(amount)).quantize(Decimal(1).scaleb(-scale), ROUND_DOWN)
    except InvalidOperation:
        return Decimal(0)


def _asset_precision(body: dict[str, Any]) -> bool:
    asset = ASSETS.get(str(body.get("symbol")))
    if asset is None:
        return False
    amount = _within_scale(body.get("amount"), asset.scale)
    fixed = format_decimal(amount) if amount > 0 else "1"
    if fixed == str(body.get("amount")):
        return False
    body["amount"] = fixed
    return True


def _gateway_minimum(body: dict[str, Any]) -> bool:
    asset, gateway = ASSETS.get(str(body.get("symbol"))), _gateway_of(body)
    if asset is None or gateway is None or gateway not in asset.minimums:
        return False
    minimum = Decimal(asset.minimums[gateway])
    if _within_scale(body.get("amount"), asset.scale) >= minimum:
        return False
    body["amount"] = format_decimal(minimum)
    return True


_guids_sent: set[str] = set()


def _fresh_guid(body: dict[str, Any]) -> bool:
    guid = str(body.get("guid"))
    if guid not in _guids_sent:
        _guids_sent.add(guid)
        return False
    body["guid"] = str(uuid.UUID(int=_rng.getrandbits(128), version=4))
    _guids_sent.add(body["guid"])
    return True


def _own_accounts(body: dict[str, Any]) -> bool:
    """The emulator models no sub-accounts: a transfer between the caller's own accounts."""
    if body.get("type", "NORMAL") == "NORMAL":
        return False
    body.pop("sub_account", None)
    body["type"] = "NORMAL"
    return True


CONFORMANCE = ConformanceProfile(
    make_auth=lambda c: BigONEAuth(c["api_key"], c["secret"]),
    emulator_seed=_emulator_seed,
    body_rules=(
        BodyRule("create_withdrawal", "listed-asset", _listed_asset),
        BodyRule("create_withdrawal", "asset-gateway", _asset_gateway),
        BodyRule("create_withdrawal", "trusted-address", _trusted_destination),
        BodyRule("create_withdrawal", "memo-required", _memo_where_required),
        BodyRule("create_withdrawal", "withdrawal-precision", _asset_precision),
        BodyRule("create_withdrawal", "withdrawal-minimum", _gateway_minimum),
        BodyRule("create_withdrawal", "fresh-guid", _fresh_guid),
        BodyRule("create_transfer", "listed-asset", _listed_asset),
        BodyRule("create_transfer", "known-sub-account", _own_accounts),
        BodyRule("create_transfer", "transfer-precision", _asset_precision),
        BodyRule("create_transfer", "fresh-guid", _fresh_guid),
    ),
    money_moving=frozenset({"create_withdrawal", "cancel_withdrawal", "create_transfer"}),
)
