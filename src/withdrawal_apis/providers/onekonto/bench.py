"""The benchmark's 1Konto workload: the account, and a blockchain withdraw request read back by id."""

from __future__ import annotations

from ...core.workload import ID, PAGE, Bench, Paging, ScaleOps, Step, as_json
from .conformance import CONFORMANCE, CONFORMANCE_ACCOUNT, CONFORMANCE_WALLET


def bench(secret: str) -> Bench:
    account = CONFORMANCE_ACCOUNT
    wallet = CONFORMANCE_WALLET
    body = {"amount": "0.00001 BTC", "network": wallet["network"], "address": wallet["address"]}
    prefix = f"/api/v1/accounting/account/{account}"
    return Bench(
        name="onekonto",
        credentials={"user": "bench@example.com", "password": secret},
        profile=CONFORMANCE,
        auth=lambda c, _clock: CONFORMANCE.make_auth(c),
        read=Step("GET", prefix),
        create=Step(
            "POST",
            f"{prefix}/request/withdraw/blockchain",
            as_json(body),
            capture='"withdrawRequestId"%s*:%s*"([^"]+)"',
        ),
        readback=Step("GET", f"{prefix}/request/withdraw?withdrawRequestId={ID}", expect_id=True),
        readback_note="the list of withdraw requests filtered by the created id (1Konto's way to read one)",
        scale=ScaleOps(
            Step("GET", f"{prefix}/request/withdraw?withdrawRequestId={ID}"),
            Paging(Step("GET", f"{prefix}/request/withdraw?max={PAGE}"), None),  # `max` only: no paging
        ),
    )
