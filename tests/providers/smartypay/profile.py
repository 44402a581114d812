"""SmartyPay's `Profile`: the account an app scenario starts from, what it pays, how it completes."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from withdrawal_apis.chains import random_ethereum_address

from ...payouts.profile import RNG, Profile

SMARTYPAY_MERCHANT = "FdDQBuaqXoReYAxf9VtEBq"
GAS_WALLET = {"blockchain": "BinanceMainNet", "address": random_ethereum_address(RNG), "nativeBalance": "1" + "0" * 20}


def _smartypay_seed(amount: Decimal, history: int = 0) -> dict[str, Any]:
    past = [{"id": f"Past{n:04d}", "currency": "bUSDT", "value": "1", "status": "Finished"} for n in range(history)]
    merchant = {
        "id": SMARTYPAY_MERCHANT,
        "balances": {"bUSDT": str(amount)},
        "extra": {
            "partner": "partner-app",
            "destinationAddress": random_ethereum_address(random.Random(3)),
            "gasWallets": [GAS_WALLET],
            "withdrawals": past,
        },
    }
    partner = {"id": "partner-app", "credentials": [{"key_id": "sp_app_key", "secret": "sp-app-secret"}]}
    return {"accounts": [partner, merchant]}


SMARTYPAY = Profile(
    provider="smartypay",
    credentials={"api_key": "sp_app_key", "secret": "sp-app-secret", "merchant_id": SMARTYPAY_MERCHANT},
    seed=_smartypay_seed,
    account_id=SMARTYPAY_MERCHANT,
    asset="USDT",
    emulator_asset="bUSDT",
    network="BEP20",
    address="",
    bad_address="",
    sweep=True,
    complete=("start", "finish"),
)

PROFILE = SMARTYPAY
