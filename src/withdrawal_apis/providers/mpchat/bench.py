"""The benchmark's MPChat workload: the balance, and a TRC20 withdrawal read back by id."""

from __future__ import annotations

import random

from ...chains import random_tron_address
from ...core.workload import ID, OFFSET, PAGE, Bench, Paging, ScaleOps, Step, as_json
from .auth import MPChatAuth
from .conformance import CONFORMANCE


def bench(secret: str) -> Bench:
    address = random_tron_address(random.Random(2024))  # a fixed, valid TRC20 address
    return Bench(
        name="mpchat",
        credentials={"key_id": "mk_test_bench", "secret": secret},
        profile=CONFORMANCE,
        auth=lambda c, clock: MPChatAuth(c["key_id"], c["secret"], clock=clock),
        read=Step("GET", "/v1/balance"),
        create=Step(
            "POST",
            "/v1/withdrawals",
            as_json({"amount": "1.00", "destination_address": address, "network": "TRC20"}),
            capture='"id"%s*:%s*"([^"]+)"',
        ),
        readback=Step("GET", f"/v1/withdrawals/{ID}", expect_id=True),
        readback_note="GET /v1/withdrawals/{id} of the created withdrawal",
        scale=ScaleOps(
            Step("GET", f"/v1/withdrawals/{ID}"),
            Paging(
                Step("GET", f"/v1/withdrawals?limit={PAGE}&offset=0"),
                Step("GET", f"/v1/withdrawals?limit={PAGE}&offset={OFFSET}"),
            ),
        ),
    )
