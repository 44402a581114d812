"""What a SmartyPay seed may hold, the demo seed, and the records a merchant's seed writes.

A partner (an account whose `extra` names no partner) holds the API keys, optionally with its EVM
`address`, and manages merchants. A merchant is an account seeded with
`extra: {"partner": ..., "destinationAddress": "0x..."}` (its confirmed address), optional `name`,
`isKYBFinished`, `createdAt`, `gasWallets` and past `withdrawals` (terminal ones,
`{"id", "currency", "value", "status"}`); its token balances are the account's balances.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ...money import MONEY
from ...sandbox import Store, account_schema, closed
from .currencies import CURRENCIES
from .models import GAS_WALLET, LIFECYCLE, MERCHANT, NETWORK_OF, WITHDRAWAL, new_id

# The provider's documentation examples: the API key of the header table and the secret of the
# signature example. The demo seed uses them so that examples can be run as written.
DEMO_KEY = "TVs1OAkZXCZ0Azk0Qd9rFMxIYKVlLSUg"
DEMO_SECRET = "DiFy5adj2FbrD5SDWsvPrsM2uVOdAund2ksMCZ9lBrRyDr5WMFO6O0loLL8TD1gh"  # noqa: S105 - a published example

# The store computes money in a fixed-precision Decimal context that refuses to round: a seeded
# amount must leave room for its token's decimals within that precision.
SIGNIFICANT_DIGITS = MONEY.prec

_EVM_ADDRESS = {"type": "string", "pattern": "^0x[0-9a-fA-F]{40}$"}
_TERMINAL = sorted(LIFECYCLE.terminal)
_AMOUNT = {"type": "string", "pattern": "^[0-9]{1,60}(\\.[0-9]{1,18})?$"}
_GAS_WALLET = closed(
    {
        "blockchain": {"enum": list(NETWORK_OF)},
        "address": _EVM_ADDRESS,
        "nativeBalance": {"type": "string", "pattern": f"^[0-9]{{1,{SIGNIFICANT_DIGITS}}}$"},
        "isOutOfService": {"type": "boolean"},
    },
    required=["blockchain", "address", "nativeBalance"],
)
_PAST_WITHDRAWAL = closed(
    {
        "id": {"type": "string", "pattern": "^[0-9A-Za-z]{1,64}$"},
        "currency": {"enum": list(CURRENCIES)},
        "value": _AMOUNT,
        "status": {"enum": _TERMINAL},
    },
    required=["currency", "value", "status"],
)
_MERCHANT = account_schema(
    extra=closed(
        {
            "partner": {"type": "string"},
            "name": {"type": "string", "description": "the merchant's name (its id when absent)"},
            "isKYBFinished": {"type": "boolean"},
            "createdAt": {"type": "string", "format": "date-time", "description": "seeding time when absent"},
            "destinationAddress": _EVM_ADDRESS,
            "gasWallets": {"type": "array", "items": _GAS_WALLET},
            "withdrawals": {"type": "array", "items": _PAST_WITHDRAWAL},
        },
        required=["partner", "destinationAddress"],
    ),
    wallets={"maxProperties": 0, "description": "gas wallets are seeded as extra.gasWallets"},
    balances={
        "additionalProperties": False,
        "properties": {
            code: {"type": "string", "pattern": f"^[0-9]{{1,60}}(\\.[0-9]{{1,{currency.decimals}}})?$"}
            for code, currency in CURRENCIES.items()
        },
    },
)
_MERCHANT["properties"]["credentials"] = {
    "maxItems": 0,
    "description": "API keys belong to the partner, not a merchant",
}
_PARTNER = account_schema(
    extra=closed(
        {
            "name": {"type": "string"},
            "address": {**_EVM_ADDRESS, "description": "the partner's address, its merchants' partnerAddress"},
        }
    ),
    balances={"maxProperties": 0, "description": "balances belong to merchants"},
    wallets={"maxProperties": 0},
)

# A merchant is an account whose extra names its partner; any other account is a partner.
SCHEMA = {
    "type": "object",
    "if": {"required": ["extra"], "properties": {"extra": {"required": ["partner"]}}},
    "then": _MERCHANT,
    "else": _PARTNER,
}


def seed_account(store: Store, account: Mapping[str, Any], now: str) -> None:
    """A merchant's record, gas wallets and past withdrawals (`now`: its creation time unless seeded)."""
    extra = account.get("extra") or {}
    if "partner" not in extra:
        return
    _seed_merchant_record(store, account["id"], extra.get("createdAt"), now)
    for wallet in extra.get("gasWallets") or []:
        gas = Decimal(wallet["nativeBalance"])
        store.set_available(account["id"], wallet["blockchain"], gas, GAS_WALLET)
    for past in extra.get("withdrawals") or []:
        _seed_withdrawal(store, account["id"], extra["destinationAddress"], past)


