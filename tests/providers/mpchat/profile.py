"""MPChat's `Profile`: the account an app scenario starts from, what it pays, how it completes."""

from __future__ import annotations

from decimal import Decimal

from withdrawal_apis.chains import random_tron_address

from ...payouts.profile import RNG, Profile, account

MPCHAT = Profile(
    provider="mpchat",
    credentials={"key_id": "mk_test_app", "secret": "5ec7e7" * 10},
    seed=lambda amount: {
        "accounts": [account("merchant-1", "mk_test_app", "5ec7e7" * 10, balances={"USDT": str(amount)})]
    },
    account_id="merchant-1",
    asset="USDT",
    network="TRC20",
    address=random_tron_address(RNG),
    bad_address="TXyz1234567890abcdefghijklmnopqrst",  # the docs' own sample: not Base58Check
    fee=Decimal("1.00"),
    complete=("submit_for_review", "approve_level1", "approve_level2", "broadcast", "complete"),
)

PROFILE = MPCHAT
