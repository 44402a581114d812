"""Per provider: the account an app scenario starts from, what it pays, and how the emulator finishes it.

The scenarios in `test_app_scenarios.py` are written once; a `Profile` says what differs: the
credentials and seed, a payable destination and a bad one, what a payout holds, and the control-API
transitions that take a payout to its provider's completed state.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from withdrawal_apis.chains import random_ethereum_address, random_tron_address

RNG = random.Random(20251130)
INITIAL = Decimal("1000")


@dataclass(frozen=True)
class Profile:
    provider: str
    credentials: dict[str, str]
    seed: Callable[[Decimal], dict[str, Any]]  # the control-API seed for a withdrawable balance
    account_id: str  # the control API's account holding the balance
    asset: str
    network: str
    address: str
    bad_address: str
    amount: Decimal = Decimal("10")
    fee: Decimal = Decimal("0")
    holds: bool = True  # False: paid at once (kamiPay), nothing is ever held
    complete: tuple[str, ...] = ()  # control-API transitions from created to completed
    sweep: bool = False  # SmartyPay: the balance is swept, not paid out by amount
    balance_filter: dict[str, Any] = field(default_factory=dict)  # picks the Balance row in balances()
    wallet: str = ""  # the emulator's wallet (sub-account) holding the balance, where the provider has several
    emulator_asset: str = ""  # the emulator's asset code, where it is not `asset` (SmartyPay's currency codes)

    @property
    def held_asset(self) -> str:
        return self.emulator_asset or self.asset

    @property
    def wrong_credentials(self) -> dict[str, str]:
        secret = "secret" if "secret" in self.credentials else "password"
        # As long as a real secret (32 bytes), so only its value is wrong.
        return {**self.credentials, secret: ("not-the-" + secret).ljust(32, "x")}


def _account(account_id: str, key_id: str, secret: str, **more: Any) -> dict[str, Any]:
    return {"id": account_id, "credentials": [{"key_id": key_id, "secret": secret}], **more}


# -- MPChat -------------------------------------------------------------------------------------
MPCHAT = Profile(
    provider="mpchat",
    credentials={"key_id": "mk_test_app", "secret": "5ec7e7" * 10},
    seed=lambda amount: {
        "accounts": [_account("merchant-1", "mk_test_app", "5ec7e7" * 10, balances={"USDT": str(amount)})]
    },
    account_id="merchant-1",
    asset="USDT",
    network="TRC20",
    address=random_tron_address(RNG),
    bad_address="TXyz1234567890abcdefghijklmnopqrst",  # the docs' own sample: not Base58Check
    fee=Decimal("1.00"),
    complete=("submit_for_review", "approve_level1", "approve_level2", "broadcast", "complete"),
)

# -- BigONE -------------------------------------------------------------------------------------
BIGONE_KEY = str(uuid.UUID(int=RNG.getrandbits(128), version=4))
BIGONE_TRON = random_tron_address(RNG)
BIGONE = Profile(
    provider="bigone",
    credentials={"api_key": BIGONE_KEY, "secret": "b16e" * 16},
    seed=lambda amount: {
        "accounts": [
            _account(
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

# -- kamiPay ------------------------------------------------------------------------------------
KAMIPAY_WALLET = random_ethereum_address(RNG)
KAMIPAY_DESTINATION = random_ethereum_address(RNG)
KAMIPAY = Profile(
    provider="kamipay",
    credentials={"username": "app-user", "password": "kami-pass-1", "wallet": KAMIPAY_WALLET},
    seed=lambda amount: {
        "accounts": [
            _account(
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

# -- 1Konto -------------------------------------------------------------------------------------
ONEKONTO_TRON = random_tron_address(RNG)
ONEKONTO = Profile(
    provider="onekonto",
    credentials={"user": "app@1konto.test", "password": "one-konto-pass", "account_id": "acct-app"},
    seed=lambda amount: {
        "accounts": [
            _account(
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

# -- SmartyPay ----------------------------------------------------------------------------------
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

PROFILES = {p.provider: p for p in (MPCHAT, BIGONE, KAMIPAY, ONEKONTO, SMARTYPAY)}
