"""The benchmark's SmartyPay workload: a merchant's balance, and a withdraw-now found by a search."""

from __future__ import annotations

from ...core.workload import ID, OFFSET, PAGE, Bench, Paging, ScaleOps, Step, as_json
from .auth import SmartyPayHmacAuth
from .conformance import CONFORMANCE, CONFORMANCE_MERCHANTS


def bench(secret: str) -> Bench:
    merchant = CONFORMANCE_MERCHANTS[0]
    # The merchant's newest intents: the one withdraw-now answered is among them whether it is still
    # pending or, under `--advance instant` (the soak), already processed; 20 covers what 16 connections
    # create between a create and its read.
    search = {"page": {"limit": 20}}
    return Bench(
        name="smartypay",
        credentials={"api_key": "bench-api-key", "secret": secret},
        profile=CONFORMANCE,
        auth=lambda c, clock: SmartyPayHmacAuth(c["api_key"], c["secret"], clock=clock),
        read=Step("GET", f"/v1/merchants/{merchant}/balance"),
        create=Step(
            "POST",
            "/v1/withdrawals/withdraw-now",
            as_json({"merchantId": merchant, "currency": "bUSDT"}),
            capture='"id"%s*:%s*"([^"]+)"',
        ),
        readback=Step("POST", "/v1/withdrawals/intents/search", as_json(search), expect_id=True),
        readback_note=(
            "a search of the newest withdrawal intents, which lists it (HMAC signs the URI, so the read needs a "
            "fixed path; withdraw-now answers the merchant's pending intent for the currency, creating it once)"
        ),
        scale=ScaleOps(
            Step("GET", f"/v1/withdrawals/{ID}"),
            Paging(
                Step("POST", "/v1/withdrawals/search", as_json({"page": {"limit": PAGE}})),
                Step("POST", "/v1/withdrawals/search", '{"page":{"limit":' + str(PAGE) + ',"offset":' + OFFSET + "}}"),
            ),
        ),
    )
