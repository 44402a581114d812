"""How the conformance harness and plain `st run` drive SmartyPay: both schemes, the seed, the body rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...core.profile import BodyRule, ConformanceProfile
from .auth import make_auth
from .currencies import BLOCKCHAINS

# -- conformance ----------------------------------------------------------------------------
# The examples in the spec name these merchants; seeding them lets the examples phase reach them.
CONFORMANCE_MERCHANTS = ("RgFw2p65CQn3pE8uriL53d", "FdDQBuaqXoReYAxf9VtEBq", "9xBoSUdGWeiAzMn5VHBvMB")
HISTORY = (("bUSDT", "120.5", "Finished"), ("pUSDC", "3", "Cancelled"), ("btUSDTv2", "10", "Error"))
NAMES = ("Demo Coffee Roasters", "Tesla Corporation", "Merchant without a gas wallet")


def _emulator_seed(credentials: Mapping[str, str]) -> dict[str, Any]:
    wallets = [
        {"blockchain": chain, "address": "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753", "nativeBalance": "1" + "0" * 27}
        for chain in BLOCKCHAINS
    ]
    merchants = [
        {
            "id": merchant_id,
            "balances": {"bUSDT": "998", "pUSDC": "3015", "btUSDTv2": "150.5"},
            "extra": {
                "partner": "conformance-partner",
                "name": name,
                "destinationAddress": "0x7aa002968e2B68b4803cbE15DdfdEe1488550180",
                "isKYBFinished": True,
                "gasWallets": wallets,
                # Past withdrawals give the searches something to page through and the docs' example id
                # something to retrieve.
                "withdrawals": [
                    {"id": f"{merchant_id[:4]}Past{n}", "currency": currency, "value": value, "status": status}
                    for n, (currency, value, status) in enumerate(HISTORY)
                ]
                + (
                    [{"id": "BuDXTw3Dse5iRfkwsSpdec", "currency": "btUSDTv2", "value": "10", "status": "Finished"}]
                    if merchant_id == CONFORMANCE_MERCHANTS[0]
                    else []
                ),
            },
        }
        for merchant_id, name in zip(CONFORMANCE_MERCHANTS, NAMES, strict=True)
    ]
    partner = {
        "id": "conformance-partner",
        "credentials": [{"key_id": credentials["api_key"], "secret": credentials["secret"]}],
        "extra": {"address": "0x5888455503193e5C6ea7AC1f232Ac7d6665f55fd"},
    }
    return {"accounts": [partner, *merchants]}


def _own_merchant(body: dict[str, Any]) -> bool:
    if "merchantId" not in body or body["merchantId"] in CONFORMANCE_MERCHANTS:
        return False
    index = sum(map(ord, str(body["merchantId"]))) % len(CONFORMANCE_MERCHANTS)
    body["merchantId"] = CONFORMANCE_MERCHANTS[index]
    return True


CONFORMANCE = ConformanceProfile(
    make_auth=lambda c: make_auth(c["api_key"], c["secret"], c.get("scheme", "hmac")),
    emulator_seed=_emulator_seed,
    body_rules=(BodyRule("withdraw_now", "partner-merchant", _own_merchant),),
    money_moving=frozenset({"withdraw_now", "update_withdrawal_schedule"}),
    variants={"basic": {"scheme": "basic"}, "hmac": {"scheme": "hmac"}},
    auth_refusals=frozenset({401, 403}),  # a wrong secret, signature or timestamp is 403
)
