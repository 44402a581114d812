"""BigONE (OpenAPI v3, spot withdrawals): base URLs and the authenticated client factory."""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any

from bigone_client import AuthenticatedClient

from ...chains import random_ethereum_address, random_tron_address
from ...money import format_decimal
from ..clients import with_auth
from ..profile import ConformanceProfile
from .auth import BigONEAuth
from .gateways import ASSETS, GATEWAYS

PRODUCTION_URL = "https://big.one/api/v3"
PRODUCTION_URL_NEW_HOST = "https://api.big.one/api/v3"
SANDBOX_URL = "http://127.0.0.1:8000"  # BigONE has no sandbox; this is `withdrawal-apis sandbox bigone`

__all__ = ["CONFORMANCE", "PRODUCTION_URL", "PRODUCTION_URL_NEW_HOST", "SANDBOX_URL", "BigONEAuth", "client"]


def client(
    api_key: str, secret: str, base_url: str = PRODUCTION_URL, recv_window: int | None = None, **kwargs: Any
) -> AuthenticatedClient:
    """The generated BigONE client with a fresh HS256 JWT signed into every request.

    Extra keyword arguments go to `AuthenticatedClient` (timeout, headers, httpx_args, ...). The
    static token slot stays empty: `BigONEAuth` writes `Authorization` per request, because the
    token's nonce must be within `recv_window` seconds (default 30) of the server clock.
    """
    return with_auth(AuthenticatedClient, base_url, BigONEAuth(api_key, secret, recv_window=recv_window), **kwargs)


# -- conformance ----------------------------------------------------------------------------------
_rng = random.Random(20240603)
# One trusted destination per gateway; the seed whitelists them and `_fix_body` sends to them.
DESTINATIONS: dict[str, str] = {
    "Bitcoin": "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    "Ethereum": random_ethereum_address(_rng),
    "Tron": random_tron_address(_rng),
    "EOS": "bigonewallet",
    "Mixin": str(uuid.UUID(int=_rng.getrandbits(128), version=4)),
}


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
                "whitelist": [{"network": gateway, "address": address} for gateway, address in DESTINATIONS.items()],
            }
        ]
    }


def _fix_body(operation_id: str, body: dict[str, Any]) -> None:
    """Positive create bodies: a supported asset and gateway, a trusted address, a memo where one is
    needed, an amount within the asset's precision and above its minimum, and a fresh guid (so links
    can follow it). Positive transfers: a listed asset, two different accounts of the caller (the
    emulator has no sub-accounts), an amount within the asset's precision, a fresh guid."""
    if operation_id == "create_transfer":
        _fix_transfer(body)
        return
    if operation_id != "create_withdrawal":
        return
    symbol = str(body.get("symbol"))
    if symbol not in ASSETS:
        symbol = body["symbol"] = _rng.choice(sorted(ASSETS))
    asset = ASSETS[symbol]
    gateway = asset.default_gateway
    if "gateway_name" in body:
        if body["gateway_name"] not in asset.fees:
            body["gateway_name"] = _rng.choice(sorted(asset.fees))
        gateway = body["gateway_name"]
    body["target_address"] = DESTINATIONS[gateway]
    if GATEWAYS[gateway].memo_required and not body.get("memo"):
        body["memo"] = "104779213"
    amount = max(_within_scale(body.get("amount"), asset.scale), Decimal(asset.minimums[gateway]))
    body["amount"] = format_decimal(amount)
    body["guid"] = str(uuid.UUID(int=_rng.getrandbits(128), version=4))


def _fix_transfer(body: dict[str, Any]) -> None:
    if body.get("symbol") not in ASSETS:
        body["symbol"] = _rng.choice(sorted(ASSETS))
    body.pop("sub_account", None)
    body["type"] = "NORMAL"
    if body.get("from") == body.get("to"):
        body["to"] = _rng.choice(sorted({"SPOT", "FUND", "CONTRACT"} - {body.get("from")}))
    amount = _within_scale(body.get("amount"), ASSETS[body["symbol"]].scale)
    body["amount"] = format_decimal(amount) if amount > 0 else "1"
    body["guid"] = str(uuid.UUID(int=_rng.getrandbits(128), version=4))


def _within_scale(amount: object, scale: int) -> Decimal:
    try:
        return Decimal(str(amount)).quantize(Decimal(1).scaleb(-scale), ROUND_DOWN)
    except InvalidOperation:
        return Decimal(0)


CONFORMANCE = ConformanceProfile(
    credentials_env={"api_key": "BIGONE_API_KEY", "secret": "BIGONE_API_SECRET"},
    make_auth=lambda c: BigONEAuth(c["api_key"], c["secret"]),
    emulator_seed=_emulator_seed,
    fix_body=_fix_body,
    money_moving=frozenset({"create_withdrawal", "cancel_withdrawal", "create_transfer"}),
)
