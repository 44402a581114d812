"""BigONE's `Profile`: the account an app scenario starts from, what it pays, how it completes."""

from __future__ import annotations

import uuid
from decimal import Decimal

from withdrawal_apis.chains import random_tron_address

from ...payouts.profile import RNG, Profile, account

BIGONE_KEY = str(uuid.UUID(int=RNG.getrandbits(128), version=4))
BIGONE_TRON = random_tron_address(RNG)
BIGONE = Profile(
    provider="bigone",
    credentials={"api_key": BIGONE_KEY, "secret": "b16e" * 16},
    seed=lambda amount: {
        "accounts": [
            account(
                "bigone-1",
                BIGONE_KEY,
                "b16e" * 16,
                wallets={"fund": {"USDT": str(amount)}},
                whitelist=[{"network": "Tron", "address": BIGONE_TRON}],
            )
        ]
    },
    account_id="bigone-1",
    wallet="fund",
    asset="USDT",
    network="TRC20",
    address=BIGONE_TRON,
    bad_address="T" + "1" * 33,
    fee=Decimal("1"),
    complete=("complete",),
    balance_filter={"wallet": "fund"},
)

PROFILE = BIGONE
