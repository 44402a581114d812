"""1Konto's `Profile`: the account an app scenario starts from, what it pays, how it completes."""

from __future__ import annotations

from withdrawal_apis.chains import random_tron_address

from ...payouts.profile import RNG, Profile, account

ONEKONTO_TRON = random_tron_address(RNG)
ONEKONTO = Profile(
    provider="onekonto",
    credentials={"user": "app@1konto.test", "password": "one-konto-pass", "account_id": "acct-app"},
    seed=lambda amount: {
        "accounts": [
            account(
                "acct-app",
                "app@1konto.test",
                "one-konto-pass",
                balances={"USDT": str(amount)},
                whitelist=[{"network": "tron", "address": ONEKONTO_TRON, "data": {"asset": "USDT"}}],
            )
        ]
    },
    account_id="acct-app",
    asset="USDT",
    network="TRC20",
    address=ONEKONTO_TRON,
    bad_address=random_tron_address(RNG),  # well formed, but not whitelisted
    complete=("complete",),
)

PROFILE = ONEKONTO