def _seed_merchant_record(store: Store, merchant_id: str, created_at: str | None, now: str) -> None:
    """When the merchant was created: as seeded, else kept from an earlier seed, else now."""
    stored = store.get_object(MERCHANT, merchant_id)
    if stored is None:
        body = {"id": merchant_id, "createdAt": created_at or now}
        store.insert_object(MERCHANT, merchant_id, merchant_id, "active", body)
    elif created_at is not None and created_at != stored.body.get("createdAt"):
        store.update_object(stored, stored.status, {**stored.body, "createdAt": created_at})


def _seed_withdrawal(store: Store, merchant_id: str, address: str, past: Mapping[str, Any]) -> None:
    """A withdrawal from before the emulator started: terminal, so it holds no balance."""
    withdrawal_id = str(past.get("id") or new_id())
    if store.get_object(WITHDRAWAL, withdrawal_id) is not None:
        return  # seeding again keeps the history as it is
    currency = past["currency"]
    body = {
        "id": withdrawal_id,
        "blockchain": CURRENCIES[currency].blockchain,
        "destinationAddress": address,
        "amount": {"value": past["value"], "currency": currency},
        "status": past["status"],
    }
    store.insert_object(WITHDRAWAL, withdrawal_id, merchant_id, past["status"], body, asset=currency)


def demo_seed() -> dict[str, Any]:
    gas = "254803120000000000"
    gas_address = "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753"
    wallets = [
        {"blockchain": chain, "address": gas_address, "nativeBalance": gas}
        for chain in ("BinanceMainNet", "BinanceTestNet", "PolygonMainNet")
    ]
    return {
        "accounts": [
            {
                "id": "demo-partner",
                "credentials": [{"key_id": DEMO_KEY, "secret": DEMO_SECRET}],
                "extra": {"name": "Demo PSP", "address": "0x5888455503193e5C6ea7AC1f232Ac7d6665f55fd"},
            },
            {
                # The merchant of the merchant-search, balance and withdrawal examples.
                "id": "FdDQBuaqXoReYAxf9VtEBq",
                "balances": {"bUSDT": "998", "pUSDC": "3015", "btUSDTv2": "150"},
                "extra": {
                    "partner": "demo-partner",
                    "name": "Tesla Corporation",
                    "isKYBFinished": True,
                    "createdAt": "2023-12-20T06:42:54.906016Z",
                    "destinationAddress": "0x7aa002968e2B68b4803cbE15DdfdEe1488550180",
                    "gasWallets": wallets,
                    "withdrawals": [
                        {
                            "id": "BuDXTw3Dse5iRfkwsSpdec",
                            "currency": "btUSDTv2",
                            "value": "10",
                            "status": "Finished",
                        }
                    ],
                },
            },
            {
                # The merchant of the withdraw-now example request.
                "id": "RgFw2p65CQn3pE8uriL53d",
                "balances": {"bUSDT": "250", "eUSDT": "40.5"},
                "extra": {
                    "partner": "demo-partner",
                    "name": "Demo Coffee Roasters",
                    "isKYBFinished": True,
                    "createdAt": "2024-03-04T09:15:00.000000Z",
                    "destinationAddress": "0x751D591BE537aA9D0Aa5dCb3b12155C1C139EcA6",
                    "gasWallets": [{"blockchain": "BinanceMainNet", "address": gas_address, "nativeBalance": gas}],
                },
            },
            {
                "id": "9xBoSUdGWeiAzMn5VHBvMB",
                "balances": {"btUSDTv2": "10"},
                "extra": {
                    "partner": "demo-partner",
                    "name": "Merchant without a gas wallet",
                    "createdAt": "2024-05-10T12:00:00.000000Z",
                    "destinationAddress": "0x2EcEF0863AEFBaf01726373FB1ce6745949931Bc",
                },
            },
        ]
    }
