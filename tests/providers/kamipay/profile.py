"""kamiPay's `Profile`: the account an app scenario starts from, what it pays, how it completes."""

from __future__ import annotations

from withdrawal_apis.chains import random_ethereum_address

from ...payouts.profile import RNG, Profile, account

KAMIPAY_WALLET = random_ethereum_address(RNG)
KAMIPAY_DESTINATION = random_ethereum_address(RNG)
KAMIPAY = Profile(
    provider="kamipay",
    credentials={"username": "app-user", "password": "kami-pass-1", "wallet": KAMIPAY_WALLET},
    seed=lambda amount: {
        "accounts": [
            account(
                "merchant-1",
                "app-user",
                "kami-pass-1",
                wallets={KAMIPAY_WALLET.lower(): {"USDT": str(amount), "MATIC": "5"}},
                extra={"merchant_id": 1, "wallets": [{"address": KAMIPAY_WALLET, "wallet_desc": "Main"}]},
                whitelist=[{"network": "polygon", "address": KAMIPAY_DESTINATION}],
            )
        ]
    },
    account_id="merchant-1",
    wallet=KAMIPAY_WALLET.lower(),
    asset="USDT",
    network="MATIC",
    address=KAMIPAY_DESTINATION,
    bad_address=random_ethereum_address(RNG),  # well formed, but not whitelisted
    holds=False,
    balance_filter={"asset": "USDT"},
)

PROFILE = KAMIPAY
