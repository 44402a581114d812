"""What the benchmark sends to Toy Pay: the balance, and a withdrawal read back by id."""

from __future__ import annotations

from withdrawal_apis.core.workload import ID, Bench, Step, as_json

from .auth import ToyAuth
from .conformance import CONFORMANCE


def bench(secret: str) -> Bench:
    body = {"amount": "1.00", "address": "TYNK4gWEUa3eJjMUxneHffj2Dg8erjN5Bg", "network": "TRC20"}
    return Bench(
        name="toy",
        credentials={"key_id": "toy_bench", "secret": secret},
        profile=CONFORMANCE,
        auth=lambda c, clock: ToyAuth(c["key_id"], c["secret"], clock=clock),
        read=Step("GET", "/balance"),
        create=Step("POST", "/withdrawals", as_json(body), capture='"id"%s*:%s*"([^"]+)"'),
        readback=Step("GET", f"/withdrawals/{ID}", expect_id=True),
        readback_note="GET /withdrawals/{id} of the created withdrawal",
    )
