"""The benchmark's BigONE workload: a fund account, and a Tron withdrawal read back by id."""

from __future__ import annotations

from ...core.workload import ID, PAGE, TOKEN, UUID, Bench, Paging, ScaleOps, Step, as_json
from .auth import NANOS, BigONEAuth
from .conformance import CONFORMANCE, DESTINATIONS


def bench(secret: str) -> Bench:
    body = {"symbol": "USDT", "target_address": DESTINATIONS["Tron"], "amount": "2", "guid": UUID}
    return Bench(
        name="bigone",
        credentials={"api_key": "bench-api-key", "secret": secret},
        profile=CONFORMANCE,
        auth=lambda c, clock: BigONEAuth(c["api_key"], c["secret"], clock_ns=lambda: int(clock()) * NANOS),
        read=Step("GET", "/viewer/fund/accounts/USDT"),
        create=Step("POST", "/viewer/withdrawals", as_json(body), capture='"id"%s*:%s*(%d+)'),
        readback=Step("GET", f"/viewer/withdrawals/{ID}", expect_id=True),
        readback_note="GET /viewer/withdrawals/{id} of the created withdrawal",
        scale=ScaleOps(
            Step("GET", f"/viewer/withdrawals/{ID}"),
            Paging(
                Step("GET", f"/viewer/withdrawals?limit={PAGE}"),
                Step("GET", f"/viewer/withdrawals?limit={PAGE}&page_token={TOKEN}"),
                walk=Step("GET", f"/viewer/withdrawals?limit=200&page_token={TOKEN}"),
                token=r'"page_token"\s*:\s*"([^"]+)"',  # noqa: S106 - a pattern, not a secret
            ),
        ),
    )
