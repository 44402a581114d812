"""The benchmark's kamiPay workload: a wallet's balance, and a USDT withdrawal from it."""

from __future__ import annotations

from ...core.workload import Bench, Step, as_json
from .conformance import CONFORMANCE, CONFORMANCE_DESTINATIONS, CONFORMANCE_WALLET


def bench(secret: str) -> Bench:
    wallet = CONFORMANCE_WALLET
    body = {
        "chain": "polygon",
        "token": "usdt",
        "amount": 1,
        "from_address": wallet,
        "to_address": CONFORMANCE_DESTINATIONS[0],
    }
    balance = Step("GET", f"/v1/wallet/get_address_balance?address={wallet}&chain=polygon")
    return Bench(
        name="kamipay",
        credentials={"username": "bench@example.com", "password": secret},
        profile=CONFORMANCE,
        auth=lambda c, _clock: CONFORMANCE.make_auth(c),
        read=balance,
        create=Step("POST", "/v1/wallet/withdraw", as_json(body)),
        readback=balance,
        readback_note="the sending wallet's balance (kamiPay has no endpoint that reads a withdrawal back)",
    )
