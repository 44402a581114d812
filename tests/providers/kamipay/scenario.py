"""kamiPay's `Scenario`: what the engine's race, crash and auth-attack tests need of it."""

from __future__ import annotations

import random
import time
from decimal import Decimal
from typing import Any

from withdrawal_apis.chains import random_ethereum_address
from withdrawal_apis.providers.kamipay import auth as kamipay_auth

from ...forgery import forge
from ...sandbox.scenario import AuthAttack, Scenario

KAMIPAY_USER, KAMIPAY_PASSWORD = "kamipay-scenario", "pw-5ce0a710-5ce0a710"
KAMIPAY_WALLET = random_ethereum_address(random.Random(11))
KAMIPAY_OTHER_WALLET = random_ethereum_address(random.Random(12))
KAMIPAY_DESTINATION = random_ethereum_address(random.Random(13))


def _kamipay_seed(available: Decimal) -> dict[str, Any]:
    wallet, other = KAMIPAY_WALLET.lower(), KAMIPAY_OTHER_WALLET.lower()
    return {
        "accounts": [
            {
                "id": "merchant-1",
                "credentials": [
                    {"key_id": KAMIPAY_USER, "secret": KAMIPAY_PASSWORD},
                    {"key_id": "kamipay-retired", "secret": KAMIPAY_PASSWORD, "active": False},
                ],
                "extra": {"merchant_id": 1, "wallets": [{"address": KAMIPAY_WALLET, "wallet_desc": "Main wallet"}]},
                # USDT is what the race is about; MATIC pays 0.01 gas per withdrawal and never runs out here.
                "wallets": {wallet: {"USDT": str(available), "MATIC": "1000000"}},
                "whitelist": [{"network": "polygon", "address": KAMIPAY_DESTINATION}],
            },
            {
                "id": "merchant-2",
                "credentials": [{"key_id": "kamipay-other", "secret": "07e1" * 8}],
                "extra": {"merchant_id": 2, "wallets": [{"address": KAMIPAY_OTHER_WALLET}]},
                "wallets": {other: {"USDT": "5", "MATIC": "5"}},
            },
        ]
    }


def _kamipay_attacks() -> list[AuthAttack]:
    now = int(time.time())
    claims = {"sub": KAMIPAY_USER, "iat": now, "exp": now + 3600}
    gateway = {"message": "Unauthorized"}  # plus a fresh request_id
    refused = {"detail": "Incorrect Credentials"}

    def bearer(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    unsigned = forge(claims, None, "none")
    return [
        AuthAttack("missing header", {}, 401, gateway),
        AuthAttack("basic scheme with the password", {"Authorization": f"Basic {KAMIPAY_PASSWORD}"}, 401, gateway),
        AuthAttack("bearer only", {"Authorization": "Bearer"}, 401, gateway),
        AuthAttack("password as the token", bearer(KAMIPAY_PASSWORD), 401, refused),
        AuthAttack("not a JWT", bearer("a.b.c"), 401, refused),
        AuthAttack("signed with a guessed key", bearer(forge(claims, "secret")), 401, refused),
        AuthAttack("alg none", bearer(unsigned), 401, refused),
        AuthAttack("alg HS512", bearer(forge(claims, "secret", "HS512")), 401, refused),
        AuthAttack("expired and forged", bearer(forge({**claims, "exp": now - 10}, KAMIPAY_PASSWORD)), 401, refused),
        AuthAttack("deactivated user", bearer(forge({**claims, "sub": "kamipay-retired"}, "x")), 401, refused),
    ]


KAMIPAY = Scenario(
    provider="kamipay",
    account_id="merchant-1",
    asset="USDT",
    wallet=KAMIPAY_WALLET.lower(),
    unit=Decimal("1"),  # 1 USDT; the 0.01 MATIC gas comes out of another balance
    frozen_per_success=Decimal("0"),  # synchronous: the money leaves at once, nothing is held
    success_status=200,
    seed=_kamipay_seed,
    auth=lambda: kamipay_auth.KamipayAuth(KAMIPAY_USER, KAMIPAY_PASSWORD),
    create=lambda client, i: client.post(
        "/v1/wallet/withdraw",
        json={
            "chain": "polygon",
            "token": "usdt",
            "amount": 1,
            "from_address": KAMIPAY_WALLET,
            "to_address": KAMIPAY_DESTINATION,
        },
    ),
    created_id=lambda response: str(response.json()["data"]["transactionHash"]),
    # kamiPay has no withdrawal lookup; the emulator stores each one under its transaction hash and
    # the control API (same server, no auth) shows it.
    get=lambda client, tx_hash: client.get(f"/_sandbox/withdrawals/{tx_hash}"),
    read_path="/v2/merchants/wallets",
    auth_attacks=_kamipay_attacks,
)

SCENARIO = KAMIPAY
