"""What the generated MPChat client costs on top of raw httpx (same transport, same auth, same JSON).

    python scripts/client_overhead.py [--calls 5000]

Both sides sign with `MPChatAuth` and read the same canned response from an in-memory transport,
so the difference is the generated code: building the request and parsing into attrs models.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

import httpx
from mpchat_client.api.withdrawals import get_withdrawal

from withdrawal_apis.providers import mpchat

WITHDRAWAL = {
    "id": "wd_01HQ8ZTXV",
    "merchant_id": "a1b2c3d4",
    "amount": "500.00",
    "fee": "1.00",
    "status": "PENDING",
    "destination_address": "TXyz1234567890abcdefghijklmnopqrst",
    "network": "TRC20",
    "tx_hash": None,
    "created_at": "2024-01-15T10:00:00Z",
    "updated_at": "2024-01-15T10:00:00Z",
}


def per_call_us(calls: int, call: Callable[[], object]) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - started) / calls * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=5000)
    calls = parser.parse_args().calls
    body = json.dumps(WITHDRAWAL).encode()
    headers = {"content-type": "application/json"}
    transport = httpx.MockTransport(lambda _: httpx.Response(200, content=body, headers=headers))
    raw = httpx.Client(base_url="http://sandbox", transport=transport, auth=mpchat.MPChatAuth("mk_test_a", "secret"))
    client = mpchat.client("mk_test_a", "secret", base_url="http://sandbox", httpx_args={"transport": transport})
    per_call_us(200, lambda: get_withdrawal.sync("wd_01HQ8ZTXV", client=client))  # warm-up
    baseline = per_call_us(calls, lambda: raw.get("/v1/withdrawals/wd_01HQ8ZTXV").json())
    generated = per_call_us(calls, lambda: get_withdrawal.sync("wd_01HQ8ZTXV", client=client))
    print(
        f"client overhead: raw httpx {baseline:.1f} us/call, generated client {generated:.1f} us/call, "
        f"+{generated - baseline:.1f} us ({(generated / baseline - 1) * 100:.0f}%)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
